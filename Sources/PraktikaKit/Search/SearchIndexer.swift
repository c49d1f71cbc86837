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

    /// Indexes the shards whose pages changed into their bundles in the
    /// staged tree, two Pagefind processes at a time where memory allows
    /// (`IndexingSlots`), keeps the bundles of unchanged shards from the
    /// previous build, and registers every file of the index with the build.
    /// Before the switch: a failing index fails the build with the previous output intact.
    func index(_ records: SearchRecords, into folder: OutputFolder) throws -> (indexed: Int, kept: Int, files: Int) {
        let shards = records.shards
        let digests = records.digests(indexer: identity)
        let previousText = folder.previousFile(SearchShards.digestsFile).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let previous = previousText.hasPrefix("shards \(shards.count)\n") ? SearchShards.readDigests(previousText).compactMapValues(SearchShards.parseStamp) : [:]
        // The previous build's files of each bundle, found once.
        var previousFiles: [Int: [String]] = [:]
        for file in folder.previousFiles { if let shard = shards.bundle(holding: file) { previousFiles[shard, default: []].append(file) } }
        var stale: [Int] = []
        // A shard no page hashed to has no bundle (Pagefind indexes nothing
        // empty); the search page passes over a bundle that is not there.
        let counts = records.counts
        for shard in 0..<shards.count where counts[shard] > 0 {
            if let before = previous[shard], before.digest == digests[shard],
               try keepBundle(previousFiles[shard] ?? [], in: folder, count: before.files) { continue }
            stale.append(shard)
        }
        let failures = Locked<[String]>([])
        let slots = IndexingSlots()
        let sizes = records.bytes
        for shard in stale {
            slots.start(cost: sizes[shard] * IndexingSlots.bytesPerRecordByte) {
                do {
                    try run(site: records.folder(of: shard), output: folder.stagedTree.appendingPathComponent(shards.folder(shard), isDirectory: true))
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        slots.waitForAll()
        if let failure = failures.withLock({ $0.first }) { throw DigestPrinter.Failure(description: failure) }
        // Pagefind's files join the build's; then each bundle's are counted from that list.
        let adopted = try folder.adoptTree("pagefind")
        var files = Array(repeating: 0, count: shards.count)
        for file in folder.files { if let shard = shards.bundle(holding: file) { files[shard] += 1 } }
        let stamps = digests.indices.map { SearchShards.stamp(digest: digests[$0], files: files[$0]) }
        try folder.write(SearchShards.digestsFile, Data(SearchShards.digestsText(stamps).utf8))
        return (stale.count, counts.filter { $0 > 0 }.count - stale.count, adopted + 1)
    }

    /// The build summary's line: how large the index is, and what was indexed again.
    static func summary(files: Int, indexed: Int, kept: Int) -> String {
        switch (indexed, kept) {
        case (0, 0): return "search index: no page to index"
        case (_, 0) where indexed == 1: return "search index: \(files) Pagefind files"
        case (0, _) where kept == 1: return "search index: \(files) Pagefind files, kept (no indexed text changed)"
        default: return "search index: \(files) Pagefind files in \(indexed + kept) bundles, \(indexed) indexed anew"
        }
    }

    /// Keeps a bundle's `files` from the previous build, when all `count` of them are still there.
    private func keepBundle(_ files: [String], in folder: OutputFolder, count: Int) throws -> Bool {
        guard !files.isEmpty, files.count == count, files.allSatisfy({ folder.previousFileExists($0) }) else { return false }
        for (index, file) in files.enumerated() where folder.keep(file) == nil {
            // Nothing kept yet (no hard links here): index the shard anew. Half a
            // bundle kept must not be written over, as its files are the old build's.
            guard index == 0 else { throw DigestPrinter.Failure(description: "cannot keep the search index file \(file)") }
            return false
        }
        return true
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
