import Foundation

/// Hints for the usual ways an author names a thing instead of its id: a
/// vocabulary label, a school's or a network's name, an id in typographic quotes.
enum AuthorHints {
    static let typographicQuotes: Set<Character> = ["“", "”", "„", "«", "»", "‘", "’", "‚", "‹", "›"]

    /// `“mentoring”`: quotes a word processor put in; YAML keeps them as part of the id.
    static func curlyQuotes(in id: String) -> LocalizedText? {
        guard id.contains(where: { typographicQuotes.contains($0) }) else { return nil }
        let bare = String(id.filter { !typographicQuotes.contains($0) }).trimmingCharacters(in: .whitespaces)
        return LocalizedText(
            en: "the id `\(id)` is written in typographic quotes, which become part of it; write it without quotes: `\(bare)` (or in straight quotes \"\(bare)\")",
            ru: "идентификатор «\(id)» записан в типографских кавычках, и они стали частью id. Пишите id без кавычек: `\(bare)` (или в прямых кавычках \"\(bare)\"); текстовый редактор не должен заменять их на “ ”")
    }

    /// The id of the vocabulary term whose label is `value`.
    static func termID(forLabel value: String, in vocabulary: Vocabulary) -> String? {
        let wanted = normalized(value)
        return vocabulary.terms.first { normalized($0.label) == wanted }?.id.value
    }

    /// The id of the entity whose name or title is `value`.
    static func entityID(forName value: String, _ kind: EntityKind, in content: SiteContent) -> String? {
        let wanted = normalized(value)
        func find<T>(_ entries: [Entry<T>], _ names: (T) -> [String?]) -> String? {
            entries.first { entry in names(entry.fields).contains { $0.map(normalized) == wanted } }?.id
        }
        switch kind {
        case .school: return find(content.schools) { [$0.name, $0.shortName] }
        case .network: return find(content.networks) { [$0.name] }
        case .program: return find(content.programs) { [$0.title] }
        case .practice: return find(content.practices) { [$0.title] }
        case .seminar: return find(content.seminars) { [$0.title] }
        case .digest: return find(content.digests) { [$0.title] }
        case .register: return find(content.registers) { [$0.title] }
        case .person: return find(content.people) { [$0.name] }
        }
    }

    static func useID(_ id: String, insteadOf value: String) -> LocalizedText {
        LocalizedText(en: "; «\(value)» is a name, not an id: use `\(id)`",
                      ru: "; «\(value)» — это название, а не идентификатор: используйте `\(id)`")
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ё", with: "е").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
