import Foundation

/// Which bundles a build indexes anew, which it keeps from the previous
/// build, and which pages go to the recent-edits bundle. Indexing a bundle of
/// a few thousand pages takes Pagefind 10–20 s, so a bundle whose pages
/// changed only a little (at most one in twenty) is kept as it was indexed,
/// and its changed and new pages are indexed alone into `pagefind/delta/`,
/// in a fraction of a second. The search page drops the kept bundles'
/// results for those pages, by fragment id, before downloading anything.
/// Once a bundle's edits pass the limit, or a page of it is gone (rarer than
/// an edit), it is indexed anew and its pages leave the recent edits.
struct SearchIndexPlan {
    /// A bundle smaller than this is indexed anew instead: it takes little
    /// longer, and a phone is spared the recent edits' requests.
    static let defaultDeltaFromPages = 1000
    /// The recent-edits bundle holds at most this many pages.
    static let deltaLimit = 500

    let shards: Int
    /// Shards indexed anew, and shards whose bundle is kept from the previous build.
    private(set) var indexed: [Int] = []
    private(set) var kept: [Int] = []
    /// The recent-edits bundle's pages: path → record hash.
    private(set) var deltaPages: [String: String] = [:]
    /// The recent-edits bundle is the previous build's, kept whole.
    private(set) var deltaKept = false
    /// Per kept bundle: the fragment ids of its pages that changed since it was indexed.
    private(set) var superseded: [Int: [String]] = [:]
    /// What the bundles hold once indexed (their stamps' file counts are filled in then).
    private(set) var state: IndexedBundles

    var hasDelta: Bool { !deltaPages.isEmpty }
    /// How many bundles the search page merges: the recent edits' is the last.
    var bundles: Int { shards + (hasDelta ? 1 : 0) }

    /// The bundle that holds the words of a shard's changed pages.
    func bundleOfChangedPages(_ shard: Int) -> Int {
        hasDelta && kept.contains(shard) ? shards : shard
    }

    /// What the search page must know of the recent edits, or nil when the
    /// bundles are exactly the shards: the bundle of the recent edits, each
    /// bundle's number of pages as indexed, and the superseded fragments.
    var browserNote: String? {
        guard hasDelta else { return nil }
        var pages = (0..<shards).map { state.pages[$0]?.count ?? 0 }
        if hasDelta { pages.append(deltaPages.count) }
        var stale: [String: JSONValue] = [:]
        for (shard, ids) in superseded where !ids.isEmpty { stale[String(shard)] = .array(ids.map { .string($0) }) }
        return JSONValue.object(["delta": .int(shards), "pages": .array(pages.map { .int($0) }), "superseded": .object(stale)]).text
    }

    /// Decides, and keeps the bundles it can (hard links into the staged tree)
    /// at once: a bundle that cannot be kept is indexed anew with all its pages.
    static func make(records: SearchRecords, folder: OutputFolder, indexer: String, deltaFromPages: Int) throws -> SearchIndexPlan {
        let shards = records.shards
        var plan = SearchIndexPlan(shards: shards.count, state: IndexedBundles(shards: shards.count))
        let previous = records.previousIndex?.bundles
        // The previous build's files of each bundle, found once.
        var previousFiles: [Int: [String]] = [:], previousDeltaFiles: [String] = []
        for file in folder.previousFiles {
            if let shard = shards.bundle(holding: file) { previousFiles[shard, default: []].append(file) }
            else if SearchShards.isDeltaFile(file) { previousDeltaFiles.append(file) }
        }
        let current = records.pages
        // A shard no page hashed to has no bundle (Pagefind indexes nothing
        // empty); the search page passes over a bundle that is not there.
        for shard in 0..<shards.count where !current[shard].isEmpty {
            let now = current[shard]
            guard let previous, let stamp = previous.stamps[shard], let before = previous.pages[shard],
                  IndexedBundles.digest(before, indexer: indexer) == stamp.digest,
                  let files = previousFiles[shard], files.count == stamp.files, files.allSatisfy(folder.previousFileExists) else {
                plan.index(shard, pages: now)
                continue
            }
            let changed = now.filter { before[$0.key] != $0.value }
            let gone = before.keys.contains { now[$0] == nil }
            if gone || !changed.isEmpty && (before.count < deltaFromPages || changed.count > max(1, before.count / 20)
                || plan.deltaPages.count + changed.count > deltaLimit) {
                plan.index(shard, pages: now)
                continue
            }
            // The fragments of the pages the recent edits replace.
            let staleURLs = Set(changed.keys.filter { before[$0] != nil }.map(PagefindFragments.url(ofOutputFile:)))
            var stale: [String] = []
            if !staleURLs.isEmpty {
                let ids = PagefindFragments.ids(of: files.filter { $0.hasSuffix(".pf_fragment") }.map { folder.destination.appendingPathComponent($0) })
                stale = staleURLs.compactMap { ids[$0] }.sorted()
            }
            guard stale.count == staleURLs.count, try keepBundle(files, in: folder) else {
                plan.index(shard, pages: now)
                continue
            }
            plan.kept.append(shard)
            plan.state.stamps[shard] = stamp
            plan.state.pages[shard] = before
            plan.deltaPages.merge(changed) { first, _ in first }
            if !stale.isEmpty { plan.superseded[shard] = stale }
        }
        plan.state.deltaPages = plan.deltaPages
        if plan.hasDelta, let previous, let stamp = previous.delta,
           IndexedBundles.digest(plan.deltaPages, indexer: indexer) == stamp.digest,
           previousDeltaFiles.count == stamp.files, previousDeltaFiles.allSatisfy(folder.previousFileExists),
           try keepBundle(previousDeltaFiles, in: folder) {
            plan.deltaKept = true
        }
        return plan
    }

    private mutating func index(_ shard: Int, pages: [String: String]) {
        indexed.append(shard)
        state.pages[shard] = pages
    }

    /// Keeps a bundle's `files` from the previous build, when all of them can be.
    private static func keepBundle(_ files: [String], in folder: OutputFolder) throws -> Bool {
        guard !files.isEmpty else { return false }
        for (index, file) in files.enumerated() where folder.keep(file) == nil {
            // Nothing kept yet (no hard links here): index the shard anew. Half a
            // bundle kept must not be written over, as its files are the old build's.
            guard index == 0 else { throw DigestPrinter.Failure(description: "cannot keep the search index file \(file)") }
            return false
        }
        return true
    }
}
