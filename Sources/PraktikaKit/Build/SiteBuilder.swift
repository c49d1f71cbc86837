import Foundation

public struct BuildOptions: Sendable {
    public var site: URL
    /// Defaults to `SITE/public`.
    public var output: URL?
    /// Overrides `base_url` of site.yaml.
    public var baseURL: String?
    public var offline: Bool
    /// Warnings count as errors.
    public var strict: Bool
    /// Make digest PDFs when WeasyPrint is installed.
    public var makePDFs = true
    /// Build the search index when Pagefind is installed.
    public var makeSearchIndex = true
    /// Also pack the output into this zip archive.
    public var zip: URL?
    /// A test seam: a fault at one step of the write stage.
    public var faults: FaultInjection?
    public var today: Day

    public init(site: URL, output: URL? = nil, baseURL: String? = nil, offline: Bool = false, strict: Bool = false,
                today: Day = .today()) {
        self.site = site
        self.output = output
        self.baseURL = baseURL
        self.offline = offline
        self.strict = strict
        self.today = today
    }

    public var outputFolder: URL { output ?? site.appendingPathComponent("public", isDirectory: true) }
}

public struct BuildReport: Sendable {
    public var pagesByKind: [String: Int] = [:]
    public var attachmentsCopied = 0
    public var assetsCopied = 0
    public var otherFiles: [String] = []
    public var warnings: [Diagnostic] = []
    public var stageSeconds: [(String, Double)] = []
    public var output: URL?
    public var language = "ru"
    /// Nothing changed since the previous build: nothing was rendered or written.
    public var upToDate = false
    /// Files of the output whose bytes changed (the rest kept their old file and time).
    public var filesChanged = 0
    public var filesTotal = 0
    /// Things worth a line in the summary: digests made or skipped.
    public var notes: [String] = []
    public var searchFiles = 0

    public var pageCount: Int { pagesByKind.values.reduce(0, +) }
    public var totalSeconds: Double { stageSeconds.reduce(0) { $0 + $1.1 } }
}

/// The pipeline, in one place: load → link → render → write.
public enum SiteBuilder {
    /// Builds the site. Throws `ContentErrors` with every problem found when
    /// anything is wrong; the previous output is then left untouched.
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        try run(options, write: true)
    }

    /// Runs every check of a build and writes nothing.
    public static func check(_ options: BuildOptions) throws -> BuildReport {
        try run(options, write: false)
    }

    private static func run(_ options: BuildOptions, write: Bool) throws -> BuildReport {
        var report = BuildReport()
        var clock = StageClock()
        let log = DiagnosticLog()
        // A copy opened from disk cannot load Pagefind's index (browsers refuse
        // its module and fetches from file://): it searches the catalog index instead.
        // Which helpers run belongs to the fingerprint: an output built with
        // --no-search or --no-pdf (or before Pagefind was installed) lacks the
        // index or the PDFs, so a later plain build must not call it up to date.
        let indexer = write && options.makeSearchIndex && !options.offline ? SearchIndexer.find() : nil
        let printer = options.makePDFs ? DigestPrinter.find() : nil
        let fingerprint = InputFingerprint.compute(
            site: options.site,
            themeFolders: [options.site.appendingPathComponent("themes"), Theme.builtinDirectory],
            settings: [options.baseURL ?? "", "\(options.offline)", "\(options.strict)", options.today.description,
                       "search: \(indexer != nil)", "pdf: \(printer != nil)"])
        // The lock is taken and an interrupted build repaired before anything else.
        var folder: OutputFolder?
        if write {
            if let archive = options.zip { try OutputFolder.checkArchiveTarget(archive, output: options.outputFolder) }
            folder = try OutputFolder(destination: options.outputFolder, faults: options.faults)
            report.notes += folder!.recoveryNotes
            if options.zip == nil, let upToDate = upToDateReport(folder!, fingerprint: fingerprint) {
                folder!.discard()
                return upToDate
            }
        }
        // Whatever happens from here on, a build that does not commit leaves no staging folder.
        var committed = false
        defer { if !committed { folder?.discard() } }

        let preparation = SitePreparation(site: options.site, baseURL: options.baseURL, offline: options.offline, today: options.today)
        let (prepared, language) = preparation.run(log: log) { clock.lap($0, into: &report) }
        report.language = language
        guard let env = prepared else { throw ContentErrors(log.all, language: language) }
        let graph = env.graph, theme = env.theme, settings = env.settings, content = graph.content
        let renderer = SiteRenderer(env: env)
        let jobs = renderer.jobs()

        // Pages are rendered even after earlier errors, so that one run also
        // reports the broken links inside Markdown; they are written only on success.
        if log.hasErrors { folder?.discard(); folder = nil }
        folder?.fingerprint = fingerprint
        let stream = folder.map { StreamingSink($0, writers: 2) }
        // Pagefind reads lean copies of the indexed pages, made as pages stream by.
        var records: SearchRecords?
        if indexer != nil, let stream, let folder {
            records = try SearchRecords(folder: SearchIndexer.recordsFolder(in: folder.stagedTree), forwardingTo: stream)
        }
        defer { records?.remove() }
        let sink: PageSink = records.map { $0 as PageSink } ?? stream.map { $0 as PageSink } ?? DiscardingSink()
        if !graph.digests.isEmpty {
            report.notes += DigestStage(env: env, site: options.site, folder: folder,
                                        printer: printer).run()
            clock.lap("digests", into: &report)
        }
        // The feeds need only the graph; made beside the pages, they fill the
        // moments when a render thread waits for the writers.
        let feeds = ResultSlots<[(name: String, bytes: Data)]>(count: 1)
        let feedsMade = DispatchGroup()
        DispatchQueue.global().async(group: feedsMade) { feeds.set(0, renderer.feedFiles(pagePaths: jobs.map(\.path))) }
        report.pagesByKind = renderer.render(jobs, to: sink)
        if renderer.renderNotFound(to: sink) { report.pagesByKind["404", default: 0] += 1 }
        clock.lap("render", into: &report)

        var writeFailed = false
        do {
            feedsMade.wait()
            report.otherFiles = try SiteRenderer.write(feeds.values[0], to: sink)
            try stream?.finish()
            if settings.baseURL.isEmpty {
                log.add(.warning(SourceLocation(file: "content/site.yaml", line: 1, column: 1), LocalizedText(
                    en: "no base_url: sitemap.xml and feed.xml need absolute URLs and were not written",
                    ru: "не задан base_url: sitemap.xml и feed.xml требуют абсолютных адресов и не созданы")))
            }
            if let folder {
                report.assetsCopied = try copyAssets(theme, to: folder)
                report.attachmentsCopied = try copyAttachments(env.usedFiles.values, content: content, to: folder)
            }
        } catch {
            writeFailed = true
            log.add(.error(SourceLocation(file: options.outputFolder.path), LocalizedText(
                en: "cannot write the output: \(error)", ru: "не удаётся записать результат: \(error)")))
        }
        var written = Set(jobs.map { SitePaths.outputFile($0.path) })
        written.formUnion(report.otherFiles + ["404.html"])
        written.formUnion(theme.assets.keys.map { "assets/" + $0 })
        written.formUnion(env.usedFiles.values.map { "files/" + $0 })
        for id in graph.digests.keys {
            written.insert("digests/\(id)/print.html")
            if let pdf = env.digestFiles.pdf(id) { written.insert(pdf.path) }
        }
        // After a failed write (a full disk) the missing files are not broken links.
        if !writeFailed { log.add(contentsOf: renderer.linkCheck.problems(written: written, theme: theme)) }
        if options.strict { log.promoteWarnings() }

        let diagnostics = log.all
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw ContentErrors(diagnostics, language: language)
        }
        if let folder {
            // The summary counts the site's files; the search index is counted apart.
            report.filesChanged = folder.changedCount
            report.filesTotal = folder.files.count
            if let indexer {
                try folder.faults.check("search")
                try indexer.index(site: folder.stagedTree, records: records?.folder)
                records?.remove()
                report.searchFiles = try folder.adoptTree("pagefind")
                report.notes.append("search index: \(report.searchFiles) Pagefind files")
            } else {
                report.notes.append(!options.makeSearchIndex ? "search index not built (--no-search)"
                    : options.offline ? "search index not built (--offline: the copy searches the catalog index)"
                    : "Pagefind is not installed: the search index was skipped (pip install pagefind-bin)")
            }
            report.notes += try folder.commit(archive: options.zip)
            committed = true
            if let archive = options.zip { report.notes.append("zip: \(archive.path)") }
            report.output = folder.destination
        }
        clock.lap("write", into: &report)
        report.warnings = diagnostics
        return report
    }

    /// The previous output, if it was built from exactly these inputs and is still complete.
    private static func upToDateReport(_ folder: OutputFolder, fingerprint: String) -> BuildReport? {
        // The marker keeps only lines naming plain files that exist; a line
        // dropped for a missing file makes its text differ from the file's.
        let manifest = folder.previous
        guard manifest.fingerprint == fingerprint, !manifest.files.isEmpty,
              let text = try? String(contentsOf: folder.destination.appendingPathComponent(OutputFolder.markerName), encoding: .utf8),
              text == manifest.text else { return nil }
        var report = BuildReport()
        report.upToDate = true
        report.output = folder.destination
        report.filesTotal = manifest.files.count
        report.notes = folder.recoveryNotes
        return report
    }

    private static func copyAssets(_ theme: Theme, to folder: OutputFolder) throws -> Int {
        for (relative, source) in theme.assets.sorted(by: { $0.key < $1.key }) {
            try folder.copyFile(from: source, to: "assets/" + relative)
        }
        return theme.assets.count
    }

    private static func copyAttachments(_ used: Set<String>, content: SiteContent, to folder: OutputFolder) throws -> Int {
        let files = content.root.appendingPathComponent("content/files", isDirectory: true)
        for relative in used.sorted() {
            try folder.copyFile(from: files.appendingPathComponent(relative), to: "files/" + relative)
        }
        return used.count
    }
}

struct StageClock {
    private var last = DispatchTime.now()

    mutating func lap(_ stage: String, into report: inout BuildReport) {
        let now = DispatchTime.now()
        report.stageSeconds.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
