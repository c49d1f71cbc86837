import Foundation
import Testing
@testable import PraktikaKit

@Suite("Search: what is indexed, the bank's words, lean records")
struct SearchTests {
    @Test("the word list holds the published pages' words and numbers, folded; never a draft's, a link target's or a two-letter word")
    func wordList() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        // One file per first letter, named by its code point: «к» is U+043A.
        let script = try site.page("search/words/43a.js")
        #expect(script.hasPrefix("(window.praktikaWords = window.praktikaWords || {})[\"к\"] = \""))
        let lists = try Self.wordLists(in: site.output)
        let words = Set(lists.keys)
        // One bundle: no word names bundles.
        #expect(lists.values.allSatisfy { $0 == nil })
        #expect(words.contains("иванова"))         // a seminar speaker, whom the graph's texts did not cover
        #expect(words.contains("интенсивы"))       // a published practice's summary, lower-cased
        #expect(words.contains("каникулы"))
        #expect(words.contains("33"))              // numbers count: «СОШ № 33»
        #expect(!words.contains("секретный"))      // a draft's title
        #expect(!words.contains("черновик"))
        #expect(!words.contains("other"))          // the target of (school:other-school)
        #expect(!words.contains { $0.count < 3 && !$0.allSatisfy(\.isNumber) })
    }

    @Test("Pagefind reads a table's header cells as words apart: the results table's header is not one glued word")
    func headerCellsApart() throws {
        try #require(SearchIndexer.find() != nil, "Pagefind (pip install pagefind-bin) is needed for this test")
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let fragments = FixtureSiteFolders.files(in: site.output).filter { $0.hasSuffix(".pf_fragment") }.map { site.output.appendingPathComponent($0) }
        let id = try #require(PagefindFragments.ids(of: fragments)["/practices/mentoring/"])
        // Pagefind separates <td> cells but glued adjacent <th> cells: «ПоказательДоПосле…».
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-dc", try #require(fragments.first { $0.lastPathComponent == id + ".pf_fragment" }).path]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let content = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        gzip.waitUntilExit()
        #expect(content.contains("Показатель До После Изменение"), "\(content.prefix(600))")
    }

    /// The words of `search/words/*.js`, each with its bundles' hex mask, or nil for every bundle.
    static func wordLists(in output: URL) throws -> [String: String?] {
        let folder = output.appendingPathComponent("search/words")
        var words: [String: String?] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let list = text.split(separator: "=").last!.drop { $0 != "\"" }.dropFirst().prefix { $0 != "\"" }
            for entry in list.split(separator: " ") {
                let parts = entry.split(separator: ":", maxSplits: 1)
                words[String(parts[0])] = parts.count > 1 ? String(parts[1]) : nil
            }
        }
        return words
    }

    @Test("tokens: «ё» folds to «е», link targets are skipped, words of three letters and more, any number")
    func tokens() {
        var found: [String] = []
        SearchWords.tokens("Ёлка и ёж: [СОШ № 2](school:x-y) — 2024 год") { found.append($0) }
        #expect(found == ["елка", "сош", "2", "2024", "год"])
    }

    @Test("tokens: the fast path over Russian and ASCII finds exactly the words the Character-by-Character reading finds")
    func tokensFastPath() {
        // Pieces that meet at every boundary the rules care about: case, «ё», digits,
        // link brackets, typographic spaces and dashes, and characters that send a text the slow way.
        let pieces = ["Ёж", "ёлка", "СОШ", "№", "\u{00A0}", "\u{202F}", " — ", "«", "»", "·", "−", "2", "2024", "[", "]", "(", ")", "school:x-y",
                      "Учитель", "ПРОГРАММА", "abc", "XYZ", "-", ".", ",", "\n", "\r\n", "…", "°", "и\u{0306}", "é", "½", "日本", "ü", "Ω", "ѣ"]
        var random = SeededRandom(state: 20261128)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            var fast: [String] = [], reference: [String] = []
            SearchWords.tokens(text) { fast.append($0) }
            SearchWords.characterTokens(text) { reference.append($0) }
            #expect(fast == reference, "\(text.debugDescription)")
        }
    }

    @Test("record words: read over the bytes of HTML, the same distinct words as the String reading of its text")
    func recordWordsFastPath() {
        let pieces = ["Ёж", "ёлка", "СОШ", "№", "\u{00A0}", " — ", "«", "»", "·", "−", "→", "✓", "×", "и\u{0306}", "\u{200D}", "²", "½", "ª", "µ", "2", "2024", "[", "]", "(", ")", "school:x-y",
                      "Учитель", "ПРОГРАММА", "abc", "XYZ", "-", ".", "\n", "…", "°", "é", "日本", "ѣ",
                      "<p>", "</p>", "<a href=\"x\">", "</a>", "<b class=\"k\">", "&amp;", "&quot;", "&#39;", "&nbsp;", "&", ";", "R&D"]
        var random = SeededRandom(state: 20261128)
        var compared = 0
        for _ in 0..<8000 {
            let html = Data((0..<Int.random(in: 1...16, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined().utf8)
            let split = Int.random(in: 0...html.count, using: &random)
            let ranges = [0..<split, split..<html.count]
            var reference = Set<String>()
            SearchWords.tokens(SearchVocabulary.visibleText(html, ranges)) { reference.insert($0) }
            let fast = html.withUnsafeBytes { RecordWords.distinct($0, ranges) }
            // The fast reading gives up on texts with other letters; the vocabulary then reads them the reference way.
            guard let fast else { continue }
            compared += 1
            #expect(Set((0..<fast.count).map { fast.string($0) }) == reference, "\(String(decoding: html, as: UTF8.self).debugDescription)")
        }
        #expect(compared > 1500, "\(compared)")
        // Russian and ASCII with tags and references: read the fast way.
        let plain = Data("<p>Наставник&amp;ученик — «пары» № 20</p>".utf8)
        #expect(plain.withUnsafeBytes { RecordWords.distinct($0, [0..<plain.count]) }?.count == 4)
    }

    @Test("a lean record is the data-pagefind-body element with nested ones of its kind, under the page's language")
    func leanRecord() throws {
        let page = Data("""
            <!DOCTYPE html><html lang="ru"><head><title>x</title></head><body><header>Шапка</header>
            <main><article class="entity" data-pagefind-body><h1>Заголовок</h1>
            <div class="cards"><article class="card">Карточка</article></div><p>Текст</p></article>
            <section>Похожие практики</section></main></body></html>
            """.utf8)
        let lean = try #require(SearchRecords.lean(page))
        let text = String(decoding: lean, as: UTF8.self)
        #expect(text.hasPrefix("<!DOCTYPE html><html lang=\"ru\">"))
        #expect(text.contains("<h1>Заголовок</h1>") && text.contains("Карточка") && text.contains("<p>Текст</p></article></body>"))
        #expect(!text.contains("Шапка") && !text.contains("Похожие"))
        #expect(SearchRecords.lean(Data("<html lang=\"ru\"><body><main>Список</main></body></html>".utf8)) == nil)
    }

    @Test("cards, contacts and seminar lists quoted on other pages are left out of the index; pages but practices carry their kind as a filter")
    func indexedParts() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let school = try site.page("schools/other-school/index.html")
        #expect(school.contains("data-pagefind-filter=\"kind\">school<"))
        #expect(school.contains("<div class=\"cards\" data-pagefind-ignore>"))
        #expect(school.contains("aria-labelledby=\"contacts-title\" data-pagefind-ignore"))
        let practice = try site.page("practices/gia-holidays/index.html")
        // Practices, most pages, carry no kind filter: the search page counts unmarked pages as practices.
        #expect(!practice.contains("data-pagefind-filter=\"kind\""))
        #expect(try site.page("search/index.html").contains("data-unmarked-kind=\"practice\""))
        #expect(practice.contains("data-pagefind-meta=\"year\">2022<"))
        #expect(practice.contains("class=\"page-contents\""))
    }

    @Test("many files in one new folder (the word lists) are written by two writer threads without losing a race for the folder")
    func manyFilesInOneNewFolder() throws {
        for round in 0..<20 {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-race-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let folder = try OutputFolder(destination: root.appendingPathComponent("public"))
            let sink = StreamingSink(folder, writers: 2)
            for i in 0..<200 { try sink.write("search/words/r\(round)/\(i).js", Data("x".utf8)) }
            try sink.finish()
            try folder.commit()
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/search/words/r\(round)/199.js").path))
        }
    }

    @Test("an offline copy ships no Pagefind index, but the word list and the summaries its search uses")
    func offlineCopy() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let report = try site.build(offline: true)
        #expect(!site.exists("pagefind"))
        #expect(site.exists("search/words/43a.js"))
        #expect(try site.page("practices/catalog-summaries.js").contains("Интенсивы для девятиклассников в каникулы."))
        #expect(report.notes.contains { $0.contains("--offline") })
    }
}
