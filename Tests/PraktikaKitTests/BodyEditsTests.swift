import Foundation
import Testing
@testable import PraktikaKit

@Suite("A rebuild after edits to practices' text renders only the pages that show them")
struct BodyEditsTests {
    @Test("after a practice's text changes, only the pages that show it are rendered, and every file is a fresh build's")
    func keepsOtherPages() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        // Practices whose Markdown may wait, and a digest whose print page shows them beside the edited one.
        try Self.addEveningPractices(to: site, count: 3)
        // One lists an attachment (its Markdown links none), one links one from its Markdown,
        // one has a link the build removes, with a warning.
        try site.write(data: Data("%PDF-1.4\n% schedule\n".utf8), to: "content/files/evening-1.pdf")
        let first1 = try site.source("content/practices/evening-consultations-1.md")
        try site.write("content/practices/evening-consultations-1.md",
                       first1.replacingOccurrences(of: "date: ", with: "attachments:\n  - {file: evening-1.pdf, title: Расписание}\ndate: "))
        try site.write(data: Data("%PDF-1.4\n% memo\n".utf8), to: "content/files/evening-2.pdf")
        try site.write("content/practices/evening-consultations-2.md",
                       try site.source("content/practices/evening-consultations-2.md") + "\n[Памятка](FILE:evening-2.pdf) для родителей.\n")
        try site.write("content/practices/evening-consultations-3.md",
                       try site.source("content/practices/evening-consultations-3.md") + "\n[Запись](javascript:alert(1)) на консультацию.\n")
        try site.write("content/digests/gia.yaml", """
            title: Подготовка к ГИА
            date: 2026-11-20
            select:
              topics: [gia]
            intro: |
              Подборка практик о подготовке к ГИА.
            """)
        var options = site.options()
        options.makePDFs = false
        let first = try SiteBuilder.build(options)
        #expect(!first.notes.contains { $0.hasPrefix("only practices' text changed") })
        try site.write("content/practices/gia-holidays.md", try site.source("content/practices/gia-holidays.md") + "\nКвазиканикулярный интенсив после уроков.\n")
        let second = try SiteBuilder.build(options)
        let note = try #require(second.notes.first { $0.hasPrefix("only practices' text changed (1): ") }, "\(second.notes)")
        #expect(note.contains(", their search words carried over"), "\(note)")
        // One new practice waits; those that link an attachment from their Markdown are rendered
        // at once, and so is the one with a warning, which is warned about again.
        #expect(note.hasSuffix("; 1 unchanged practices' Markdown rendered only where a page needed it"), "\(note)")
        #expect(second.warnings.contains { $0.location.file.hasSuffix("evening-consultations-3.md") }, "\(second.warnings)")
        #expect(site.exists("files/evening-1.pdf") && site.exists("files/evening-2.pdf"))
        #expect(try site.page("digests/gia/print.html").contains("Консультации по математике, вариант 2"))
        let counts = note.matches(of: /(\d+) pages rendered, (\d+) kept/).first.map { (Int($0.1)!, Int($0.2)!) }
        let (rendered, kept) = try #require(counts)
        #expect(rendered >= 1 && kept > rendered, "\(note)")
        #expect(try site.page("practices/gia-holidays/index.html").contains("Квазиканикулярный"))
        // Every file but Pagefind's (which names its files differently on each run) is the fresh build's.
        let fresh = site.root.appendingPathComponent("fresh", isDirectory: true)
        var freshOptions = options
        freshOptions.output = fresh
        let full = try SiteBuilder.build(freshOptions)
        #expect(full.pagesByKind == second.pagesByKind)
        try Self.expectSameFiles(site.output, fresh)
        // The search page's word lists hold the kept pages' words too.
        #expect(try SearchTests.wordLists(in: site.output) == SearchTests.wordLists(in: fresh))
    }

    @Test("a change to a practice's front matter, another entity or the theme renders every page again")
    func otherChangesRenderAll() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        _ = try SiteBuilder.build(site.options())
        let practice = try site.source("content/practices/gia-holidays.md")
        try site.write("content/practices/gia-holidays.md", practice.replacingOccurrences(of: "title: ", with: "title: Новые ", options: [], range: practice.range(of: "title: ")))
        var report = try SiteBuilder.build(site.options())
        #expect(!report.notes.contains { $0.hasPrefix("only practices' text changed") }, "\(report.notes)")
        try site.write("content/schools/other-school.md", try site.source("content/schools/other-school.md") + "\nЕщё строка.\n")
        report = try SiteBuilder.build(site.options())
        #expect(!report.notes.contains { $0.hasPrefix("only practices' text changed") }, "\(report.notes)")
        // A body edit after them is the quick kind again, and right.
        try site.write("content/practices/gia-holidays.md", try site.source("content/practices/gia-holidays.md") + "\nЕщё абзац.\n")
        report = try SiteBuilder.build(site.options())
        #expect(report.notes.contains { $0.hasPrefix("only practices' text changed (1)") }, "\(report.notes)")
        let fresh = site.root.appendingPathComponent("fresh", isDirectory: true)
        _ = try SiteBuilder.build(site.options(output: fresh))
        try Self.expectSameFiles(site.output, fresh)
    }

    @Test("the kept pages' search words come from the previous build's counts: the same word lists and state as reading every page, edit after edit")
    func carriedWords() throws {
        // The fixture with six more practices, in bundles of six pages that take recent edits from one page on.
        var (site, options) = try SearchShardTests.smallBundles()
        defer { site.cleanUp() }
        options.searchShardPages = 6
        options.searchDeltaFromPages = 1
        let extra = try Self.addEveningPractices(to: site, count: 6)
        _ = try SiteBuilder.build(options)
        let shards = SearchShards(count: try SearchShardTests.bundleCount(site))
        func file(_ id: String) -> String { "content/practices/\(id).md" }
        func shard(_ id: String) -> Int { shards.shard(of: "practices/\(id)/index.html") }
        let ids = ["gia-holidays", "mentoring"] + extra
        let edited = "gia-holidays"
        let neighbour = try #require(ids.first { $0 != edited && shard($0) == shard(edited) }, "no practice beside \(edited) in bundle \(shard(edited))")
        let elsewhere = try #require(ids.first { shard($0) != shard(edited) }, "every practice is in bundle \(shard(edited)) of \(shards.count): \(ids)")
        let original = try site.source(file(edited))
        let steps: [(what: String, id: String, text: String)] = [
            ("a new word, in the recent edits", edited, original + "\nКвазиканикулярный интенсив после уроков.\n"),
            ("edited again: the previous edit's words leave", edited, original + "\nПсевдоканикулярный цикл.\n"),
            ("back to the text its bundle indexed", edited, original),
            ("a practice of another bundle", elsewhere, try site.source(file(elsewhere)) + "\nКвазинаставнический цикл.\n"),
            ("a first edit beside it in its bundle", edited, original + "\nГиперканикулярный день.\n"),
            ("a second page of that bundle: indexed anew", neighbour, try site.source(file(neighbour)) + "\nЕщё один абзац.\n"),
            ("an edit after that", edited, original + "\nУльтраканикулярный день.\n"),
        ]
        for step in steps {
            try site.write(file(step.id), step.text)
            // The same build from a copy of the output without the counts reads every kept page.
            let copy = site.root.appendingPathComponent("copy", isDirectory: true)
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: site.output, to: copy)
            try FileManager.default.removeItem(at: copy.appendingPathComponent(SearchWordState.file))
            let carried = try SiteBuilder.build(options)
            #expect(carried.notes.contains { $0.hasPrefix("only practices' text changed (1)") && $0.contains("their search words carried over") },
                    "\(step.what): \(carried.notes)")
            var readOptions = options
            readOptions.output = copy
            let read = try SiteBuilder.build(readOptions)
            #expect(read.notes.contains { $0.hasPrefix("only practices' text changed (1)") && !$0.contains("search words carried over") }, "\(step.what): \(read.notes)")
            #expect(try SearchTests.wordLists(in: site.output) == SearchTests.wordLists(in: copy), "\(step.what)")
            for state in [SearchShards.digestsFile, SearchWordState.file] {
                #expect(try site.page(state) == String(contentsOf: copy.appendingPathComponent(state), encoding: .utf8), "\(step.what): \(state)")
            }
        }
        let lists = try SearchTests.wordLists(in: site.output)
        #expect(lists["ультраканикулярный"] != nil && lists["гиперканикулярный"] == nil && lists["квазиканикулярный"] == nil && lists["квазинаставнический"] != nil)

        // Counts that do not match the pages are not used: the build reads every kept page.
        let state = site.output.appendingPathComponent(SearchWordState.file)
        let text = try String(contentsOf: state, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("r ") && $0.hasSuffix("practices/\(edited)/index.html") })
        try FileManager.default.removeItem(at: state)
        try text.replacingOccurrences(of: line, with: "r 0000 1 practices/\(edited)/index.html").write(to: state, atomically: false, encoding: .utf8)
        try site.write(file(edited), original + "\nУльтраканикулярный вечер.\n")
        let refused = try SiteBuilder.build(options)
        #expect(refused.notes.contains { $0.hasPrefix("only practices' text changed (1)") && !$0.contains("search words carried over") }, "\(refused.notes)")
        #expect(try SearchTests.wordLists(in: site.output)["вечер"] != nil)
    }

    /// Practices `evening-consultations-N` of topic «gia», whose Markdown links no attachment.
    @discardableResult
    static func addEveningPractices(to site: FixtureSite, count: Int) throws -> [String] {
        let ids = (1...count).map { "evening-consultations-\($0)" }
        for (n, id) in ids.enumerated() {
            try site.write("content/practices/\(id).md", """
                ---
                title: Вечерние консультации \(n + 1)
                summary: Консультации для девятиклассников после уроков.
                schools: [other-school]
                topics: [gia]
                risk_factors: [low-motivation]
                date: 2022-03-0\(n + 1)
                ---
                Консультации по математике, вариант \(n + 1).
                """)
        }
        return ids
    }

    static func expectSameFiles(_ output: URL, _ fresh: URL) throws {
        func files(_ root: URL) -> [String] {
            FixtureSiteFolders.files(in: root).filter { !$0.hasPrefix("pagefind/") && $0 != OutputFolder.markerName }.sorted()
        }
        #expect(files(output) == files(fresh))
        for file in files(fresh) where FileManager.default.contents(atPath: output.appendingPathComponent(file).path)
            != FileManager.default.contents(atPath: fresh.appendingPathComponent(file).path) {
            Issue.record("\(file) differs from a fresh build's")
        }
    }
}
