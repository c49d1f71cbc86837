import Foundation

/// Finds the attachments under `content/files/`. A symbolic link that points
/// outside that folder is refused, so content cannot publish other files of the machine.
struct AttachmentScanner {
    let filesDirectory: URL

    func scan(log: DiagnosticLog) -> [String: Int] {
        // A site without attachments need not have the folder at all.
        if FileSystem.kind(filesDirectory.path) == .missing { return [:] }
        let base = filesDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: filesDirectory.path) else { return [:] }
        let site = filesDirectory.deletingLastPathComponent().deletingLastPathComponent().path
        guard SiteBoundary.isInside(filesDirectory.path, root: site) else {
            log.add(SiteBoundary.outside("content/files"))
            return [:]
        }
        var files: [String: Int] = [:]
        while let relative = enumerator.nextObject() as? String {
            let url = filesDirectory.appendingPathComponent(relative)
            let name = url.lastPathComponent
            if name.hasPrefix(".") { continue }
            let resolved = url.resolvingSymlinksInPath().path
            guard resolved == base || resolved.hasPrefix(base + "/") else {
                log.add(.error(SourceLocation(file: "content/files/\(relative)"), LocalizedText(
                    en: "this symbolic link points outside content/files/ (to \(resolved)); attachments must be inside content/files/",
                    ru: "эта символическая ссылка указывает за пределы content/files/ (на \(resolved)); вложения должны лежать внутри content/files/")))
                enumerator.skipDescendants()
                continue
            }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
                  attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            files[relative] = (attributes[.size] as? Int) ?? 0
        }
        return files
    }
}
