import Foundation
import Testing
@testable import PraktikaKit

@Suite("Search bundles: a large site's index in several bundles, kept while their pages do not change")
struct SearchShardTests {
    @Test("the number of bundles follows the number of indexed pages; a page's bundle is fixed by its path")
    func sizing() {
        #expect(SearchShards(indexedPages: 0, pagesPerShard: 2500).count == 1)
        #expect(SearchShards(indexedPages: 2500, pagesPerShard: 2500).count == 1)
        #expect(SearchShards(indexedPages: 2501, pagesPerShard: 2500).count == 2)
        #expect(SearchShards(indexedPages: 11_552, pagesPerShard: SearchShards.defaultPagesPerShard).count == 3)
        let shards = SearchShards(count: 4)
        // Pinned: a bundle kept from an earlier build must hold the same pages.
        #expect(shards.shard(of: "practices/mentoring-pairs/index.html") == 2)
        #expect(SearchShards(count: 1).shard(of: "practices/mentoring-pairs/index.html") == 0)
        var sizes = [0, 0, 0, 0]
        for n in 0..<4000 { sizes[shards.shard(of: "practices/p\(n)/index.html")] += 1 }
        #expect(sizes.allSatisfy { (850...1150).contains($0) }, "\(sizes)")
        #expect(shards.folder(0) == "pagefind" && shards.folder(2) == "pagefind/shard-2")
        #expect(shards.bundle(holding: "pagefind/pagefind.js") == 0 && shards.bundle(holding: "pagefind/shard-2/pagefind.js") != 0)
        #expect(shards.bundle(holding: "pagefind/shard-2/index/ru_1.pf_index") == 2 && shards.bundle(holding: "pagefind/shard-2/pagefind.js") != 1)
        #expect(shards.bundle(holding: SearchShards.digestsFile) == nil && shards.bundle(holding: "practices/index.html") == nil)
        var state = IndexedBundles(shards: 2, stamps: [0: .init(digest: "a1", files: 3), 1: .init(digest: "b2", files: 4)])
        state.pages = [0: ["practices/a b/index.html": "h1"], 1: ["schools/c/index.html": "h2"]]
        state.delta = .init(digest: "d3", files: 5)
        state.deltaPages = ["practices/a b/index.html": "h3"]
        #expect(IndexedBundles.read(state.text) == state)
        #expect(state.indexedRecords == ["practices/a b/index.html": "h1", "schools/c/index.html": "h2"])
        #expect(IndexedBundles.read("shards 2\n0 a1-3\nnonsense\n") == nil)
        #expect(shards.bundle(holding: SearchShards.deltaFolder + "/pagefind-entry.json") == nil)
        // A word's bundles in hex, bundle 0 the lowest bit of the last digit, past 64 bundles too
        // (the search page reads bundle b from digit b / 4 counted from the end).
        #expect(SearchVocabulary.hex([0x16][...]) == "16")
        #expect(SearchVocabulary.hex([0x1, 0x10][...]) == "100000000000000001")
    }

    @Test("--search-memory: sizes as written on a command line, bundles small enough for the memory, one process at a time when two do not fit")
    func memoryBudget() throws {
        #expect(ByteSize.parse("1.5G") == 3 << 29 && ByteSize.parse("800M") == 800 << 20 && ByteSize.parse("2GiB") == 2 << 30)
        #expect(ByteSize.parse("512m") == 512 << 20 && ByteSize.parse(" 2gb ") == 2 << 30 && ByteSize.parse("4096") == 4096)
        for bad in ["", "G", "-1G", "1.5.1G", "1e3M", "2X", "0", "1G1"] { #expect(ByteSize.parse(bad) == nil, "\(bad)") }
        #expect(SearchShards.pagesPerShard(4000, memory: nil) == 4000)
        #expect(SearchShards.pagesPerShard(4000, memory: 1 << 30) == (1 << 30) / SearchShards.pagefindBytesPerPage)
        #expect(SearchShards.pagesPerShard(100, memory: 1 << 30) == 100 && SearchShards.pagesPerShard(4000, memory: 1) == 1)
        // Two processes only while both costs fit in the budget.
        for (cost, most) in [(60, 1), (40, 2)] {
            let slots = IndexingSlots(limit: 2, budget: 100)
            let inside = Locked(0), gate = DispatchSemaphore(value: 0)
            for _ in 0..<4 {
                slots.start(cost: cost) {
                    inside.withLock { $0 += 1 }
                    _ = gate.wait(timeout: .now() + 0.2)
                }
            }
            slots.waitForAll()
            #expect(slots.mostAtOnce == most && inside.current == 4, "cost \(cost)")
        }
    }

    @Test("the command line refuses a size it cannot read, or too small, with the build's usage and nothing written")
    func memoryOptionRefused() async throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        for bad in ["abc", "100M", "0"] {
            let run = try await PraktikaCLI.run(["build", site.root.path, "--search-memory", bad])
            #expect(run.status != 0 && run.output.contains("--search-memory must be a size of at least 256M"), "\(bad): \(run.output)")
            #expect(run.output.contains("Usage: praktika build"), "\(run.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let run = try await PraktikaCLI.run(["build", site.root.path, "--no-pdf", "--no-search", "--search-memory", "1.5G"])
        #expect(run.status == 0 && site.exists("index.html"), "\(run.output)")
        // The summary says what the build held, to choose the size by.
        let peak = try #require(run.output.firstMatch(of: /memory: praktika (\d+) MiB at most/), "\(run.output)")
        #expect((1...4096).contains(Int(peak.1) ?? 0))
    }

    @Test("a build with little memory for the search splits its index into bundles of the pages that fit; without the limit, one bundle again")
    func memoryBudgetBuild() throws {
        let site = try Self.siteWithPagefind()
        defer { site.cleanUp() }
        var options = site.options()
        options.searchMemory = 3 * SearchShards.pagefindBytesPerPage + 1000
        let small = try SiteBuilder.build(options)
        let bundles = try Self.bundleCount(site)
        let expected = SearchShards(graph: try Self.graph(site), pagesPerShard: 3).count
        #expect(bundles >= 3 && bundles == expected, "\(small.notes)")
        #expect(small.notes.contains { $0.contains("Pagefind files in \(bundles) bundles, \(bundles) indexed anew") }, "\(small.notes)")
        options.searchMemory = nil
        let whole = try SiteBuilder.build(options)
        #expect(try Self.bundleCount(site) == 1 && !site.exists("pagefind/shard-1/pagefind-entry.json"), "\(whole.notes)")
    }

    @Test("the words' state: read back only beside the index state it was written with, and counts that start a vocabulary")
    func wordState() throws {
        let index = "shards 2\n0 a1-3\n1 b2-4\n"
        let body = SearchWordState.body(records: [("schools/c d/index.html", "h2", 120), ("practices/a/index.html", "h1", 300)],
                                        wordLines: ["наставник 0:2 3:1", "гиа 1:1"])
        let text = SearchWordState.text(shards: 2, indexState: index, body: body)
        let state = try #require(SearchWordState.read(text, shards: 2, indexState: Data(index.utf8)))
        #expect(state.records["schools/c d/index.html"]?.hash == "h2" && state.records["practices/a/index.html"]?.size == 300)
        #expect(state.wordLines == ["наставник 0:2 3:1", "гиа 1:1"])
        #expect(SearchWordState.read(text, shards: 2, indexState: Data("shards 2\n0 a1-3\n1 b2-5\n".utf8)) == nil)
        #expect(SearchWordState.read(text, shards: 3, indexState: Data(index.utf8)) == nil)
        #expect(SearchWordState.read(text + "nonsense\n", shards: 2, indexState: Data(index.utf8)) == nil)
        // The counts start a vocabulary: slot 3 is shard 1's changed pages, which the recent edits' bundle (2) holds.
        let vocabulary = SearchVocabulary(shards: 2)
        #expect(vocabulary.load(state.wordLines))
        let words = vocabulary.take(bundles: 3) { _ in 2 }
        #expect(words.map(\.word) == ["наставник", "гиа"] && words.map(\.bundles) == ["5", "2"])
        #expect(!SearchVocabulary(shards: 2).load(["наставник 4:1"][...].map { Substring($0) }))
    }

    @Test("a record leaves out the blocks Pagefind ignores, except those that carry its meta or filters")
    func ignoredBlocks() throws {
        let page = Data("""
            <html lang="ru"><body><article data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-meta="kind">Школа</span></div>
            <h1>Школа</h1><div class="cards" data-pagefind-ignore><article class="card"><div>Карточка</div></article></div>
            <p>Текст</p><section data-pagefind-ignore="all"><div><p>Контакты</p></div></section></article></body></html>
            """.utf8)
        let text = String(decoding: try #require(SearchRecords.lean(page)), as: UTF8.self)
        #expect(text.contains("<span data-pagefind-meta=\"kind\">Школа</span>") && text.contains("<h1>Школа</h1>") && text.contains("<p>Текст</p>"))
        #expect(!text.contains("Карточка") && !text.contains("Контакты"))
        #expect(text.hasSuffix("</article></body></html>\n"))
        // Its words are those Pagefind indexes: not the meta kept in an ignored block, nor a character reference.
        let (record, ranges) = try #require(SearchRecords.leanRecord(page + Data("<p>x</p>".utf8)))
        var words: [String] = []
        SearchWords.tokens(SearchVocabulary.visibleText(record, ranges)) { words.append($0) }
        #expect(words == ["школа", "текст"])
        words = []
        let html = Data("<p>Наставник&amp;ученик &quot;пары&quot; R&D&#39;s</p>".utf8)
        SearchWords.tokens(SearchVocabulary.visibleText(html, [html.startIndex..<html.endIndex])) { words.append($0) }
        #expect(words == ["наставник", "ученик", "пары"])
    }

    @Test("on a site of several bundles, each word of the word lists names the bundles whose pages hold it")
    func wordBundles() throws {
        let (site, options) = try Self.smallBundles()
        defer { site.cleanUp() }
        let practice = site.root.appendingPathComponent("content/practices/gia-holidays.md")
        try (String(contentsOf: practice, encoding: .utf8) + "\nКвазиканикулярный интенсив.\n").write(to: practice, atomically: true, encoding: .utf8)
        try SiteBuilder.build(options)
        let bundles = try Self.bundleCount(site)
        let lists = try SearchTests.wordLists(in: site.output)
        let shard = SearchShards(count: bundles).shard(of: "practices/gia-holidays/index.html")
        #expect(lists["квазиканикулярный"] == .some(String(1 << shard, radix: 16)))
        // A program's plan item, which the graph's texts did not cover.
        #expect(lists["диагностика"] != nil)
        let masks = lists.values.compactMap { $0 }.compactMap { Int($0, radix: 16) }
        #expect(!masks.isEmpty && masks.allSatisfy { $0 > 0 && $0 < 1 << bundles && $0 != (1 << bundles) - 1 })
    }

    @Test("a site over the bundle size is indexed as several bundles; after one practice's text changes, only its bundle is indexed again")
    func keepsUnchangedBundles() throws {
        let (site, options) = try Self.smallBundles()
        defer { site.cleanUp() }
        let first = try SiteBuilder.build(options)
        let search = try site.page("search/index.html")
        let bundles = try Self.bundleCount(site)
        #expect(bundles >= 3)
        // The search page knows each bundle's pages: those of its shard that Pagefind indexes.
        let planned = try #require(search.firstMatch(of: /data-bundle-pages="([\d ]+)"/)).1.split(separator: " ").compactMap { Int($0) }
        var indexed = Array(repeating: 0, count: bundles)
        for file in FixtureSiteFolders.files(in: site.output) where try file.hasSuffix(".html") && site.page(file).contains("data-pagefind-body") {
            indexed[SearchShards(count: bundles).shard(of: file)] += 1
        }
        #expect(planned == indexed)
        let digests = try #require(IndexedBundles.read(try site.page(SearchShards.digestsFile))).stamps
        let made = (0..<bundles).filter { site.exists(SearchShards(count: bundles).folder($0) + "/pagefind-entry.json") }
        #expect(made.count >= bundles - 1 && Set(digests.keys).isSuperset(of: made), "\(made) \(digests)")
        #expect(first.notes.contains("search index: \(first.searchFiles) Pagefind files in \(made.count) bundles, \(made.count) indexed anew"), "\(first.notes)")

        let edited = SearchShards(count: bundles).shard(of: "practices/gia-holidays/index.html")
        func entryFiles() throws -> [Int: UInt] {
            var inodes: [Int: UInt] = [:]
            for shard in made {
                let path = site.output.appendingPathComponent(SearchShards(count: bundles).folder(shard) + "/pagefind-entry.json").path
                inodes[shard] = UInt(try #require(FileSystem.status(path)).st_ino)
            }
            return inodes
        }
        let before = try entryFiles()
        let practice = site.root.appendingPathComponent("content/practices/gia-holidays.md")
        try (String(contentsOf: practice, encoding: .utf8) + "\nПосле каникул — пробный экзамен в формате ОГЭ.\n").write(to: practice, atomically: true, encoding: .utf8)
        let second = try SiteBuilder.build(options)
        #expect(second.notes.contains { $0.hasSuffix("in \(made.count) bundles, 1 indexed anew") }, "\(second.notes)")
        let after = try entryFiles()
        for shard in made {
            // A kept bundle is the previous build's file itself (a hard link); the edited one is new.
            #expect((before[shard] == after[shard]) == (shard != edited), "bundle \(shard), edited \(edited)")
        }
        #expect(try #require(IndexedBundles.read(try site.page(SearchShards.digestsFile))).stamps.filter { digests[$0.key] != $0.value }.keys.sorted() == [edited])
        // Nothing changed: nothing is indexed.
        try site.write("content/schools/other-school.md", try String(contentsOf: site.root.appendingPathComponent("content/schools/other-school.md"), encoding: .utf8))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("sitemap.xml"))
        let third = try SiteBuilder.build(options)
        #expect(third.notes.contains { $0.hasSuffix("in \(made.count) bundles, 0 indexed anew") }, "\(third.notes)")
    }

    @Test("a kept bundle missing a file in the output is indexed again, and the output is whole")
    func damagedBundleIsIndexedAgain() throws {
        let (site, options) = try Self.smallBundles()
        defer { site.cleanUp() }
        try SiteBuilder.build(options)
        let meta = try #require(try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("pagefind").path)
            .first { $0.hasSuffix(".pf_meta") })
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("pagefind/" + meta))
        // Nothing else changed: the build runs because the output lost a file, and indexes that bundle alone.
        let report = try SiteBuilder.build(options)
        #expect(report.notes.contains { $0.hasSuffix("bundles, 1 indexed anew") }, "\(report.notes)")
        let entry = try site.page("pagefind/pagefind-entry.json")
        let hash = try #require(entry.firstMatch(of: /"hash":"([^"]+)"/)).1
        #expect(site.exists("pagefind/pagefind.\(hash).pf_meta"))
    }

    @Test("a few edited pages of a kept bundle are indexed alone into the recent-edits bundle; past the limit, their bundle is indexed anew")
    func recentEdits() throws {
        let (site, options) = try Self.recentEditsSite()
        defer { site.cleanUp() }
        let bundles = try Self.bundleCount(site)
        let shards = SearchShards(count: bundles)
        let path = "practices/gia-holidays/index.html", edited = shards.shard(of: path)
        let entry = site.output.appendingPathComponent(shards.folder(edited) + "/pagefind-entry.json").path
        let inode = try #require(FileSystem.status(entry)).st_ino
        let before = try #require(IndexedBundles.read(try site.page(SearchShards.digestsFile)))
        let oldFragment = try #require(Self.fragmentIDs(site, in: shards.folder(edited))["/practices/gia-holidays/"])

        let practice = site.root.appendingPathComponent("content/practices/gia-holidays.md")
        try (String(contentsOf: practice, encoding: .utf8) + "\nКвазиканикулярный интенсив.\n").write(to: practice, atomically: true, encoding: .utf8)
        let second = try SiteBuilder.build(options)
        #expect(second.notes.contains { $0.hasSuffix("0 indexed anew, recent edits: 1 page indexed beside them") }, "\(second.notes)")
        // The bundle is the previous build's file itself; the practice is in the recent edits.
        #expect(try #require(FileSystem.status(entry)).st_ino == inode)
        #expect(Self.fragmentIDs(site, in: SearchShards.deltaFolder).keys.sorted() == ["/practices/gia-holidays/"])
        let state = try #require(IndexedBundles.read(try site.page(SearchShards.digestsFile)))
        #expect(state.pages == before.pages && state.stamps == before.stamps && Array(state.deltaPages.keys) == [path] && state.delta != nil)
        // The word lists: the new word is in the recent-edits bundle alone (the last
        // bit), and the search page learns which kept fragment it supersedes.
        let lists = try SearchTests.wordLists(in: site.output)
        #expect(lists["квазиканикулярный"] == .some(String(1 << bundles, radix: 16)))
        let script = try site.page("search/words/43a.js")
        #expect(script.contains("window.praktikaRecentEdits = {\"delta\":\(bundles),"))
        #expect(script.contains("\"superseded\":{\"\(edited)\":[\"\(oldFragment)\"]}"), "\(script.prefix(300))")

        // A build with no indexed text changed keeps the recent edits' bundle whole, the same files.
        let deltaEntry = site.output.appendingPathComponent(SearchShards.deltaFolder + "/pagefind-entry.json").path
        let deltaInode = try #require(FileSystem.status(deltaEntry)).st_ino
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("sitemap.xml"))
        let unchanged = try SiteBuilder.build(options)
        #expect(unchanged.notes.contains { $0.hasSuffix("0 indexed anew, recent edits: 1 page indexed beside them") }, "\(unchanged.notes)")
        #expect(try #require(FileSystem.status(deltaEntry)).st_ino == deltaInode)
        #expect(Self.fragmentIDs(site, in: SearchShards.deltaFolder).keys.sorted() == ["/practices/gia-holidays/"])
        #expect(try site.page("search/words/43a.js").contains("\"superseded\":{\"\(edited)\":[\"\(oldFragment)\"]}"))

        // A second page of the same small bundle: past its limit, it is indexed anew with both, and the recent edits are gone.
        let neighbour = try #require(before.pages[edited]?.keys.first { $0 != path && $0.hasPrefix("practices/") }, "no other practice in bundle \(edited)")
        let other = site.root.appendingPathComponent("content/" + neighbour.dropLast("/index.html".count) + ".md")
        try (String(contentsOf: other, encoding: .utf8) + "\nЕщё один абзац.\n").write(to: other, atomically: true, encoding: .utf8)
        let third = try SiteBuilder.build(options)
        #expect(third.notes.contains { $0.hasSuffix("1 indexed anew") }, "\(third.notes)")
        let lastScript = try site.page("search/words/43a.js")
        #expect(!site.exists(SearchShards.deltaFolder + "/pagefind-entry.json") && !lastScript.contains("praktikaRecentEdits"))
        #expect(try SearchTests.wordLists(in: site.output)["квазиканикулярный"] == .some(String(1 << edited, radix: 16)))
        // Every page of that bundle is in it again, also those whose records were not rewritten.
        let folded = try #require(IndexedBundles.read(try site.page(SearchShards.digestsFile)))
        #expect(Set(Self.fragmentIDs(site, in: shards.folder(edited)).keys) == Set((folded.pages[edited] ?? [:]).keys.map(PagefindFragments.url(ofOutputFile:))))
        #expect((folded.pages[edited] ?? [:]).count >= 3 && folded.deltaPages.isEmpty && folded.delta == nil)
    }

    @Test("a page gone from a kept bundle has that bundle indexed anew: no fragment of the index still holds it")
    func pageGone() throws {
        let (site, options) = try Self.recentEditsSite()
        defer { site.cleanUp() }
        #expect(Self.fragmentIDs(site)["/practices/gia-holidays/"] != nil)
        try site.remove("content/practices/gia-holidays.md")
        let report = try SiteBuilder.build(options)
        #expect(Self.fragmentIDs(site)["/practices/gia-holidays/"] == nil, "\(report.notes)")
        let state = try #require(IndexedBundles.read(try site.page(SearchShards.digestsFile)))
        #expect(!state.pages.values.contains { $0["practices/gia-holidays/index.html"] != nil })
    }

    /// The fixture site, and build options that split its index into bundles of three pages.
    static func smallBundles() throws -> (site: FixtureSite, options: BuildOptions) {
        let site = try siteWithPagefind()
        var options = site.options()
        options.searchShardPages = 3
        return (site, options)
    }

    /// The fixture site, for a test that needs Pagefind (`scripts/test.sh` installs it).
    static func siteWithPagefind() throws -> FixtureSite {
        try #require(SearchIndexer.find() != nil, "Pagefind (pip install pagefind-bin) is needed for this test")
        return try FixtureSite()
    }

    /// The fixture built once in bundles of six pages that take recent edits from one page on.
    static func recentEditsSite() throws -> (site: FixtureSite, options: BuildOptions) {
        var (site, options) = try smallBundles()
        options.searchShardPages = 6
        options.searchDeltaFromPages = 1
        _ = try SiteBuilder.build(options)
        return (site, options)
    }

    /// Fragment id by page URL, of one bundle's folder in the output (`in`), or of every bundle.
    static func fragmentIDs(_ site: FixtureSite, in folder: String? = nil) -> [String: String] {
        let files = FixtureSiteFolders.files(in: site.output).filter { file in
            file.hasSuffix(".pf_fragment") && (folder.map { file.hasPrefix($0 + "/fragment/") } ?? true)
        }
        return PagefindFragments.ids(of: files.map { site.output.appendingPathComponent($0) })
    }

    /// The fixture's linked graph, as a build makes it.
    static func graph(_ site: FixtureSite) throws -> SiteGraph {
        try #require(SitePreparation(site: site.root).run(log: DiagnosticLog()).env?.graph)
    }

    /// How many bundles the built search page merges.
    static func bundleCount(_ site: FixtureSite) throws -> Int {
        try #require(try site.page("search/index.html").firstMatch(of: /data-bundles="(\d+)"/).flatMap { Int($0.1) })
    }
}
