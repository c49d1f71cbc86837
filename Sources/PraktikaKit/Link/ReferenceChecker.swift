import Foundation

/// Checks that ids named in content exist, reporting each unknown one at its
/// own position with the closest known ids.
/// Why a reference does not resolve.
enum ReferenceProblem: Sendable {
    /// The file it names exists but could not be read; that was reported there.
    case alreadyReported
    case message(LocalizedText)
}

struct ReferenceChecker {
    let graph: SiteGraph
    let log: DiagnosticLog

    private var content: SiteContent { graph.content }

    /// Ids that exist in the content, drafts included, for the kind.
    func knownIDs(_ kind: EntityKind) -> [String] {
        content.entries(kind).map(\.id)
    }

    /// The problem with a reference, or nil when it resolves to a published entity.
    func problem(_ kind: EntityKind, _ id: String) -> ReferenceProblem? {
        if graph.contains(kind, id) { return nil }
        // Already reported where the file itself is wrong.
        if content.unreadable.contains("\(kind.rawValue)/\(id)") { return .alreadyReported }
        return .message(unknownMessage(kind, id))
    }

    private func unknownMessage(_ kind: EntityKind, _ id: String) -> LocalizedText {
        if kind == .practice, content.practices.contains(where: { $0.id == id }) {
            return LocalizedText(
                en: "practice `\(id)` is a draft (status: draft) and is not published; publish it or remove the reference",
                ru: "практика «\(id)» — черновик (status: draft) и не публикуется; опубликуйте её или уберите ссылку")
        }
        if let quoted = AuthorHints.curlyQuotes(in: id) { return quoted }
        let ext = kind.isMarkdown ? "md" : "yaml"
        let hint = AuthorHints.entityID(forName: id, kind, in: content).map { AuthorHints.useID($0, insteadOf: id) }
            ?? Suggestions.hint(Suggestions.closest(to: id, among: knownIDs(kind)))
        return LocalizedText(
            en: "unknown \(kind.rawValue) `\(id)`: there is no content/\(kind.folder)/\(id).\(ext)\(hint.en)",
            ru: "\(kind.unknownRU) «\(id)»: нет файла content/\(kind.folder)/\(id).\(ext)\(hint.ru)")
    }

    @discardableResult
    func check(_ ref: Ref, _ kind: EntityKind, in file: String) -> Bool {
        guard let problem = problem(kind, ref.value) else { return true }
        if case .message(let message) = problem { report(message, ref, file) }
        return false
    }

    func checkOptional(_ ref: Ref?, _ kind: EntityKind, in file: String) {
        if let ref { _ = check(ref, kind, in: file) }
    }

    @discardableResult
    func checkTerm(_ ref: Ref, _ vocabulary: VocabularyKind, in file: String) -> Bool {
        guard let terms = content.vocabularies[vocabulary] else {
            report(LocalizedText(
                en: "unknown \(vocabulary.practiceField) term `\(ref.value)`: there is no content/vocabularies/\(vocabulary.rawValue).yaml",
                ru: "неизвестный термин «\(ref.value)» в поле \(vocabulary.practiceField): нет файла content/vocabularies/\(vocabulary.rawValue).yaml"), ref, file)
            return false
        }
        if terms.term(ref.value) != nil { return true }
        if let quoted = AuthorHints.curlyQuotes(in: ref.value) {
            report(quoted, ref, file)
            return false
        }
        let hint = AuthorHints.termID(forLabel: ref.value, in: terms).map { AuthorHints.useID($0, insteadOf: ref.value) }
            ?? Suggestions.hint(Suggestions.closest(to: ref.value, among: terms.terms.map(\.id.value)))
        report(LocalizedText(
            en: "unknown \(vocabulary.practiceField) term `\(ref.value)`: it is not in \(terms.file)\(hint.en)",
            ru: "неизвестный термин «\(ref.value)» в поле \(vocabulary.practiceField): его нет в \(terms.file)\(hint.ru)"), ref, file)
        return false
    }

    /// An attachment path: relative, inside content/files/, existing.
    @discardableResult
    func checkAttachment(_ ref: Ref, in file: String) -> Bool {
        guard let message = attachmentProblem(ref.value) else { return true }
        report(message, ref, file)
        return false
    }

    func attachmentProblem(_ path: String) -> LocalizedText? {
        let normalized = AttachmentPath.normalize(path)
        guard let relative = normalized else {
            return LocalizedText(
                en: "attachment `\(path)` must be a path inside content/files/ (no `..`, no absolute path)",
                ru: "вложение «\(path)» должно быть путём внутри content/files/ (без `..` и без абсолютного пути)")
        }
        if content.files[relative] != nil { return nil }
        let hint = Suggestions.hint(Suggestions.closest(to: relative, among: content.files.keys, limit: 2))
        return LocalizedText(
            en: "attachment `\(path)` not found: there is no content/files/\(relative)\(hint.en)",
            ru: "вложение «\(path)» не найдено: нет файла content/files/\(relative)\(hint.ru)")
    }

    /// The problem with a `kind:id` link in Markdown, or nil when it resolves.
    func problem(for link: EntityLink) -> ReferenceProblem? {
        Self.problem(for: link, in: graph)
    }

    static func problem(for link: EntityLink, in graph: SiteGraph) -> ReferenceProblem? {
        let checker = ReferenceChecker(graph: graph, log: DiagnosticLog())
        guard let kind = link.scheme.entityKind else { return checker.attachmentProblem(link.target).map { .message($0) } }
        return checker.problem(kind, link.target)
    }

    func report(_ message: LocalizedText, _ ref: Ref, _ file: String) {
        log.add(.error(SourceLocation(file: file, line: ref.line, column: ref.column), message))
    }
}

enum AttachmentPath {
    /// The path relative to content/files/, or nil if it would leave that folder.
    static func normalize(_ path: String) -> String? {
        var trimmed = path.trimmingSpaces
        if trimmed.hasPrefix("files/") { trimmed.removeFirst("files/".count) }
        guard !trimmed.isEmpty, !trimmed.hasPrefix("/"), !trimmed.hasPrefix("~"), !trimmed.contains("\\") else { return nil }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." }) else { return nil }
        return parts.filter { $0 != "." }.joined(separator: "/")
    }
}
