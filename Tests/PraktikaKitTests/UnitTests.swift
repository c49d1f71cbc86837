import Foundation
import Testing
@testable import PraktikaKit

@Suite("Small parts of the pipeline")
struct UnitTests {
    @Test("dates: full days, months, and impossible dates", arguments: [
        ("2021-09-01", "2021-09-01"), ("2021-09", "2021-09"), ("2024-02-29", "2024-02-29"),
    ])
    func validDates(input: String, expected: String) {
        #expect(Day(input)?.description == expected)
    }

    @Test("impossible dates are rejected", arguments: ["2023-02-29", "2021-13-01", "21-09-01", "2021-9-1", "вчера", "2021-09-31"])
    func invalidDates(input: String) {
        #expect(Day(input) == nil)
    }

    @Test("a build's practice bodies wait as HTML in a scratch file: read back as written, from many threads, and the same pages as from memory")
    func proseSpill() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try #require(ProseSpill(in: folder))
        let texts = (0..<200).map { n in n == 7 ? "" : "<p>Наставник №\(n) — «\(String(repeating: "ё", count: n * 37))»</p>\n" }
        let slots = ResultSlots<ProseSpill.Slot>(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { slots.set($0, spill.store(texts[$0])!) }
        #expect(slots.values.map(spill.read) == texts)
        #expect(Set(slots.values.filter { $0.length > 0 }.map(\.offset)).count == texts.count - 1)

        // The link stage with and without the file: the same HTML for every text, bodies not kept in memory.
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let preparation = SitePreparation(site: site.root)
        let log = DiagnosticLog()
        let loaded = try #require(preparation.load(log: log))
        var spilling = preparation
        spilling.releasesPracticeBodies = true
        spilling.spillFolder = folder
        let inMemory = try #require(preparation.link(loaded, log: log)).prose
        let reloaded = try #require(preparation.load(log: log))
        let stored = try #require(spilling.link(reloaded, log: log))
        let practice = try #require(stored.graph.practices["mentoring"])
        let body = try #require(practice.body)
        let fromFile = try #require(stored.prose.html(.body(file: practice.file, body: body)))
        let key = MarkdownOrigin.body(file: practice.file, body: body).key
        #expect(stored.prose.files[practice.file]?.html[key] == nil && stored.prose.files[practice.file]?.stored.keys.sorted { $0.line < $1.line } == [key])
        #expect(fromFile.contains("</p>") && fromFile == inMemory.html(.body(file: practice.file, body: body)))
        for file in inMemory.files.keys {
            #expect(Set(stored.prose.htmlTexts(of: file)) == Set(inMemory.htmlTexts(of: file)), "\(file)")
        }
        // A build leaves no scratch file in its output.
        _ = try site.build()
        #expect(!site.exists(ProseSpill.fileName))
    }

    @Test("Markdown entity links are rewritten on cmark's AST with their positions")
    func markdownRewrite() {
        let output = Markdown.render("Текст\n\nСм. [школу](school:gym-1 \"Гимназия\") и [файл](file:a%20b.pdf).\n") { link in
            link.scheme == .entity(.school) ? "../../schools/\(link.target)/" : nil
        }
        #expect(output.html == "<p>Текст</p>\n<p>См. <a href=\"../../schools/gym-1/\" title=\"Гимназия\">школу</a> и <a href=\"\">файл</a>.</p>\n")
        #expect(output.unresolved.count == 1)
        #expect(output.unresolved.first?.target == "a b.pdf")
        #expect(output.unresolved.first?.line == 3)
        #expect(output.unresolved.first?.column == 40)
    }

    @Test("cmark's safe mode drops raw HTML and dangerous URLs")
    func markdownSafeMode() {
        let html = Markdown.render("<script>x</script>\n\n[a](javascript:alert(1)) <b onclick=\"x\">b</b>") { _ in nil }.html
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onclick"))
    }

    @Test("relative links from pages at different depths")
    func pageLinks() {
        #expect(PageLinks(pagePath: "", offline: false).to("practices/") == "practices/")
        #expect(PageLinks(pagePath: "", offline: false).to("") == "./")
        #expect(PageLinks(pagePath: "practices/x/", offline: false).to("schools/y/") == "../../schools/y/")
        #expect(PageLinks(pagePath: "practices/x/", offline: false).to("") == "../../")
        #expect(PageLinks(pagePath: "practices/x/", offline: true).to("") == "../../index.html")
        #expect(PageLinks(pagePath: "practices/", offline: true).to("schools/y/") == "../schools/y/index.html")
    }

    @Test("suggestions find the closest ids")
    func suggestions() {
        #expect(Suggestions.closest(to: "gym1-syktyvkar", among: ["gymnasium-1-syktyvkar", "school-20", "gym1-syktyvkar-old"]).first == "gym1-syktyvkar-old")
        #expect(Suggestions.closest(to: "scool-20", among: ["school-20", "school-33"]).first == "school-20")
        #expect(Suggestions.closest(to: "zzz", among: ["school-20"]).isEmpty)
    }

    @Test("attachment paths cannot leave content/files", arguments: ["../x", "/etc/passwd", "a/../../b", "~/x", "a\\b"])
    func attachmentEscape(path: String) {
        #expect(AttachmentPath.normalize(path) == nil)
    }

    @Test("ids: lower-case Latin letters, digits and hyphens")
    func ids() {
        #expect(EntityID.isValid("gymnasium-1-syktyvkar"))
        #expect(!EntityID.isValid("Gymnasium"))
        #expect(!EntityID.isValid("гимназия"))
        #expect(!EntityID.isValid("a_b"))
        #expect(!EntityID.isValid("-a"))
    }
}
