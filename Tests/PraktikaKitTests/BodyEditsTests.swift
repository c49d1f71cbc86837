import Foundation
import Testing
@testable import PraktikaKit

@Suite("A rebuild after edits to practices' text renders only the pages that show them")
struct BodyEditsTests {
    @Test("after a practice's text changes, only the pages that show it are rendered, and every file is a fresh build's")
    func keepsOtherPages() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let first = try SiteBuilder.build(site.options())
        #expect(!first.notes.contains { $0.hasPrefix("only practices' text changed") })
        try site.write("content/practices/gia-holidays.md", try site.source("content/practices/gia-holidays.md") + "\nКвазиканикулярный интенсив после уроков.\n")
        let second = try SiteBuilder.build(site.options())
        let note = try #require(second.notes.first { $0.hasPrefix("only practices' text changed (1): ") }, "\(second.notes)")
        let counts = note.matches(of: /(\d+) pages rendered, (\d+) kept/).first.map { (Int($0.1)!, Int($0.2)!) }
        let (rendered, kept) = try #require(counts)
        #expect(rendered >= 1 && kept > rendered, "\(note)")
        #expect(try site.page("practices/gia-holidays/index.html").contains("Квазиканикулярный"))
        // Every file but Pagefind's (which names its files differently on each run) is the fresh build's.
        let fresh = site.root.appendingPathComponent("fresh", isDirectory: true)
        let full = try SiteBuilder.build(site.options(output: fresh))
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
