import Foundation

/// The load stage: files under `content/` → typed models with positions.
/// Every file is read even when others fail, so one run reports every problem.
struct ContentLoader: Sendable {
    public let root: URL
    /// Entries parsed earlier, reused while their file is unchanged (serve mode).
    let cache: EntryCache?

    public init(root: URL) {
        self.root = root.standardizedFileURL
        cache = nil
    }

    init(root: URL, cache: EntryCache?) {
        self.root = root.standardizedFileURL
        self.cache = cache
    }

    var contentDirectory: URL { root.appendingPathComponent("content", isDirectory: true) }

    public func load() -> (SiteContent?, [Diagnostic]) {
        let log = DiagnosticLog()
        guard FileManager.default.fileExists(atPath: contentDirectory.path) else {
            log.add(.error(SourceLocation(file: "content"), LocalizedText(
                en: "no `content/` folder in \(root.path); is this a praktika site?",
                ru: "в папке \(root.path) нет папки `content/`; это сайт praktika?")))
            return (nil, log.all)
        }
        let siteFile = "content/site.yaml"
        var site = SiteConfig(title: "praktika")
        guard SiteBoundary.isInside(contentDirectory.path, root: root.path),
              FileSystem.kind(contentDirectory.path + "/site.yaml") != .symlink
                || SiteBoundary.isInside(contentDirectory.path + "/site.yaml", root: root.path) else {
            log.add(SiteBoundary.outside(siteFile))
            return (nil, log.all)
        }
        switch SourceText.read(contentDirectory.appendingPathComponent("site.yaml"), relativePath: siteFile) {
        case .success(let text):
            let decoded = YAMLReader().decode(SiteConfig.self, yaml: text, lineOffset: 0, file: siteFile, schema: .site)
            log.add(contentsOf: decoded.warnings)
            log.add(contentsOf: AuthoringScan.check(text: text, file: siteFile, isDraft: false, placeholders: nil))
            switch decoded.value {
            case .success(let config): site = config
            case .failure(let diagnostic): log.add(diagnostic)
            }
        case .failure(let diagnostic):
            log.add(diagnostic)
        }

        var content = SiteContent(root: root, site: site)
        let unreadable = Locked<Set<String>>([])
        let placeholders = Placeholders.load(site: root, theme: site.theme)
        for kind in EntityKind.allCases {
            switch kind {
            case .school: content.schools = loadEntries(kind, School.self, log: log, unreadable: unreadable, placeholders: placeholders)
            case .network: content.networks = loadEntries(kind, Network.self, log: log, unreadable: unreadable, placeholders: placeholders)
            case .program: content.programs = loadEntries(kind, Program.self, log: log, unreadable: unreadable, placeholders: placeholders)
            case .practice: content.practices = loadEntries(kind, Practice.self, log: log, unreadable: unreadable, placeholders: placeholders)
            case .seminar: content.seminars = loadEntries(kind, Seminar.self, log: log, unreadable: unreadable, placeholders: placeholders)
            case .digest: content.digests = loadEntries(kind, Digest.self, log: log, unreadable: unreadable, placeholders: placeholders)
            case .register: content.registers = loadEntries(kind, Register.self, log: log, unreadable: unreadable, placeholders: placeholders)
            case .person: content.people = loadEntries(kind, PersonProfile.self, log: log, unreadable: unreadable, placeholders: placeholders)
            }
        }
        content.vocabularies = loadVocabularies(log: log)
        UnreadFiles.strays(in: contentDirectory, log: log)
        content.files = AttachmentScanner(filesDirectory: contentDirectory.appendingPathComponent("files")).scan(log: log)
        content.unreadable = unreadable.current
        return (content, log.all)
    }

    private func loadEntries<T: Decodable & Sendable>(
        _ kind: EntityKind, _ type: T.Type, log: DiagnosticLog, unreadable: Locked<Set<String>>, placeholders: Placeholders
    ) -> [Entry<T>] {
        let folder = contentDirectory.appendingPathComponent(kind.folder, isDirectory: true)
        let files = ContentFiles.list(folder, extensions: kind.isMarkdown ? ["md"] : ["yaml", "yml"],
                                      relativeTo: "content/\(kind.folder)", log: log)
        let results = ParallelMap.map(files) { (reader: YAMLReader, file: ContentFiles.Item) -> Entry<T>? in
            guard EntityID.isValid(file.id) else {
                log.add(.error(SourceLocation(file: file.relativePath), LocalizedText(
                    en: "`\(file.id)` is not a valid id: use lower-case Latin letters, digits and hyphens (e.g. `gymnasium-1-syktyvkar`)",
                    ru: "«\(file.id)» — недопустимый идентификатор: используйте строчные латинские буквы, цифры и дефис (например, `gymnasium-1-syktyvkar`)")))
                unreadable.withLock { _ = $0.insert("\(kind.rawValue)/\(file.id)") }
                return nil
            }
            let stamp = cache?.stamp(file.relativePath, url: file.url)
            if let stamp, let cached: (Entry<T>, [Diagnostic]) = cache?.entry(file.relativePath, stamp: stamp) {
                log.add(contentsOf: cached.1)
                return cached.0
            }
            var warnings: [Diagnostic] = []
            let entry = Self.readEntry(kind, type, file: file, reader: reader, warnings: &warnings, placeholders: placeholders)
            log.add(contentsOf: warnings)
            if let stamp, case .success(let value) = entry { cache?.store(file.relativePath, stamp: stamp, entry: value, warnings: warnings) }
            switch entry {
            case .success(let value): return value
            case .failure(let diagnostic):
                log.add(diagnostic)
                unreadable.withLock { _ = $0.insert("\(kind.rawValue)/\(file.id)") }
                return nil
            }
        }
        return results.compactMap { $0 }
    }

    static func readEntry<T: Decodable>(_ kind: EntityKind, _ type: T.Type, file: ContentFiles.Item, reader: YAMLReader,
                                        warnings: inout [Diagnostic], placeholders: Placeholders? = nil) -> Result<Entry<T>, Diagnostic> {
        var source: String?
        let entry = decodeEntry(kind, type, file: file, reader: reader, warnings: &warnings, source: &source)
        if case .success(let value) = entry, let text = source {
            let isDraft = (value.fields as? Practice)?.status == .draft
            warnings += AuthoringScan.check(text: text, file: file.relativePath, isDraft: isDraft, placeholders: placeholders)
        }
        return entry
    }

    private static func decodeEntry<T: Decodable>(_ kind: EntityKind, _ type: T.Type, file: ContentFiles.Item, reader: YAMLReader,
                                                  warnings: inout [Diagnostic], source: inout String?) -> Result<Entry<T>, Diagnostic> {
        let schema = kind.schema
        let text: String
        switch SourceText.read(file.url, relativePath: file.relativePath) {
        case .success(let value): text = value
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        source = text
        if !kind.isMarkdown {
            return reader.decode(type, yaml: text, lineOffset: 0, file: file.relativePath, schema: schema, warnings: &warnings)
                .map { Entry(id: file.id, file: file.relativePath, fields: $0, body: nil) }
        }
        let parts: FrontMatter.Parts
        do {
            parts = try FrontMatter.split(text)
        } catch .missingOpening {
            return .failure(.error(SourceLocation(file: file.relativePath, line: 1, column: 1), LocalizedText(
                en: "no front matter: the file must start with a line `---`, then the fields, then a closing `---`",
                ru: "нет шапки: файл должен начинаться строкой `---`, затем поля, затем закрывающая строка `---`")))
        } catch {
            return .failure(.error(SourceLocation(file: file.relativePath, line: 1, column: 1), LocalizedText(
                en: "the front matter opened by `---` on line 1 is never closed: add a line `---` after the last field",
                ru: "шапка, открытая строкой `---` в строке 1, не закрыта: добавьте строку `---` после последнего поля")))
        }
        return reader.decode(type, yaml: parts.yaml, lineOffset: parts.yamlLineOffset, file: file.relativePath,
                             schema: schema, warnings: &warnings)
            .map { Entry(id: file.id, file: file.relativePath, fields: $0,
                         body: MarkdownBody(text: parts.body, firstLine: parts.bodyFirstLine), frontMatterHash: Self.stableHash(parts.yaml)) }
    }

    /// The same for the same front matter in every run: the next build compares it (`BodyEdits`).
    static func stableHash(_ yaml: String) -> Int {
        var hash = ContentHash()
        hash.add(yaml)
        return Int(truncatingIfNeeded: hash.value)
    }

    private func loadVocabularies(log: DiagnosticLog) -> [VocabularyKind: Vocabulary] {
        var result: [VocabularyKind: Vocabulary] = [:]
        let reader = YAMLReader()
        for kind in VocabularyKind.allCases {
            for ext in ["yaml", "yml"] {
                let relative = "content/vocabularies/\(kind.rawValue).\(ext)"
                let url = root.appendingPathComponent(relative)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                guard SiteBoundary.isInside(url.path, root: root.path) else { log.add(SiteBoundary.outside(relative)); continue }
                var warnings: [Diagnostic] = []
                let decoded = SourceText.read(url, relativePath: relative).flatMap({
                    reader.decode([Term].self, yaml: $0, lineOffset: 0, file: relative, schema: .vocabulary, warnings: &warnings)
                })
                log.add(contentsOf: warnings)
                switch decoded {
                case .success(let terms):
                    result[kind] = Vocabulary(kind: kind, file: relative, terms: terms.filter { term in
                        guard !EntityID.isValid(term.id.value) else { return true }
                        log.add(.error(SourceLocation(file: relative, line: term.id.line, column: term.id.column), LocalizedText(
                            en: "`\(term.id.value)` is not a valid term id: use lower-case Latin letters, digits and hyphens (e.g. `mentoring`)",
                            ru: "«\(term.id.value)» — недопустимый идентификатор термина: используйте строчные латинские буквы, цифры и дефис (например, `mentoring`)")))
                        return false
                    })
                case .failure(let diagnostic): log.add(diagnostic)
                }
            }
        }
        return result
    }
}

enum EntityID {
    static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.first != "-", id.last != "-" else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
