import Foundation
import Testing
@testable import PraktikaKit
import ZIPFoundation

@Suite("Building a fixture site end to end")
struct EndToEndTests {
    @Test("every page kind is written with pretty URLs")
    func everyPageKind() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let report = try site.build()
        for path in [
            "index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt",
            "practices/index.html", "practices/mentoring/index.html", "practices/gia-holidays/index.html",
            "schools/index.html", "schools/leader-school/index.html", "schools/supported-school/index.html",
            "networks/index.html", "networks/gym-network/index.html",
            "programs/index.html", "programs/tutoring/index.html",
            "seminars/index.html", "seminars/network-seminar/index.html", "seminars/future-seminar/index.html",
            "topics/index.html", "topics/mentoring/index.html", "risk-factors/low-motivation/index.html",
            "assets/style.css", OutputFolder.markerName,
        ] {
            #expect(site.exists(path), "missing \(path)")
        }
        #expect(report.pagesByKind["practice"] == 2)
        #expect(report.pagesByKind["school"] == 3)
        #expect(report.pagesByKind["404"] == 1)
    }

    @Test("leader and supported schools link to each other through the network")
    func crossLinksBothWays() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let leader = try site.page("schools/leader-school/index.html")
        #expect(leader.contains(#"href="../../schools/supported-school/""#))
        #expect(leader.contains(#"href="../../schools/other-school/""#))
        #expect(leader.contains(#"href="../../networks/gym-network/""#))
        let supported = try site.page("schools/supported-school/index.html")
        #expect(supported.contains(#"href="../../schools/leader-school/""#))
        #expect(supported.contains(#"href="../../networks/gym-network/""#))
        let network = try site.page("networks/gym-network/index.html")
        #expect(network.contains("<svg class=\"network-diagram\""))
        #expect(network.contains(#"<a href="../../schools/supported-school/" class="node member">"#))
        #expect(network.contains(#"href="../../programs/tutoring/""#))
        #expect(network.contains(#"href="../../practices/mentoring/""#))
    }

    @Test("a practice shows on its schools' pages and a seminar agenda on the practice and speaker's school")
    func derivedRelations() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let leader = try site.page("schools/leader-school/index.html")
        #expect(leader.contains(#"href="../../practices/mentoring/""#))
        #expect(leader.contains(#"href="../../seminars/network-seminar/""#), "host school lists the seminar")
        let supported = try site.page("schools/supported-school/index.html")
        #expect(supported.contains(#"href="../../practices/mentoring/""#), "partner school lists the practice")
        #expect(supported.contains(#"href="../../seminars/network-seminar/""#), "speaker's school lists the seminar")
        let practice = try site.page("practices/mentoring/index.html")
        #expect(practice.contains(#"href="../../seminars/network-seminar/""#))
        let seminar = try site.page("seminars/network-seminar/index.html")
        #expect(seminar.contains(#"href="../../practices/mentoring/""#))
        #expect(seminar.contains(">10:00<"), "YAML 1.1 would read 10:00 as a number")
        let term = try site.page("topics/mentoring/index.html")
        #expect(term.contains(#"href="../../practices/mentoring/""#))
    }

    @Test("the action plan is a table with the plan's groups and rows")
    func planTable() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let html = try site.page("programs/tutoring/index.html")
        let table = try #require(html.range(of: "<table class=\"plan\">").map { html[$0.lowerBound...] })
        let body = table[..<table.range(of: "</table>")!.upperBound]
        #expect(body.components(separatedBy: "<tbody>").count - 1 == 2)
        #expect(body.components(separatedBy: "<tr class=\"plan-group\">").count - 1 == 2)
        #expect(body.components(separatedBy: "<td class=\"num\">").count - 1 == 3)
        #expect(body.contains("Создание пар наставничества"))
        #expect(body.contains(#"<a href="../../practices/mentoring/">практику</a>"#))
    }

    @Test("drafts reach no page, list, term page, sitemap or feed, nor do their attachments")
    func draftsAreAbsent() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        #expect(!site.exists("practices/secret-draft/index.html"))
        #expect(!site.exists("files/draft-only.pdf"))
        let enumerator = FileManager.default.enumerator(atPath: site.output.path)!
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".html") || relative.hasSuffix(".xml") else { continue }
            let text = try site.page(relative)
            #expect(!text.contains("secret-draft") && !text.contains("Секретный черновик"), "draft leaked into \(relative)")
        }
    }

    @Test("every internal link and entity link resolves to a written file")
    func linksResolve() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        #expect(try HTMLLinks.broken(in: site.output) == [])
        let practice = try site.page("practices/mentoring/index.html")
        #expect(practice.contains(#"href="../../schools/leader-school/">гимназию</a>"#))
        #expect(practice.contains(#"href="../../files/practices/%D0%9F%D1%80%D0%B5%D0%B7%D0%B5%D0%BD%D1%82%D0%B0%D1%86%D0%B8%D1%8F%20%D0%BD%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%BE.pdf""#))
        #expect(site.exists("files/practices/Презентация наставничество.pdf"))
        #expect(practice.contains("PDF, 27 Б"))
    }

    @Test("offline copies name index.html in every internal link")
    func offlineLinks() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build(offline: true)
        let home = try site.page("index.html")
        #expect(home.contains(#"href="practices/index.html""#))
        #expect(home.contains(#"href="practices/mentoring/index.html""#))
        #expect(!home.contains(#"href="practices/""#))
        #expect(try HTMLLinks.broken(in: site.output) == [])
    }

    @Test("no internal link is absolute, so the site works under a sub-path")
    func relativeLinks() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        for page in ["index.html", "practices/mentoring/index.html", "schools/index.html"] {
            let links = HTMLLinks.attributes(in: try site.page(page)).filter(HTMLLinks.isInternal)
            #expect(!links.isEmpty)
            #expect(links.allSatisfy { !$0.hasPrefix("/") }, "absolute link in \(page)")
        }
        let notFound = try site.page("404.html")
        #expect(notFound.contains(#"href="/praktiki/practices/""#))
    }

    @Test("sitemap and feed use absolute URLs from base_url")
    func feeds() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let sitemap = try site.page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://uo.example.ru/praktiki/practices/mentoring/</loc>"))
        #expect(sitemap.contains("<loc>https://uo.example.ru/praktiki/</loc>"))
        let feed = try site.page("feed.xml")
        #expect(feed.contains("<id>https://uo.example.ru/praktiki/practices/mentoring/</id>"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 2)
    }

    @Test("raw HTML and javascript: URLs in content never reach the output as markup")
    func hostileContentIsNeutralised() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", """
            ---
            title: "<script>alert('title')</script>"
            summary: "<img src=x onerror=alert(1)>"
            schools: [other-school]
            ---
            <div onclick="alert(1)">x</div>

            [клик](javascript:alert(1)) ![img](data:text/html;base64,PHNjcmlwdD4=)
            """)
        try site.build()
        let enumerator = FileManager.default.enumerator(atPath: site.output.path)!
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".html") else { continue }
            let html = try site.page(relative).lowercased()
            #expect(!html.contains("<script>alert"), "script in \(relative)")
            for script in html.components(separatedBy: "<script").dropFirst() {
                let tag = script.prefix { $0 != ">" }
                #expect(tag.contains(" src=\"") || tag.contains("application/ld+json"), "a script that is not the theme's in \(relative)")
            }
            #expect(!html.contains("javascript:"), "javascript: URL in \(relative)")
            #expect(!html.contains("<img src=x"), "event handler in \(relative)")
            #expect(!html.contains("<div onclick"), "raw HTML in \(relative)")
            #expect(!html.contains("data:text/html"), "data: URL in \(relative)")
        }
        #expect(try site.page("practices/gia-holidays/index.html").contains("&lt;script&gt;alert"))
    }
}

@Suite("Offline archive and structured data")
struct ArchiveAndStructuredDataTests {
    @Test("--zip packs every written file, for a copy opened from disk")
    func zipArchive() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let archive = site.root.appendingPathComponent("site.zip")
        var options = site.options(offline: true)
        options.zip = archive
        options.makeSearchIndex = false
        try SiteBuilder.build(options)
        let zip = try ZIPFoundation.Archive(url: archive, accessMode: .read)
        let names = Set(zip.map(\.path))
        #expect(names.contains("index.html"))
        #expect(names.contains("practices/mentoring/index.html"))
        #expect(names.contains("practices/catalog-index.js"))
        #expect(!names.contains { $0.contains("secret-draft") })
    }

    @Test("schools, seminars and practices carry schema.org JSON-LD that parses")
    func jsonLD() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        for (page, type) in [("practices/mentoring/index.html", "Article"), ("schools/leader-school/index.html", "EducationalOrganization"),
                             ("seminars/network-seminar/index.html", "Event")] {
            let html = try site.page(page)
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
            #expect(json?["@type"] as? String == type, "\(page)")
            #expect(json?["@context"] as? String == "https://schema.org")
        }
    }

    @Test("a site of only site.yaml, without base_url or content/files, builds; no page links a feed that was not written")
    func smallestSite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-smallest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data("title: Банк практик\nlanguage: ru\n".utf8).write(to: root.appendingPathComponent("content/site.yaml"))
        var options = BuildOptions(site: root, today: Day(year: 2026, month: 11, day: 28))
        options.makePDFs = false
        options.makeSearchIndex = false
        let report = try SiteBuilder.build(options)
        #expect(report.pagesByKind["home"] == 1)
        let home = try String(contentsOf: root.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(!home.contains("feed.xml"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/feed.xml").path))
    }
}
