import Foundation

/// The bank's own words, `search/words/<first letter>.js`: every word of
/// three or more letters (and every number) that the search index can
/// contain, most frequent first, one file per first letter (its code point
/// in hex) so that a query loads only the lists of its words' letters. The
/// search page uses them to tell a word that is in no page from one that is
/// (Pagefind would otherwise widen an unknown word to its longest indexed
/// prefix, often a one-letter preposition), and to suggest spellings from the
/// bank itself. Scripts that fill a global, so they also load from `file://`.
struct SearchWords {
    let env: RenderEnvironment

    static let folder = "search/words/"

    static func path(first: Character) -> String {
        folder + (first.unicodeScalars.first.map { String($0.value, radix: 16) } ?? "0") + ".js"
    }

    /// The lists made from the graph's texts: for `serve` and a build without
    /// Pagefind, whose search reads the catalog. A build with Pagefind makes
    /// them from its records (`SearchVocabulary`).
    func files() -> [(name: String, bytes: Data)] {
        Self.files(words().map { ($0, nil) })
    }

    /// One script per first letter. A word some bundles lack is written
    /// `word:mask`, the mask naming in hex the bundles that hold it. Every
    /// script also carries the note on the recent edits (`SearchIndexPlan`),
    /// when there are any: a search loads at least one of them, at no extra request.
    static func files(_ entries: [(word: String, bundles: String?)], recentEdits: String? = nil) -> [(name: String, bytes: Data)] {
        var groups: [Character: [String]] = [:]
        for entry in entries {
            guard let first = entry.word.first else { continue }
            groups[first, default: []].append(entry.bundles.map { entry.word + ":" + $0 } ?? entry.word)
        }
        return groups.keys.sorted().map { first in
            let list = groups[first] ?? []
            let script = (recentEdits.map { "window.praktikaRecentEdits = \($0);\n" } ?? "") + "(window.praktikaWords = window.praktikaWords || {})[" + JSONValue.string(String(first)).text + "] = "
                + JSONValue.string(list.joined(separator: " ")).text + ";\n"
            return (Self.path(first: first), Data(script.utf8))
        }
    }

    /// Words of the searchable texts with their counts, most frequent first,
    /// ties alphabetical so the file is the same for the same content.
    func words() -> [String] {
        var counts: [String: Int] = [:]
        forEachText { texts in
            for text in texts { Self.tokens(text) { counts[$0, default: 0] += 1 } }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// The texts of the pages that are indexed, as far as they are searched:
    /// cards, contacts and seminar lists quoted on other pages are not. One
    /// entity at a time: the bodies' text, made from their HTML, is as large as the bank.
    private func forEachText(_ visit: ([String]) -> Void) {
        let graph = env.graph
        var texts: [String] = []
        func flush() { visit(texts); texts.removeAll(keepingCapacity: true) }
        // A body as the page shows it (and Pagefind indexes it): the Markdown
        // pass's HTML as text. Dropped raw HTML and link targets are not words.
        func body<Fields>(_ entry: Entry<Fields>) -> String {
            entry.body.flatMap { env.prose.html(.body(file: entry.file, body: $0)) }.map(Self.visibleText) ?? ""
        }
        for practice in graph.practices.values {
            texts += [practice.title, practice.summary, body(practice),
                      practice.resources?.value ?? "", practice.replicability?.value ?? ""]
            texts += practice.results.map(\.indicator)
            for vocabulary in VocabularyKind.allCases {
                texts += vocabulary.terms(of: practice.fields).compactMap { graph.term(vocabulary, $0.value)?.label }
            }
            flush()
        }
        for school in graph.schools.values {
            texts += [school.name, school.shortName ?? "", school.locality ?? "", school.municipality ?? "",
                      school.region ?? "", body(school)]
        }
        for network in graph.networks.values { texts += [network.name, body(network)] }
        for program in graph.programs.values {
            texts += [program.title, program.goal?.value ?? "", program.description?.value ?? ""]
            texts += program.tasks.map(\.value) + program.expectedResults.map(\.value)
        }
        for seminar in graph.seminars.values {
            texts += [seminar.title, body(seminar)] + seminar.agenda.map(\.title)
        }
        flush()
    }

    /// The text of HTML: tags become spaces (as block breaks are in the
    /// source), and the entities cmark writes become their characters.
    static func visibleText(_ html: String) -> String {
        // Over bytes: `<` and `>` never occur inside a multi-byte character.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count)
        var inTag = false, hasEntity = false
        for byte in html.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false; bytes.append(UInt8(ascii: " ")) }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
            } else {
                hasEntity = hasEntity || byte == UInt8(ascii: "&")
                bytes.append(byte)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard hasEntity else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Lower-cased words of three or more letters, «ё» folded to «е» as the
    /// search page folds queries; Markdown link targets are skipped. A bank's
    /// text is mostly Russian and ASCII, read here scalar by scalar; a text
    /// with any other character goes the slower way of `characterTokens`,
    /// which is the reference the fast path is tested against.
    static func tokens(_ text: String, _ body: (String) -> Void) {
        guard text.unicodeScalars.allSatisfy(isPlain) else { return characterTokens(text, body) }
        var word: [UInt8] = [], letters = 0, digitsOnly = true, inTarget = false
        var previous: Unicode.Scalar = " "
        func flush() {
            // Numbers count at any length: «СОШ № 2» must find school 2 and nothing else.
            if letters >= 3 || (letters > 0 && digitsOnly) { body(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true); letters = 0; digitsOnly = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if inTarget {
                if scalar == ")" { inTarget = false }
            } else if scalar == "(" && previous == "]" {
                inTarget = true
            } else if let lower = plainWordScalar(value) {
                digitsOnly = digitsOnly && (0x30...0x39).contains(value)
                letters += 1
                if lower < 0x80 { word.append(UInt8(lower)) } else {
                    // Cyrillic: two UTF-8 bytes.
                    word.append(UInt8(0xC0 | (lower >> 6))); word.append(UInt8(0x80 | (lower & 0x3F)))
                }
            } else {
                flush()
            }
            previous = scalar
        }
        flush()
    }

    /// ASCII, the Russian alphabet, and the spaces, quotes, dashes, dots and minus of typeset Russian.
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0x401, 0x410...0x44F, 0x451, 0xA0, 0xAB, 0xB7, 0xBB, 0xB0, 0x2009, 0x2212, 0x2010...0x2015, 0x2018...0x201F, 0x2026, 0x202F, 0x2116:
            return true
        default:
            return false
        }
    }

    /// The lower-case letter or digit a plain scalar adds to a word, or nil for a separator.
    private static func plainWordScalar(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x30...0x39, 0x61...0x7A: return value
        case 0x41...0x5A: return value + 0x20
        case 0x401, 0x451: return 0x435  // Ё, ё → е
        case 0x410...0x42F: return value + 0x20
        case 0x430...0x44F: return value
        default: return nil
        }
    }

    /// Tokens Character by Character, for any text.
    static func characterTokens(_ text: String, _ body: (String) -> Void) {
        var word = "", inTarget = false, previous: Character = " "
        func flush() {
            if word.count >= 3 || (!word.isEmpty && word.allSatisfy(\.isNumber)) { body(word) }
            word = ""
        }
        for character in text {
            if inTarget {
                if character == ")" { inTarget = false }
            } else if character == "(" && previous == "]" {
                inTarget = true
            } else if character.isLetter || character.isNumber {
                word += character == "ё" || character == "Ё" ? "е" : character.lowercased()
            } else {
                flush()
            }
            previous = character
        }
        flush()
    }
}
