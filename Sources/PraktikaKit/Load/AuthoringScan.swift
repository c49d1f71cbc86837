import Foundation

/// The texts `praktika new` writes for the author to replace («Фамилия Имя
/// Отчество», «Название региона», «Опишите, какую проблему…»), taken from
/// the theme's archetypes themselves, so a changed archetype needs no second list.
struct Placeholders: Sendable {
    let phrases: Set<String>

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
/// archetype, and malformed e-mail addresses.
enum AuthoringScan {
    struct Value {
        var text: String
        /// 1-based line and character column of the value in the file.
        var line: Int
        var column: Int
        /// The YAML field name when the line is `field: value`.
        var field: String?
    }

    /// The value of each line: after `field: ` or `- `, without quotes, or
    /// the whole line of Markdown text. Archetypes and content are read the
    /// same way, so a placeholder is found wherever the author left it.
    static func values(in text: String) -> [Value] {
        var result: [Value] = []
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            var rest = line.drop { $0 == " " }
            if rest.isEmpty || rest.hasPrefix("#") || rest == "---" { continue }
            var field: String?
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            if let colon = rest.range(of: ": "), rest[..<colon.lowerBound].allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) {
                field = String(rest[..<colon.lowerBound])
                rest = rest[colon.upperBound...].drop { $0 == " " }
            } else if let dot = rest.range(of: ". "), dot.lowerBound > rest.startIndex, rest[..<dot.lowerBound].allSatisfy(\.isNumber) {
                rest = rest[dot.upperBound...]
            }
            if field != nil, rest.first != "\"", rest.first != "'", let comment = rest.range(of: " #") {
                rest = rest[..<comment.lowerBound]
            }
            var value = rest.trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
                rest = rest.dropFirst()
            }
            guard !value.isEmpty else { continue }
            result.append(Value(text: value, line: number, column: line.distance(from: line.startIndex, to: rest.startIndex) + 1, field: field))
        }
        return result
    }

    static func check(text: String, file: String, lineOffset: Int = 0, isDraft: Bool, placeholders: Placeholders?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var draftPlaceholders: [(Value, SourceLocation)] = []
        for value in values(in: text) {
            let location = SourceLocation(file: file, line: value.line + lineOffset, column: value.column)
            if let placeholders, placeholders.phrases.contains(value.text) {
                if isDraft {
                    draftPlaceholders.append((value, location))
                } else {
                    found.append(.error(location, LocalizedText(
                        en: "«\(value.text)» is the placeholder text of `praktika new` and would be published as is: replace it with your own or delete the line",
                        ru: "«\(value.text)» — текст-заготовка из `praktika new`, он был бы опубликован как есть: замените его своим или удалите строку")))
                }
            }
            if value.field == "email", let problem = emailProblem(value.text) {
                found.append(.error(location, problem))
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
