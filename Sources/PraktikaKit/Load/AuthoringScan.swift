import Foundation

/// The texts `praktika new` writes for the author to replace («Фамилия Имя
/// Отчество», «Название региона», «Опишите, какую проблему…»), taken from
/// the theme's archetypes themselves, so a changed archetype needs no second list.
struct Placeholders: Sendable {
    let phrases: Set<String>
    /// Their lengths in bytes: a line's value of another length is no placeholder.
    let byteLengths: Set<Int>

    init(phrases: Set<String>) {
        self.phrases = phrases
        byteLengths = Set(phrases.map(\.utf8.count))
    }

    /// From the site theme's archetypes where it has them, else the built-in ones.
    /// A text that the `praktika init` example site also uses is a real example, not a placeholder.
    static func load(site: URL, theme: String) -> Placeholders {
        let builtin = Theme.builtinDirectory.appendingPathComponent("archetypes")
        let own = site.appendingPathComponent("themes/\(theme)/archetypes")
        var phrases = Set<String>()
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: builtin.path)) ?? [] {
            let url = fm.fileExists(atPath: own.appendingPathComponent(name).path)
                ? own.appendingPathComponent(name) : builtin.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for value in AuthoringScan.values(in: withoutKeepableDefaults(text)) where isPlaceholder(value.text) {
                phrases.insert(value.text)
            }
        }
        for example in skeletonValues() { phrases.remove(example) }
        return Placeholders(phrases: phrases)
    }

    /// An archetype marks a sensible default with the comment `# можно оставить`
    /// (on a block's first line, for the whole block): it is no placeholder.
    static let keepMarker = "# можно оставить"

    private static func withoutKeepableDefaults(_ text: String) -> String {
        var kept: [Substring] = []
        var blockIndent: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            if let block = blockIndent {
                if line.trimmingCharacters(in: .whitespaces).isEmpty || indent > block { continue }
                blockIndent = nil
            }
            if line.contains(keepMarker) {
                let head = line.components(separatedBy: keepMarker)[0].trimmingCharacters(in: .whitespaces)
                if head.hasSuffix("|") || head.hasSuffix(">-") || head.hasSuffix(">") { blockIndent = indent }
                continue
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    private static func isPlaceholder(_ text: String) -> Bool {
        if text.contains("{{") { return false }
        if text.contains("example.ru") || text.contains("000") { return true }
        let hasCyrillic = text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        return hasCyrillic && text.split(separator: " ").count >= 2
    }

    private static func skeletonValues() -> Set<String> {
        let root = Scaffolding.skeletonDirectory
        guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var values = Set<String>()
        for case let url as URL in files where ["md", "yaml"].contains(url.pathExtension) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            values.formUnion(AuthoringScan.values(in: text).map(\.text))
        }
        return values
    }
}

/// Line-by-line checks of an entity file's text: placeholders left from the
/// archetype, and malformed e-mail addresses. Every content file goes through
/// this, so lines are read as bytes and a value becomes a String only when it
/// could be a placeholder (its length is one of theirs) or is an e-mail.
enum AuthoringScan {
    struct Value {
        var text: String
        /// 1-based line and character column of the value in the file.
        var line: Int
        var column: Int
        /// The YAML field name when the line is `field: value`.
        var field: String?
    }

    /// One line's value, as byte offsets into the text.
    struct RawValue {
        var line: Int
        var lineStart: Int
        var value: Range<Int>
        var field: Range<Int>?
    }

    /// The value of each line: after `field: ` or `- `, without quotes or a
    /// trailing comment, or the whole line of Markdown text (after `1. `).
    /// Archetypes and content are read the same way, so a placeholder is
    /// found wherever the author left it.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (RawValue) -> Void) {
        let space: UInt8 = 0x20, tab: UInt8 = 0x09
        var number = 0, start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            number += 1
            defer { start = end + 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            var i = start
            while i < lineEnd, bytes[i] == space { i += 1 }
            guard i < lineEnd, bytes[i] != UInt8(ascii: "#") else { continue }
            if lineEnd - i == 3, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: "-") { continue }
            if i + 1 < lineEnd, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == space {
                i += 2
                while i < lineEnd, bytes[i] == space { i += 1 }
            }
            var field: Range<Int>?
            var j = i
            while j < lineEnd, (bytes[j] | 0x20) >= UInt8(ascii: "a") && (bytes[j] | 0x20) <= UInt8(ascii: "z") || bytes[j] == UInt8(ascii: "_") { j += 1 }
            if j > i, j + 1 < lineEnd, bytes[j] == UInt8(ascii: ":"), bytes[j + 1] == space {
                field = i..<j
                i = j + 2
                while i < lineEnd, bytes[i] == space { i += 1 }
            } else {
                var k = i
                while k < lineEnd, bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9") { k += 1 }
                if k > i, k + 1 < lineEnd, bytes[k] == UInt8(ascii: "."), bytes[k + 1] == space { i = k + 2 }
            }
            var valueEnd = lineEnd
            if field != nil, i < lineEnd, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'") {
                var k = i
                while k + 1 < lineEnd, !(bytes[k] == space && bytes[k + 1] == UInt8(ascii: "#")) { k += 1 }
                if k + 1 < lineEnd { valueEnd = k }
            }
            while i < valueEnd, bytes[i] == space || bytes[i] == tab { i += 1 }
            while valueEnd > i, bytes[valueEnd - 1] == space || bytes[valueEnd - 1] == tab { valueEnd -= 1 }
            if valueEnd - i >= 2, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'"), bytes[valueEnd - 1] == bytes[i] {
                i += 1
                valueEnd -= 1
            }
            guard valueEnd > i else { continue }
            visit(RawValue(line: number, lineStart: start, value: i..<valueEnd, field: field))
        }
    }

    /// Every value of a text as Strings; for the archetypes, which are few and small.
    static func values(in text: String) -> [Value] {
        var result: [Value] = []
        var text = text
        text.withUTF8 { bytes in
            scan(bytes) { raw in result.append(value(raw, in: bytes)) }
        }
        return result
    }

    private static func value(_ raw: RawValue, in bytes: UnsafeBufferPointer<UInt8>) -> Value {
        func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        // Characters, not bytes, before the value: continuation bytes are not counted.
        let column = bytes[raw.lineStart..<raw.value.lowerBound].filter { $0 & 0xC0 != 0x80 }.count + 1
        return Value(text: string(raw.value), line: raw.line, column: column, field: raw.field.map(string))
    }

    static func check(text: String, file: String, lineOffset: Int = 0, isDraft: Bool, placeholders: Placeholders?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var draftPlaceholders: [(Value, SourceLocation)] = []
        let email = Array("email".utf8)
        let lengths = placeholders?.byteLengths ?? []
        var text = text
        text.withUTF8 { bytes in
            scan(bytes) { raw in
                let isEmail = raw.field.map { $0.count == email.count && bytes[$0].elementsEqual(email) } ?? false
                let mayBePlaceholder = lengths.contains(raw.value.count)
                guard isEmail || mayBePlaceholder else { return }
                let value = value(raw, in: bytes)
                let location = SourceLocation(file: file, line: value.line + lineOffset, column: value.column)
                if let placeholders, mayBePlaceholder, placeholders.phrases.contains(value.text) {
                    if isDraft {
                        draftPlaceholders.append((value, location))
                    } else {
                        found.append(.error(location, LocalizedText(
                            en: "«\(value.text)» is the placeholder text of `praktika new` and would be published as is: replace it with your own or delete the line",
                            ru: "«\(value.text)» — текст-заготовка из `praktika new`, он был бы опубликован как есть: замените его своим или удалите строку")))
                    }
                }
                if isEmail, let problem = emailProblem(value.text) {
                    found.append(.error(location, problem))
                }
            }
        }
        // A draft just made by `praktika new` is all placeholders: one line says so.
        if let (first, location) = draftPlaceholders.first {
            let lines = draftPlaceholders.map { String($0.0.line + lineOffset) }.joined(separator: ", ")
            found.append(.warning(location, LocalizedText(
                en: "the draft still has \(draftPlaceholders.count) placeholder text(s) of `praktika new` (lines \(lines)), starting with «\(first.text)»: replace them before publishing, or the build stops",
                ru: "в черновике остались тексты-заготовки из `praktika new` (\(draftPlaceholders.count), строки \(lines)), первый — «\(first.text)»: замените их до публикации, иначе сайт не соберётся")))
        }
        return found
    }

    /// `name@domain.ru`: one @, no spaces, a domain with a dot and a letter ending.
    static func emailProblem(_ address: String) -> LocalizedText? {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let valid: Bool = {
            guard parts.count == 2, !parts[0].isEmpty, !address.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" }) else { return false }
            let domain = parts[1]
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
                  let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter)
            else { return false }
            return domain.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
        }()
        guard !valid else { return nil }
        return LocalizedText(
            en: "`\(address)` is not an e-mail address: write one address as `name@school.ru`, without spaces",
            ru: "«\(address)» — не адрес электронной почты: напишите один адрес вида `name@school.ru`, без пробелов и лишних знаков (второй адрес — в другое поле или в текст)")
    }
}
