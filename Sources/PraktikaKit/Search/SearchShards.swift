import Foundation

/// How the search index is split. Pagefind holds every page it indexes in
/// memory (about half a megabyte per practice page of the generated corpus)
/// and runs mostly on one thread, so a large site is indexed as several
/// bundles: each page goes to the shard its output path hashes to, shards are
/// indexed two at a time, a shard whose pages did not change keeps its bundle
/// from the previous build, and the search page merges the bundles in the
/// browser (Pagefind's `mergeIndex`). Each bundle costs a phone about four
/// requests and a hundred kilobytes per search word, so bundles stay large: at
/// 10,000 practices three bundles keep eight measured searches within 36
/// requests and, together, 4 % under one bundle's bytes (four bundles: up to 44
/// requests). A site of up to `defaultPagesPerShard` indexed pages has one
/// bundle, exactly as before.
struct SearchShards: Sendable, Equatable {
    static let defaultPagesPerShard = 4000
    /// Beside the bundles: what each holds (`IndexedBundles`), so that the
    /// next build knows which bundles it may keep.
    static let digestsFile = "pagefind/.praktika-shards"
    /// The recent-edits bundle: the few pages that changed since their
    /// shard's bundle was indexed (`SearchIndexPlan`).
    static let deltaFolder = "pagefind/delta"

    /// What a Pagefind process holds per page it indexes, with room to
    /// spare: 0.52 MiB measured on the generated corpus (practices of 15 KB).
    static let pagefindBytesPerPage = 560 * 1024

    /// Pages per bundle under both limits: `pages`, and what Pagefind can
    /// index within `memory` bytes. Fixed per page, not taken from the
    /// content, so that an edit never moves pages to other bundles.
    static func pagesPerShard(_ pages: Int, memory: Int?) -> Int {
        guard let memory else { return pages }
        return max(1, min(pages, memory / pagefindBytesPerPage))
    }

    let count: Int
    /// How many of the site's indexed pages each shard holds, as planned; the
    /// search page weighs words by their rarity over the whole site with them.
    private(set) var pages: [Int] = []

    init(count: Int) {
        self.count = max(1, count)
    }

    init(indexedPages: Int, pagesPerShard: Int) {
        self.init(count: (indexedPages + max(1, pagesPerShard) - 1) / max(1, pagesPerShard))
    }

    /// The pages that carry `data-pagefind-body` in the default theme: every
    /// published entity but digests. A theme that marks other pages only
    /// makes the shards a little larger than planned.
    init(graph: SiteGraph, pagesPerShard: Int) {
        let files = Self.indexedFiles(graph)
        self.init(indexedPages: files.count, pagesPerShard: pagesPerShard)
        var pages = Array(repeating: 0, count: count)
        for file in files { pages[shard(of: file)] += 1 }
        self.pages = pages
    }

    private static func indexedFiles(_ graph: SiteGraph) -> [String] {
        func files(_ kind: EntityKind, _ ids: some Sequence<String>) -> [String] {
            ids.map { SitePaths.outputFile(SitePaths.entity(kind, $0)) }
        }
        return files(.practice, graph.practices.keys) + files(.school, graph.schools.keys) + files(.network, graph.networks.keys)
            + files(.program, graph.programs.keys) + files(.seminar, graph.seminars.keys) + files(.register, graph.registers.keys)
            + files(.person, graph.people.keys)
    }

    /// The shard of an output file, stable across builds and machines.
    func shard(of outputFile: String) -> Int {
        guard count > 1 else { return 0 }
        var hash = ContentHash()
        hash.add(outputFile)
        return Int(hash.value % UInt64(count))
    }

    /// The bundle's folder in the output: the first is `pagefind/` itself,
    /// so the search page always imports `pagefind/pagefind.js`.
    func folder(_ shard: Int) -> String {
        shard == 0 ? "pagefind" : "pagefind/shard-\(shard)"
    }

    /// The shard whose bundle holds an output file; nil for any other file
    /// (also those of the recent-edits bundle).
    func bundle(holding file: String) -> Int? {
        guard file.hasPrefix("pagefind/"), file != Self.digestsFile, file != SearchWordState.file, !Self.isDeltaFile(file) else { return nil }
        let prefix = "pagefind/shard-"
        guard file.hasPrefix(prefix) else { return 0 }
        let rest = file.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: "/"), let shard = Int(rest[..<slash]), shard > 0, shard < count else { return nil }
        return shard
    }

    static func isDeltaFile(_ file: String) -> Bool {
        file.hasPrefix(deltaFolder + "/")
    }
}
