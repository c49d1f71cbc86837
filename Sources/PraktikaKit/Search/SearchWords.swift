import Foundation

/// The bank's own words, `search/words.js`: every word of three or more
/// letters (and every number) that the search index can contain, most frequent first. The search
/// page uses it to tell a word that is in no page from one that is (Pagefind
/// would otherwise widen an unknown word to its longest indexed prefix, often
/// a one-letter preposition), and to suggest spellings taken from the bank
/// itself. A script that sets a global, so it also loads from `file://`.
struct SearchWords {
    let env: RenderEnvironment

    static let path = "search/words.js"

    func script() -> String {
        "window.praktikaWords = " + JSONValue.string(words().joined(separator: " ")).text + ";\n"
    }

    /// Words of the searchable texts with their counts, most frequent first,
    /// ties alphabetical so the file is the same for the same content.
    func words() -> [String] {
        var counts: [String: Int] = [:]
        for text in texts() { Self.tokens(text) { counts[$0, default: 0] += 1 } }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// The texts of the pages that are indexed, as far as they are searched:
    /// cards, contacts and seminar lists quoted on other pages are not.
    private func texts() -> [String] {
        let graph = env.graph
        var texts: [String] = []
        for practice in graph.practices.values {
            texts += [practice.title, practice.summary, practice.body?.text ?? "",
                      practice.resources?.value ?? "", practice.replicability?.value ?? ""]
            texts += practice.results.map(\.indicator)
            for vocabulary in VocabularyKind.allCases {
                texts += vocabulary.terms(of: practice.fields).compactMap { graph.term(vocabulary, $0.value)?.label }
            }
        }
        for school in graph.schools.values {
            texts += [school.name, school.shortName ?? "", school.locality ?? "", school.municipality ?? "",
                      school.region ?? "", school.body?.text ?? ""]
        }
        for network in graph.networks.values { texts += [network.name, network.body?.text ?? ""] }
        for program in graph.programs.values {
            texts += [program.title, program.goal?.value ?? "", program.description?.value ?? ""]
            texts += program.tasks.map(\.value) + program.expectedResults.map(\.value)
        }
        for seminar in graph.seminars.values {
            texts += [seminar.title, seminar.body?.text ?? ""] + seminar.agenda.map(\.title)
        }
        return texts
    }

    /// Lower-cased words of three or more letters, «ё» folded to «е» as the
    /// search page folds queries; Markdown link targets are skipped.
    static func tokens(_ text: String, _ body: (String) -> Void) {
        var word = "", inTarget = false, previous: Character = " "
        func flush() {
            // Numbers count at any length: «СОШ № 2» must find school 2 and nothing else.
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
