import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PraktikaKit

/// Hostile values in every field that reaches a URL, HTML, XML, JSON, JS or
/// the print HTML: each is refused with file:line:col, or neutralised, and a
/// refused build leaves the previous output exactly as it was.
@Suite("Hostile values in content")
struct HostileValueTests {
    /// A YAML double-quoted scalar holding exactly `value`.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\x%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static let hostileURLs = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\u{01}javascript:alert(1)",
        "java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
        "//evil.example/", "\\\\evil.example\\x", "https:evil.example", "file:///etc/passwd",
    ]

    /// Where each address field is written: the file and how to put a value in.
    static let urlFields: [(name: String, file: String, put: @Sendable (String) -> String)] = [
        ("organisation.website", "content/site.yaml", { FixtureSite.files["content/site.yaml"]!
            .replacingOccurrences(of: "  email: uo@example.ru", with: "  email: uo@example.ru\n  website: \(quoted($0))") }),
        ("menu.url", "content/site.yaml", { FixtureSite.files["content/site.yaml"]! + "\nmenu:\n  - {title: Контакты, url: \(quoted($0))}" }),
        ("website", "content/schools/leader-school.md", { FixtureSite.files["content/schools/leader-school.md"]!
            .replacingOccurrences(of: "short_name: Гимназия № 1", with: "short_name: Гимназия № 1\nwebsite: \(quoted($0))") }),
        ("materials.url", "content/seminars/network-seminar.md", { FixtureSite.files["content/seminars/network-seminar.md"]!
            .replacingOccurrences(of: "title: Запись}", with: "title: Запись}\n  - {url: \(quoted($0)), title: Ссылка}") }),
    ]

    @Test("every address field refuses every scheme but http, https, mailto, tel and relative paths, with file:line:col")
    func hostileAddresses() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let before = OutputTree.snapshot(site.output)
        for field in Self.urlFields {
            for (index, url) in Self.hostileURLs.enumerated() {
                try site.write(field.file, field.put(url))
                let errors = site.errors()
                let here = errors.filter { $0.location.file == field.file && $0.location.line > 1 && $0.location.column > 0 }
                #expect(here.contains { $0.message.en.contains(field.name) }, "\(field.name) = \(url.debugDescription): \(errors.map(\.description))")
                if index == 0 { #expect(OutputTree.snapshot(site.output) == before, "\(field.name): the output changed") }
            }
            try site.write(field.file, FixtureSite.files[field.file]!)
        }
    }

    @Test("Markdown links follow the same rule: other schemes and //host are removed and reported at their line and column")
    func markdownLinks() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]!
            + "\n[a](//evil.example/x) [b](ftp://files.example/) [c](JaVaScRiPt:alert(1)) [d](https://ok.example/)\n")
        let report = try site.build()
        let warnings = report.warnings.filter { $0.location.file == "content/practices/gia-holidays.md" }
        #expect(warnings.map(\.location.line) == [10, 10, 10], "\(warnings.map(\.description))")
        #expect(warnings.map(\.location.column) == [1, 23, 49], "\(warnings.map(\.description))")
        let page = try site.page("practices/gia-holidays/index.html")
        #expect(!page.contains("evil.example") && !page.contains("ftp:") && !page.lowercased().contains("javascript:"))
        #expect(page.contains("href=\"https://ok.example/\""))
    }

    @Test("allowed addresses reach the pages as links")
    func allowedAddresses() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let allowed = ["https://gym1.example.ru/", "HTTP://gym1.example.ru/a?b=1#c", "mailto:gym1@example.ru", "tel:+78212000000", "/kontakty/", "../../practices/"]
        for url in allowed {
            try site.write("content/schools/leader-school.md", Self.urlFields[2].put(url))
            #expect(site.errors().isEmpty, "\(url)")
            let page = try site.page("schools/leader-school/index.html")
            #expect(page.contains("href=\"\(FastHTMLContentType.escape(url))\""), "\(url)")
        }
    }

    @Test("base_url must be http or https with a host and a clean path; --base-url too")
    func baseURL() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let bad = ["https://uo.example.ru//evil.example/", "//evil.example/", "javascript:alert(1)", "ftp://uo.example.ru/",
                   "https://", "https://uo.example.ru/a/../b/", "https://user@uo.example.ru/", "https://uo.example.ru/?x=1",
                   "https://uo.example.ru/%2F%2Fevil.example/", " https://uo.example.ru/", "uo.example.ru/praktiki/"]
        for url in bad {
            try site.write("content/site.yaml", FixtureSite.files["content/site.yaml"]!
                .replacingOccurrences(of: "base_url: https://uo.example.ru/praktiki/", with: "base_url: \(Self.quoted(url))"))
            let errors = site.errors()
            #expect(errors.contains { $0.location.file == "content/site.yaml" && $0.location.line == 6 && $0.message.en.contains("base_url") },
                    "\(url.debugDescription): \(errors.map(\.description))")
            var options = site.options()
            options.baseURL = url
            try site.write("content/site.yaml", FixtureSite.files["content/site.yaml"]!)
            #expect(throws: ContentErrors.self, "--base-url \(url)") { try SiteBuilder.check(options) }
        }
        try site.write("content/site.yaml", FixtureSite.files["content/site.yaml"]!
            .replacingOccurrences(of: "https://uo.example.ru/praktiki/", with: "https://uo.example.ru"))
        #expect(site.errors().isEmpty)
    }

    @Test("control characters from YAML escapes never reach HTML or XML; feeds and sitemap parse as XML")
    func controlCharacters() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let practice = FixtureSite.files["content/practices/gia-holidays.md"]!
            .replacingOccurrences(of: "title: Каникулы ГИА", with: "title: \"Каникулы\\x01 ГИА\\0\\x1B[31m\\u0085\\x7F\\uFFFE\"")
            .replacingOccurrences(of: "summary: Интенсивы для девятиклассников в каникулы.", with: "summary: \"\\x08Интенсивы\\x0B\"\nresources: \"a\\x02b\"")
            .replacingOccurrences(of: "Практика [СОШ", with: "Текст \u{01}\u{02} практики [СОШ")
        try site.write("content/practices/gia-holidays.md", practice)
        try site.build()
        var checked = 0
        for path in FileManager.default.enumerator(atPath: site.output.path)!.allObjects as! [String]
        where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let bytes = [UInt8](FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path)!)
            #expect(OutputText.firstForbidden(bytes) == nil, "\(path)")
            checked += 1
        }
        #expect(checked > 20)
        #expect(try site.page("practices/gia-holidays/index.html").contains("Каникулы ГИА"))
        for xml in ["feed.xml", "sitemap.xml"] {
            let parser = XMLParser(data: FileManager.default.contents(atPath: site.output.appendingPathComponent(xml).path)!)
            #expect(parser.parse(), "\(xml): \(String(describing: parser.parserError))")
        }
        #expect(try String(contentsOf: site.output.appendingPathComponent("feed.xml"), encoding: .utf8).contains("Каникулы ГИА"))
    }

    @Test("markup in text fields stays text in HTML, JSON-LD, the catalog's script and the print HTML")
    func markupInText() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let hostile = "</script><script>alert(1)</script>\"'><img src=x onerror=alert(1)>\u{2028}&amp;"
        try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]!
            .replacingOccurrences(of: "title: Каникулы ГИА", with: "title: \(Self.quoted("Каникулы " + hostile))")
            .replacingOccurrences(of: "summary: Интенсивы для девятиклассников в каникулы.", with: "summary: \(Self.quoted(hostile))"))
        try site.write("content/digests/hostile.yaml", "title: \(Self.quoted("Сборник " + hostile))\npractices: [gia-holidays, mentoring]\n")
        var options = site.options()
        options.makePDFs = false
        options.makeSearchIndex = false
        try SiteBuilder.build(options)
        var files = 0
        for path in FileManager.default.enumerator(atPath: site.output.path)!.allObjects as! [String]
        where path.hasSuffix(".html") || path.hasSuffix(".js") || path.hasSuffix(".xml") || path.hasSuffix(".json") {
            let text = try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.contains("<script>alert(1)"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
            for block in text.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst() {
                let json = block.components(separatedBy: "</script>")[0]
                #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(path): JSON-LD does not parse")
            }
            files += 1
        }
        #expect(files > 20)
        #expect(try site.page("digests/hostile/print.html").contains("Сборник &lt;/script&gt;"))
    }

    @Test("vocabulary ids follow the entity id rules, reported at the vocabulary file's line and column")
    func vocabularyIDs() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        for bad in ["..", "Mentoring", "../../etc", "a/b", "-x", "наставничество"] {
            try site.write("content/vocabularies/topics.yaml", FixtureSite.files["content/vocabularies/topics.yaml"]!
                .replacingOccurrences(of: "- id: gia", with: "- id: \(Self.quoted(bad))"))
            let errors = site.errors()
            #expect(errors.contains { $0.location.file == "content/vocabularies/topics.yaml" && $0.location.line == 3 && $0.location.column > 0 },
                    "\(bad): \(errors.map(\.description))")
            #expect(errors.count < 5, "\(bad): \(errors.map(\.description))")
        }
    }

    @Test("symlinks out of the site are refused: entity files, attachments, theme assets, the theme name")
    func symlinksOutOfTheSite() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-outside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("---\nname: Чужая школа\n---\nСекрет.\n".utf8).write(to: outside.appendingPathComponent("school.md"))
        try Data("body{}".utf8).write(to: outside.appendingPathComponent("secret.css"))
        let link = { (path: String, target: URL) throws in
            let url = site.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
        }
        try link("content/schools/stolen.md", outside.appendingPathComponent("school.md"))
        try link("content/files/passwd.txt", URL(fileURLWithPath: "/etc/passwd"))
        try site.write("themes/mine/assets/own.css", "body{}")
        try link("themes/mine/assets/secret.css", outside.appendingPathComponent("secret.css"))
        try site.write("content/site.yaml", FixtureSite.files["content/site.yaml"]! + "\ntheme: mine")
        let files = Set(site.errors().map(\.location.file))
        #expect(files.contains("content/schools/stolen.md"))
        #expect(files.contains("content/files/passwd.txt"))
        #expect(files.contains("themes/mine/assets/secret.css"))
        try site.write("content/site.yaml", FixtureSite.files["content/site.yaml"]! + "\ntheme: ../../elsewhere")
        #expect(site.errors().contains { $0.location.file == "content/site.yaml" && $0.message.en.contains("theme") })
        // serve reads the same way: no file through a link out of content/files/.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/schools/stolen.md"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/files/passwd.txt"))
        try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]! + "\n[пароли](file:passwd.txt)\n")
        try link("content/files/passwd.txt", URL(fileURLWithPath: "/etc/passwd"))
        try site.write("content/site.yaml", FixtureSite.files["content/site.yaml"]!)
        let live = LiveSite(site: site.root)
        #expect(live.refresh()?.ok == false, "a symlink out of the site is an error in serve too")
        #expect(live.file("files/passwd.txt") == nil)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/files/passwd.txt"))
        try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]!)
        #expect(live.refresh()?.ok == true)
        #expect(live.file("files/practices/Презентация наставничество.pdf") != nil)
    }

    @Test("an attachment named with an apostrophe links and is copied")
    func apostrophe() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write(data: Data("%PDF-1.4\n".utf8), to: "content/files/O'Brien.pdf")
        try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]!
            .replacingOccurrences(of: "date: 2022-03-01", with: "date: 2022-03-01\nattachments:\n  - {file: \"O'Brien.pdf\", title: План}"))
        #expect(site.errors().isEmpty, "\(site.errors().map(\.description))")
        #expect(site.exists("files/O'Brien.pdf"))
    }
}
