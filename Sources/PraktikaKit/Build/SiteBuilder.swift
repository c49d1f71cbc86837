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
    /// How many indexed pages one search bundle holds at most; a larger site's
    /// index is split into bundles the browser merges (`SearchShards`).
    public var searchShardPages = SearchShards.defaultPagesPerShard
    /// Bytes the search indexer's processes may hold together; nil: what the
    /// machine has available. Bundles are made small enough for it, and
    /// indexed one at a time when two do not fit (`SearchShards.pagesPerShard`).
    public var searchMemory: Int?
    /// The pages per bundle this build uses: the smaller of the two limits.
    var effectiveSearchShardPages: Int { SearchShards.pagesPerShard(searchShardPages, memory: searchMemory) }
    /// A bundle of at least this many pages keeps its index when a few of its
    /// pages change; they are indexed alone into a recent-edits bundle (`SearchIndexPlan`).
    public var searchDeltaFromPages = SearchIndexPlan.defaultDeltaFromPages
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

/// The pipeline, in one place: load → link → plan → (digests) → present and
/// render → write. Each stage hands the next an immutable value and is timed.
public enum SiteBuilder {
    /// Builds the site. Throws `ContentErrors` with every problem found when
    /// anything is wrong; the previous output is then left untouched.
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        try run(options, write: true)
    }

    /// Runs every check of a build up to the plan and writes nothing.
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
        let themeFolders = [options.site.appendingPathComponent("themes"), Theme.builtinDirectory]
        let settings = [options.baseURL ?? "", "\(options.offline)", "\(options.strict)", options.today.description,
                        "search: \(indexer != nil)", "pdf: \(printer != nil)", "shard pages: \(options.effectiveSearchShardPages)",
                        "delta from pages: \(options.searchDeltaFromPages)"]
        let contentStamps = FileStamp.tree(options.site.appendingPathComponent("content").path, prefix: "content")
        let fingerprint = InputFingerprint.compute(site: options.site, themeFolders: themeFolders, settings: settings, contentFiles: contentStamps)
        // What a build of only practices' text edits may skip (`BodyEdits`).
        let inputs = write ? BodyEdits.restDigest(site: options.site, themeFolders: themeFolders, settings: settings, contentStamps: contentStamps) : nil
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

        // Load, link, plan, render and write the pages into the staged tree. What
        // they hold (the graph, every text as HTML) is let go of on return, before
        // the search indexer's processes start beside this one.
        folder?.fingerprint = fingerprint
        let staged = try stage(options, folder: folder, inputs: inputs, indexer: indexer, printer: printer, log: log, clock: &clock, report: &report)
        guard case .staged(let records, let searchPlan) = staged, let stagedFolder = folder else {
            if case .checked(let checked) = staged { return checked }
            preconditionFailure("a build stages its pages")
        }
        defer { records?.remove() }
        Memory.returnFreedPages()
        if let indexer, let records, let searchPlan {
            try stagedFolder.faults.check("search")
            let summary = try indexer.index(records, plan: searchPlan, into: stagedFolder, memory: options.searchMemory)
            records.remove()
            report.searchFiles = summary.files
            report.notes.append(summary.line)
            clock.lap("search", into: &report)
        } else {
            report.notes.append(!options.makeSearchIndex ? "search index not built (--no-search)"
                : options.offline ? "search index not built (--offline: the copy searches the catalog index)"
                : "Pagefind is not installed: the search index was skipped (pip install pagefind-bin)")
        }
        report.notes += try stagedFolder.commit(archive: options.zip)
        committed = true
        if let archive = options.zip { report.notes.append("zip: \(archive.path)") }
        report.output = stagedFolder.destination
        clock.lap("switch", into: &report)
        return report
    }

    private enum Staged {
        /// `check`: every problem is known; nothing was written.
        case checked(BuildReport)
        /// The pages are in the staged tree, the search records beside them,
        /// and the bundles to index decided (those kept are in the tree).
        case staged(SearchRecords?, SearchIndexPlan?)
    }

    /// Load → link → plan → (digests) → present and render → write, into the staged tree.
    private static func stage(_ options: BuildOptions, folder: OutputFolder?, inputs: (digest: String, practiceStamps: [String: FileStamp])?,
                              indexer: SearchIndexer?, printer: DigestPrinter?,
                              log: DiagnosticLog, clock: inout StageClock, report: inout BuildReport) throws -> Staged {
        let write = folder != nil
        // Load: content files into typed models, and the theme.
        var preparation = SitePreparation(site: options.site, baseURL: options.baseURL, offline: options.offline, today: options.today)
        preparation.releasesPracticeBodies = true
        preparation.searchShardPages = options.effectiveSearchShardPages
        // The practice bodies' HTML waits on disk for its pages (`ProseSpill`); gone before the search and the switch.
        preparation.spillFolder = folder?.stagedTree
        defer { if let spill = preparation.spillFolder { unlink(spill.appendingPathComponent(ProseSpill.fileName).path) } }
        guard let loaded = preparation.load(log: log) else { throw ContentErrors(log.all, language: "ru") }
        clock.lap("load", into: &report)
        report.language = loaded.content.site.language

        // Link: ids into the graph, every Markdown text rendered once; the
        // practices' Markdown bodies are let go of as their HTML is made.
        // After edits to practices' text only (`BodyEdits`), the other practices' HTML waits until a page asks for it.
        var edits: BodyEdits?
        let linkedEnvironment = preparation.link(loaded, log: log) { graph in
            edits = inputs.flatMap { inputs in
                folder.flatMap { BodyEdits.since($0.previousFile(BodyEdits.stateFile).map { String(decoding: $0, as: UTF8.self) },
                                                 rest: inputs.digest, graph: graph, practiceStamps: inputs.practiceStamps) }
            }
            return edits?.quiet ?? []
        }
        clock.lap("link", into: &report)
        guard let linked = linkedEnvironment else { throw ContentErrors(log.all, language: report.language) }

        // Plan: every output file, and what each page shows.
        let plan = Planner(graph: linked.graph, settings: linked.settings, theme: linked.theme, prose: linked.prose,
                           makesPDFs: printer != nil).plan()
        let linkCheck = LinkCheck()
        if linked.settings.baseURL.isEmpty {
            log.add(.warning(SourceLocation(file: "content/site.yaml", line: 1, column: 1), LocalizedText(
                en: "no base_url: sitemap.xml and feed.xml need absolute URLs and were not written",
                ru: "не задан base_url: sitemap.xml и feed.xml требуют абсолютных адресов и не созданы")))
        }
        clock.lap("plan", into: &report)
        guard write, let stagedFolder = folder else {
            // `check` stops here: every content problem is known by now. The
            // links inside Markdown are checked from the pages that show them (a
            // build checks them on the rendered pages, which contain them).
            linkCheck.record(prose: linked.prose, plan: plan)
            log.add(contentsOf: linkCheck.problems(written: plan.writtenFiles, theme: linked.theme))
            return .checked(try finish(report, log: log, strict: options.strict) { report in
                for page in plan.pages { report.pagesByKind[page.kind.summaryGroup, default: 0] += 1 }
            })
        }
        if options.strict { log.promoteWarnings() }
        if log.hasErrors { throw ContentErrors(log.all, language: report.language) }

        // Digests: their print pages and PDFs, which the web pages link with their sizes.
        var env = linked
        if !linked.graph.digests.isEmpty {
            let digests = DigestStage(env: linked, site: options.site, folder: stagedFolder, printer: printer,
                                      pdfsTurnedOff: !options.makePDFs).run()
            report.notes += digests.notes
            env = linked.with(digestPDFs: digests.pdfs)
            clock.lap("digests", into: &report)
        }

        // Present and render: page models through the templates, streamed to the writers.
        let stream = StreamingSink(stagedFolder, writers: 2)
        // Pagefind reads lean copies of the indexed pages, made as pages stream by.
        let records = try indexer.map { _ in
            try SearchRecords(folder: SearchIndexer.recordsFolder(in: stagedFolder.stagedTree), shards: env.searchShards,
                              previousIndex: PreviousIndex.read(in: stagedFolder, shards: env.searchShards.count), forwardingTo: stream)
        }
        let sink: PageSink = records ?? stream
        let renderer = SiteRenderer(env: env, linkCheck: linkCheck)
        // The files made from the whole graph fill the moments when a render thread waits for the writers.
        let generated = Background { renderer.generatedFiles(plan, wordsFromRecords: records != nil) }
        // After edits to practices' text only, the pages that do not show them are the previous build's.
        var rendered = plan.pages, kept: [PlannedPage] = []
        if let edits { (rendered, kept) = edits.split(plan.pages) { stagedFolder.keep($0) != nil } }
        // The kept pages' search words are the previous build's, counted in its state.
        let wordsCarried = !kept.isEmpty && records?.adoptPreviousWords(from: stagedFolder, rendering: rendered.map(\.outputFile)) == true
        report.pagesByKind = renderer.render(rendered, to: sink)
        for page in kept { report.pagesByKind[page.kind.summaryGroup, default: 0] += 1 }
        if let edits {
            report.notes.append("only practices' text changed (\(edits.edited.count)): \(rendered.count) pages rendered, \(kept.count) kept as they were"
                + (wordsCarried ? ", their search words carried over" : "")
                + (env.prose.deferredCount > 0 ? "; \(env.prose.deferredCount) unchanged practices' Markdown rendered only where a page needed it" : ""))
        }
        try records?.recordKept(kept.map(\.outputFile), in: stagedFolder.stagedTree)
        clock.lap("render", into: &report)
        // The bundles to index anew and to keep are known once every record is;
        // the search page's word lists then name the bundles that hold each word.
        let searchPlan = try indexer.flatMap { indexer in
            try records.map { try indexer.plan($0, folder: stagedFolder, deltaFromPages: options.searchDeltaFromPages) }
        }
        var recordWords: [(name: String, bytes: Data)] = []
        if let records, let searchPlan {
            records.prepareWordState(reindexed: Set(searchPlan.indexed))
            let words = records.vocabulary.take(bundles: searchPlan.bundles, bundleOfChanged: searchPlan.bundleOfChangedPages)
            recordWords = SearchWords.files(words, recentEdits: searchPlan.browserNote)
        }

        // Write: the rest of the files, the checks that need the written set, the switch.
        var writeFailed = false
        var written = plan.writtenFiles
        do {
            report.otherFiles = try SiteRenderer.write(generated.value + recordWords, to: sink)
            written.formUnion(report.otherFiles)
            try stream.finish()
            for (asset, source) in plan.assets { try stagedFolder.copyFile(from: source, to: asset) }
            report.assetsCopied = plan.assets.count
            let files = options.site.appendingPathComponent("content/files", isDirectory: true)
            for relative in plan.attachments { try stagedFolder.copyFile(from: files.appendingPathComponent(relative), to: "files/" + relative) }
            report.attachmentsCopied = plan.attachments.count
        } catch {
            writeFailed = true
            log.add(cannotWrite(options.outputFolder, error))
        }
        // After a failed write (a full disk) the missing files are not broken links.
        if !writeFailed {
            let linkProblems = linkCheck.problems(written: written, theme: env.theme)
            log.add(contentsOf: linkProblems)
            // The next build may keep pages only when this one checked every link and found them right:
            // a kept page's links are not read again.
            if let inputs, linkProblems.isEmpty {
                let state = BodyEdits.state(rest: inputs.digest, graph: env.graph, practiceStamps: inputs.practiceStamps, prose: env.prose)
                do { try stagedFolder.write(BodyEdits.stateFile, Data(state.utf8)) } catch { log.add(cannotWrite(options.outputFolder, error)) }
            }
        }
        report = try finish(report, log: log, strict: options.strict) { _ in }
        // The summary counts the site's files; the search index is counted apart
        // (the bundles kept by now are unchanged files).
        report.filesChanged = stagedFolder.changedCount
        report.filesTotal = stagedFolder.files.count { !$0.hasPrefix("pagefind/") }
        clock.lap("write", into: &report)
        return .staged(records, searchPlan)
    }

    private static func cannotWrite(_ output: URL, _ error: Error) -> Diagnostic {
        .error(SourceLocation(file: output.path), LocalizedText(
            en: "cannot write the output: \(error)", ru: "не удаётся записать результат: \(error)"))
    }

    /// Fails with every problem when there is an error (warnings too under
    /// `--strict`); otherwise the report with its warnings.
    private static func finish(_ report: BuildReport, log: DiagnosticLog, strict: Bool,
                               _ complete: (inout BuildReport) -> Void) throws -> BuildReport {
        if strict { log.promoteWarnings() }
        let diagnostics = log.all
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw ContentErrors(diagnostics, language: report.language)
        }
        var report = report
        complete(&report)
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

}

struct StageClock {
    private var last = DispatchTime.now()

    mutating func lap(_ stage: String, into report: inout BuildReport) {
        let now = DispatchTime.now()
        report.stageSeconds.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
