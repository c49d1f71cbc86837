import Foundation

/// `praktika init` and `praktika new`: a new site that builds at once, and new
/// entries from archetypes with every field explained in Russian.
public enum Scaffolding {
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    static var skeletonDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("SiteSkeleton", isDirectory: true)
    }

    /// Copies the example site into `folder`, which must be new or empty.
    public static func initSite(at folder: URL) throws -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path),
           let entries = try? fm.contentsOfDirectory(atPath: folder.path), !entries.filter({ !$0.hasPrefix(".") }).isEmpty {
            throw Problem(description: "\(folder.path) is not empty; choose a new folder for the site")
        }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        let source = skeletonDirectory
        guard let enumerator = fm.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count + 1))
            let target = folder.appendingPathComponent(relative)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: url, to: target)
            written.append(relative)
        }
        return written.sorted()
    }

    public static let kinds: [EntityKind] = [.practice] + EntityKind.allCases.filter { $0 != .practice }

    /// Writes `content/<kind>s/<id>.<ext>` from the archetype and returns its path.
    public static func newEntry(kind: EntityKind, id: String, site: URL, title: String?, school: String?, today: Day = .today()) throws -> URL {
        guard EntityID.isValid(id) else {
            throw Problem(description: "`\(id)` is not a valid id: use lower-case Latin letters, digits and hyphens, e.g. `mentoring-pairs`")
        }
        let fm = FileManager.default
        let folder = site.appendingPathComponent("content/\(kind.folder)", isDirectory: true)
        for ext in ["md", "yaml", "yml"] where fm.fileExists(atPath: folder.appendingPathComponent("\(id).\(ext)").path) {
            throw Problem(description: "content/\(kind.folder)/\(id).\(ext) already exists; choose another id")
        }
        let ext = kind.isMarkdown ? "md" : "yaml"
        let archetype = try archetypeText(kind: kind, ext: ext, site: site)
        let schoolID = try school.map { id in
            guard fm.fileExists(atPath: site.appendingPathComponent("content/schools/\(id).md").path) else {
                throw Problem(description: "unknown school `\(id)`: there is no content/schools/\(id).md")
            }
            return id
        } ?? existingSchool(site: site) ?? (kind == .school ? id : nil)
        if archetype.contains("{{school}}") && schoolID == nil {
            throw Problem(description: "a \(kind.rawValue) names a school, and the site has none yet: create one first with `praktika new school ID`")
        }
        let text = archetype
            .replacingOccurrences(of: "{{id}}", with: id)
            .replacingOccurrences(of: "{{title}}", with: (title ?? kind.newTitleRU).replacingOccurrences(of: "\"", with: "\\\""))
            .replacingOccurrences(of: "{{school}}", with: schoolID ?? "")
            .replacingOccurrences(of: "{{date}}", with: today.isoDate)
            .replacingOccurrences(of: "{{year}}", with: String(today.year))
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("\(id).\(ext)")
        try Data(text.utf8).write(to: target)
        return target
    }

    /// The site theme's archetype if it has one, else the built-in one.
    private static func archetypeText(kind: EntityKind, ext: String, site: URL) throws -> String {
        let name = "archetypes/\(kind.rawValue).\(ext)"
        var candidates: [URL] = []
        if let theme = try? siteThemeName(site) {
            candidates.append(site.appendingPathComponent("themes/\(theme)/\(name)"))
        }
        candidates.append(Theme.builtinDirectory.appendingPathComponent(name))
        for url in candidates where FileManager.default.fileExists(atPath: url.path) {
            return try String(contentsOf: url, encoding: .utf8)
        }
        throw Problem(description: "no archetype \(name) in the theme")
    }

    private static func siteThemeName(_ site: URL) throws -> String {
        let text = try String(contentsOf: site.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        return YAMLReaderForScaffolding.theme(in: text) ?? "default"
    }

    private static func existingSchool(site: URL) -> String? {
        let folder = site.appendingPathComponent("content/schools")
        return (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
            .filter { $0.hasSuffix(".md") }.sorted().first.map { String($0.dropLast(3)) }
    }
}

enum YAMLReaderForScaffolding {
    static func theme(in siteYAML: String) -> String? {
        guard case .success(let config)? = Optional(YAMLReader().decode(SiteConfig.self, yaml: siteYAML, lineOffset: 0, file: "site.yaml").value)
        else { return nil }
        return config.theme
    }
}
