import Foundation

/// Files under content/ that praktika does not read, each named: an entity
/// file saved under a wrong name (`x.md.txt`) is an error, because the page
/// would silently be missing; anything else there is a warning.
enum UnreadFiles {
    static let entityFolders = EntityKind.allCases.map(\.folder)

    /// A file in an entity folder whose extension is not the folder's.
    static func diagnostic(name: String, in folder: URL, relativeTo prefix: String, extensions: Set<String>) -> Diagnostic {
        let url = folder.appendingPathComponent(name)
        let location = SourceLocation(file: "\(prefix)/\(name)")
        let expected = extensions.sorted().map { "." + $0 }.joined(separator: " / ")
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            return .warning(location, LocalizedText(
                en: "folder not read: praktika reads only the \(expected) files directly in \(prefix)/; move the files up, attachments go to content/files/",
                ru: "папка не читается: praktika читает только файлы \(expected), лежащие прямо в \(prefix)/; перенесите файлы выше, а вложения — в content/files/"))
        }
        if let stem = misnamedEntityStem(name, url: url, extensions: extensions) {
            let wanted = "\(stem).\(extensions.contains("md") ? "md" : "yaml")"
            return .error(location, LocalizedText(
                en: "this looks like an entity file, but praktika reads only \(expected) files here, so its page is missing: rename it to `\(wanted)` (in Windows, turn on «File name extensions» in Explorer to see the real name)",
                ru: "это похоже на файл с материалом, но в этой папке читаются только файлы \(expected), и его страницы на сайте нет: переименуйте его в «\(wanted)» (в Windows включите в Проводнике «Расширения имён файлов», чтобы увидеть настоящее имя)"))
        }
        return .warning(location, LocalizedText(
            en: "not read: only \(expected) files are read in this folder; attachments belong in content/files/",
            ru: "файл не читается: в этой папке читаются только файлы \(expected); вложения (картинки, презентации, PDF) кладите в content/files/"))
    }

    /// `x.md.txt`, `x.MD`, `x.markdown`, `x.yaml.txt`, or a `.txt` starting with `---`: the id it was meant to have.
    private static func misnamedEntityStem(_ name: String, url: URL, extensions: Set<String>) -> String? {
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count >= 2 else { return startsLikeEntity(url) ? name : nil }
        let stem = parts[0]
        let tail = parts.dropFirst().map { $0.lowercased() }
        let entityWords: Set<String> = extensions.contains("md") ? ["md", "markdown", "mdown"] : ["yaml", "yml"]
        if tail.contains(where: entityWords.contains) { return stem }
        if ["txt", "text"].contains(tail.last!) && startsLikeEntity(url) { return stem }
        return nil
    }

    private static func startsLikeEntity(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 200)) ?? Data(), as: UTF8.self)
        return head.hasPrefix("---") || head.hasPrefix("\u{FEFF}---") || head.hasPrefix("title:") || head.hasPrefix("name:")
    }

    /// Files and folders directly in content/ that are not part of a site.
    static func strays(in content: URL, log: DiagnosticLog) {
        let known = Set(entityFolders + ["vocabularies", "files", "site.yaml", "site.yml"])
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: content.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") && !known.contains(name) {
            let hint = Suggestions.hint(Suggestions.closest(to: name, among: entityFolders + ["vocabularies", "files"], limit: 1))
            log.add(.warning(SourceLocation(file: "content/\(name)"), LocalizedText(
                en: "not read: content/ holds only site.yaml and the folders \(entityFolders.joined(separator: ", ")), vocabularies, files\(hint.en)",
                ru: "не читается: в content/ читаются только site.yaml и папки \(entityFolders.joined(separator: ", ")), vocabularies, files\(hint.ru)")))
        }
        let vocabularies = content.appendingPathComponent("vocabularies")
        let names2 = Set(VocabularyKind.allCases.flatMap { ["\($0.rawValue).yaml", "\($0.rawValue).yml"] })
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: vocabularies.path)) ?? []).sorted()
        where !name.hasPrefix(".") && !names2.contains(name) {
            let wanted = VocabularyKind.allCases.map { $0.rawValue + ".yaml" }
            let hint = Suggestions.hint(Suggestions.closest(to: name, among: wanted, limit: 1))
            log.add(.warning(SourceLocation(file: "content/vocabularies/\(name)"), LocalizedText(
                en: "not read: the vocabularies are \(wanted.joined(separator: ", "))\(hint.en)",
                ru: "не читается: словари называются \(wanted.joined(separator: ", "))\(hint.ru)")))
        }
    }
}
