import Foundation

/// Full-text search with Pagefind (PyPI `pagefind-bin`): run over the written
/// staged site before the switch, its index goes to `pagefind/` and is recorded like praktika's own files.
/// Only pages marked `data-pagefind-body` (practices, schools, networks,
/// programs, seminars) are indexed; drafts are never written, so never indexed.
struct SearchIndexer: Sendable {
    public let executable: URL

    public static func find() -> SearchIndexer? {
        if let url = Executable.find(["pagefind", "pagefind_extended"], override: "PRAKTIKA_PAGEFIND") {
            return SearchIndexer(executable: url)
        }
        if ProcessInfo.processInfo.environment["PRAKTIKA_PAGEFIND"] != nil { return nil }
        // `pip install pagefind-bin` puts the binary inside the Python package, not on PATH.
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))"]
        let output = Pipe()
        python.standardOutput = output
        python.standardError = FileHandle.nullDevice
        guard (try? python.run()) != nil else { return nil }
        let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        python.waitUntilExit()
        guard python.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return SearchIndexer(executable: URL(fileURLWithPath: path))
    }

    /// The scratch folder for the lean page copies (`SearchRecords`), inside
    /// the staged tree; removed before the switch.
    static func recordsFolder(in staged: URL) -> URL {
        staged.appendingPathComponent(".praktika-pagefind-records", isDirectory: true)
    }

    /// Decides which bundles are indexed anew and which kept (with the
    /// recent edits beside them), and keeps those at once (`SearchIndexPlan`).
    func plan(_ records: SearchRecords, folder: OutputFolder, deltaFromPages: Int) throws -> SearchIndexPlan {
        try SearchIndexPlan.make(records: records, folder: folder, indexer: identity, deltaFromPages: deltaFromPages)
    }

    /// Indexes the shards the plan names into their bundles in the staged
    /// tree, and the recent edits into theirs, two Pagefind processes at a
    /// time where memory allows (`IndexingSlots`), and registers every file of
    /// the index with the build. Before the switch: a failing index fails the
    /// build with the previous output intact.
    /// - Parameter memory: what the Pagefind processes may hold together (`--search-memory`).
    func index(_ records: SearchRecords, plan: SearchIndexPlan, into folder: OutputFolder, memory: Int? = nil) throws -> SearchIndexSummary {
        let shards = records.shards
        let failures = Locked<[String]>([])
        let slots = IndexingSlots(budget: IndexingSlots.budget(allowing: memory))
        let sizes = records.bytes
        func start(cost: Int, site: URL, output: String) {
            slots.start(cost: cost * IndexingSlots.bytesPerRecordByte) {
                do {
                    try run(site: site, output: folder.stagedTree.appendingPathComponent(output, isDirectory: true))
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        if plan.hasDelta, !plan.deltaKept {
            try records.completeRecords(of: Set(plan.deltaPages.keys), from: folder.stagedTree)
            let site = try deltaRecords(records, plan.deltaPages.keys)
            start(cost: records.bytes(of: Set(plan.deltaPages.keys)), site: site, output: SearchShards.deltaFolder)
        }
        for shard in plan.indexed {
            try records.completeRecords(of: shard, from: folder.stagedTree)
            start(cost: sizes[shard], site: records.folder(of: shard), output: shards.folder(shard))
        }
        slots.waitForAll()
        if let failure = failures.withLock({ $0.first }) { throw DigestPrinter.Failure(description: failure) }
        // Pagefind's new files join the build's (the kept ones are registered
        // already; bundle 0's folder holds the others, so it is walked whole);
        // then each bundle's are counted from that list.
        var written = plan.indexed.map { shards.folder($0) }
        if plan.hasDelta, !plan.deltaKept { written.append(SearchShards.deltaFolder) }
        for tree in written.contains("pagefind") ? ["pagefind"] : written { _ = try folder.adoptTree(tree) }
        var files = Array(repeating: 0, count: shards.count), deltaFiles = 0, total = 0
        for file in folder.files where file.hasPrefix("pagefind/") {
            total += 1
            if let shard = shards.bundle(holding: file) { files[shard] += 1 } else if SearchShards.isDeltaFile(file) { deltaFiles += 1 }
        }
        var state = plan.state
        for shard in plan.indexed {
            state.stamps[shard] = .init(digest: IndexedBundles.digest(state.pages[shard] ?? [:], indexer: identity), files: files[shard])
        }
        if plan.hasDelta { state.delta = .init(digest: IndexedBundles.digest(plan.deltaPages, indexer: identity), files: deltaFiles) }
        let indexState = state.text
        try folder.write(SearchShards.digestsFile, Data(indexState.utf8))
        if let words = records.wordState {
            try folder.write(SearchWordState.file, Data(SearchWordState.text(shards: shards.count, indexState: indexState, body: words).utf8))
        }
        return SearchIndexSummary(files: total + 1, indexed: plan.indexed.count, kept: plan.kept.count, recentEdits: plan.deltaPages.count,
                                  oneAtATime: slots.mostAtOnce == 1)
    }

    /// The recent edits' records, in a folder of their own for Pagefind (hard links to the shards' records).
    private func deltaRecords(_ records: SearchRecords, _ paths: some Sequence<String>) throws -> URL {
        let site = records.folder.appendingPathComponent("delta", isDirectory: true)
        for path in paths {
            let source = records.recordURL(path, shard: records.shards.shard(of: path)), target = site.appendingPathComponent(path)
            try records.makeFolder(target)
            if link(source.path, target.path) != 0 { try FileManager.default.copyItem(at: source, to: target) }
        }
        return site
    }

    /// Which Pagefind made a bundle: another version may write another index.
    private var identity: String {
        let info = FileSystem.status(executable.path)
        return "\(executable.path) \(info.map { Int($0.st_size) } ?? 0) \(info.map { Int($0.st_mtim.tv_sec) } ?? 0)"
    }

    /// One Pagefind run: the pages under `site` into the bundle `output`.
    private func run(site: URL, output: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--site", site.path, "--output-path", output.path, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DigestPrinter.Failure(description: "Pagefind failed (\(process.terminationStatus)): \(String(decoding: message, as: UTF8.self))")
        }
    }
}

/// What the indexing did, for the build summary.
struct SearchIndexSummary: Equatable {
    var files: Int
    var indexed: Int
    var kept: Int
    /// Pages in the recent-edits bundle.
    var recentEdits: Int
    /// Bundles were indexed one after another: two did not fit in the memory allowed.
    var oneAtATime = false

    /// The build summary's line: how large the index is, and what was indexed again.
    var line: String {
        let edits = recentEdits > 0 ? ", recent edits: \(recentEdits) \(recentEdits == 1 ? "page" : "pages") indexed beside them" : ""
        switch (indexed, kept) {
        case (0, 0): return "search index: no page to index"
        case (_, 0) where indexed == 1: return "search index: \(files) Pagefind files"
        case (0, _) where kept == 1 && recentEdits == 0: return "search index: \(files) Pagefind files, kept (no indexed text changed)"
        default:
            let order = oneAtATime && indexed > 1 ? " one at a time" : ""
            return "search index: \(files) Pagefind files in \(indexed + kept) bundles, \(indexed) indexed anew\(order)\(edits)"
        }
    }
}
