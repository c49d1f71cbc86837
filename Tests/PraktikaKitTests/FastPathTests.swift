import Foundation
import Testing
@testable import PraktikaKit

/// The byte- and integer-level rewrites made for speed must say exactly what
/// the plain versions said.
@Suite("Fast paths agree with the plain versions")
struct FastPathTests {
    /// The first, Character-based page description: the reference.
    static func plainTextReference(_ text: String, limit: Int) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        let cut = collapsed.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    @Test("page descriptions: white space collapsed, cut at a word")
    func plainText() {
        var random = SeededRandom(state: 7)
        let pieces = ["Наставничество", "школа", "ГИА", " ", "  ", "\n", "\t", "\u{00A0}", "\u{2009}", "\u{3000}",
                      "a", "—", "«кавычки»", "ё", "😀", "и\u{0306}", "е\u{0308}", "\r\n", "\u{2028}", "ВСОКО,", "1"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<40, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let limit = 1 + Int.random(in: 0..<60, using: &random)
            #expect(PageContext.plainText(text, limit: limit) == Self.plainTextReference(text, limit: limit),
                    "text \(text.debugDescription), limit \(limit)")
        }
        #expect(PageContext.plainText("  Раз  два\tтри ", limit: 200) == "Раз два три")
        #expect(PageContext.plainText("Учителя гимназии работают в парах", limit: 20) == "Учителя гимназии…")
    }

    @Test("front matter keys: found among a few or among hundreds; a missing one and a repeated one are reported")
    func mappingKeys() throws {
        struct Fields: Decodable { var title: String; var summary: String?; var extra: [String: String] }
        func yaml(padding: Int) -> String {
            "title: Первый\n" + (0..<padding).map { "k\($0): v\($0)\n" }.joined() + "summary: Итог\nextra: {a: b}\n"
        }
        for padding in [0, 5, 200] {
            let fields = try YAMLDecoderForTests.decode(Fields.self, yaml(padding: padding))
            #expect(fields.title == "Первый", "padding \(padding)")
            #expect(fields.summary == "Итог", "padding \(padding)")
            #expect(fields.extra == ["a": "b"], "padding \(padding)")
        }
        #expect(throws: (any Error).self) { try YAMLDecoderForTests.decode(Fields.self, "summary: Итог\nextra: {}\n") }
        #expect(throws: (any Error).self) { try YAMLDecoderForTests.decode(Fields.self, "title: А\n!!str title: Б\nextra: {}\n") }
    }

    @Test("JSON text: every string survives a round trip and is safe inside <script>")
    func jsonStrings() throws {
        var random = SeededRandom(state: 11)
        let pieces = ["Школа", "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "</script>", "\u{01}", "\u{1F}",
                      "\u{2028}", "\u{2029}", "—", "😀", "a", " "]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0..<30, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let json = JSONValue.object(["name": .string(text), "list": [.string(text), .int(1), .bool(true)]]).text
            #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
            #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}"))
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(decoded["name"] as? String == text)
            #expect((decoded["list"] as? [Any])?.first as? String == text)
        }
    }

    @Test("related practices: shared risk factors weigh 2, topics 1, the same network 2; the author's own are left out")
    func relatedPractices() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        func practice(_ id: String, school: String, risks: [String], topics: [String], network: Bool, date: String) throws {
            try site.write("content/practices/\(id).md", """
                ---
                title: Практика \(id)
                summary: Описание \(id).
                schools: [\(school)]
                \(network ? "network: gym-network" : "")
                topics: [\(topics.joined(separator: ", "))]
                risk_factors: [\(risks.joined(separator: ", "))]
                date: \(date)
                ---
                Текст.
                """)
        }
        // The fixture's `mentoring`: leader-school, gym-network, topic mentoring, risk teacher-competence.
        try practice("p-risk-network", school: "other-school", risks: ["teacher-competence"], topics: [], network: true, date: "2020-01-01")
        try practice("p-risk", school: "other-school", risks: ["teacher-competence"], topics: ["gia"], network: false, date: "2020-02-01")
        try practice("p-topic-new", school: "supported-school", risks: ["low-motivation"], topics: ["mentoring"], network: false, date: "2023-01-01")
        try practice("p-topic-old", school: "supported-school", risks: [], topics: ["mentoring"], network: false, date: "2019-01-01")
        try practice("p-own", school: "leader-school", risks: ["teacher-competence"], topics: ["mentoring"], network: true, date: "2020-03-01")
        try practice("p-none", school: "other-school", risks: ["low-motivation"], topics: ["gia"], network: false, date: "2024-01-01")
        try site.build()

        let html = try site.page("practices/mentoring/index.html")
        let related = try #require(html.range(of: "id=\"related-title\"")).upperBound
        let section = String(html[related...].split(separator: "</section>", maxSplits: 1).first ?? "")
        let order = ["p-risk-network", "p-risk", "p-topic-new", "p-topic-old"].map { id in
            section.range(of: "practices/\(id)/")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil }, "every related practice is listed")
        let positions = order.compactMap { $0 }
        #expect(positions == positions.sorted(), "score first (4, 2, 1, 1), then catalog order (newest first)")
        #expect(!section.contains("practices/p-own/"), "the author school's own practice is not 'related'")
        #expect(!section.contains("practices/p-none/"), "nothing shared, not related")
    }
}


/// The writer thread must deliver every page, keep at most a few waiting, and
/// report a failed write instead of losing it.
@Suite("Streaming pages to disk")
struct StreamingSinkTests {
    final class Recorder: PageSink, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var written: [String] = []
        func write(_ relativePath: String, _ contents: Data) throws {
            if relativePath == "broken/index.html" { throw CocoaError(.fileWriteNoPermission) }
            Thread.sleep(forTimeInterval: 0.0005)
            lock.lock(); written.append(relativePath); lock.unlock()
        }
    }

    @Test("every page arrives in order, and a failed write is reported by finish()")
    func deliversAndReports() throws {
        let recorder = Recorder()
        let sink = StreamingSink(recorder, pending: 4)
        let paths = (0..<200).map { "p\($0)/index.html" }
        for path in paths { try sink.write(path, Data(path.utf8)) }
        try sink.finish()
        #expect(recorder.written == paths)

        let failing = StreamingSink(Recorder(), pending: 4)
        try failing.write("broken/index.html", Data())
        #expect(throws: CocoaError.self) { try failing.finish() }
    }

    @Test("with two writers every page arrives once, and a failed write is still reported")
    func twoWriters() throws {
        let recorder = Recorder()
        let sink = StreamingSink(recorder, pending: 4, writers: 2)
        let paths = (0..<200).map { "p\($0)/index.html" }
        for path in paths { try sink.write(path, Data(path.utf8)) }
        try sink.finish()
        #expect(recorder.written.sorted() == paths.sorted())
        #expect(Set(recorder.written).count == paths.count)

        let failing = StreamingSink(Recorder(), pending: 4, writers: 2)
        for path in paths.prefix(10) + ["broken/index.html"] { try failing.write(path, Data()) }
        #expect(throws: CocoaError.self) { try failing.finish() }
    }

    @Test("output paths: only plain relative paths inside the output are written")
    func safeRelativePaths() {
        for good in ["index.html", "practices/x/index.html", ".well-known/security.txt", "a/.../b", "files/отчёт.pdf"] {
            #expect(OutputFolder.safeRelativePath(good) == good, "\(good)")
        }
        for bad in ["", "/etc/passwd", "a//b", "a/./b", "a/../b", "..", ".", "../x", "a/", "a\\b", "x/.."] {
            #expect(OutputFolder.safeRelativePath(bad) == nil, "\(bad)")
        }
    }

    /// The first hash, word by word: catalog filter slugs are made with it and are part of URLs.
    static func hashReference(_ bytes: [UInt8]) -> UInt64 {
        func mix(_ hash: UInt64, _ number: UInt64) -> UInt64 {
            let value = (hash ^ number) &* 0x0000_0100_0000_01B3
            return value ^ (value >> 29)
        }
        var value: UInt64 = 0xcbf2_9ce4_8422_2325, index = 0
        while index + 8 <= bytes.count {
            var word: UInt64 = 0
            for offset in (0..<8).reversed() { word = word << 8 | UInt64(bytes[index + offset]) }
            value = mix(value, word)
            index += 8
        }
        var tail = UInt64(bytes.count)
        while index < bytes.count { tail = tail << 8 | UInt64(bytes[index]); index += 1 }
        return mix(value, tail)
    }

    @Test("content hashes: slugs keep their values; every byte of a page counts")
    func contentHashes() {
        var random = SeededRandom(state: 11)
        for length in [0, 1, 7, 8, 9, 31, 32, 33, 100, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            var hash = ContentHash()
            bytes.withUnsafeBytes { hash.add($0) }
            #expect(hash.value == Self.hashReference(bytes), "length \(length)")
        }
        let page = Data((0..<1000).map { _ in UInt8.random(in: 0...255, using: &random) })
        let original = ContentHash.of(page)
        #expect(original == ContentHash.of(page))
        for index in [0, 8, 16, 24, 31, 32, 500, 990, 999] {
            var changed = page
            changed[index] ^= 1
            #expect(ContentHash.of(changed) != original, "byte \(index)")
        }
    }

    @Test("link check: a link from the root is checked once, a broken one still reported")
    func linkCheckDeduplicates() throws {
        let check = LinkCheck()
        let root = PageLinks.rootPlaceholder
        check.record(html: "<a href=\"\(root)practices/a/\">a</a> <a href=\"\(root)practices/gone/\">x</a>",
                     page: "schools/s/", template: "school", source: "content/schools/s.md")
        check.record(html: "<a href=\"\(root)practices/gone/\">x</a> <img src=\"../missing.png\"> <a href=\"https://example.ru/\">e</a>",
                     page: "practices/a/", template: "practice", source: "content/practices/a.md")
        let (theme, _) = Theme.load(siteThemeDirectory: nil, language: "ru", displayRoot: URL(fileURLWithPath: "/tmp"))
        let problems = check.problems(written: ["practices/a/index.html"], theme: try #require(theme))
            .map(\.message.en).sorted()
        #expect(problems.count == 2)
        #expect(problems.first?.contains("the page `practices/a/` links to `../missing.png`") == true)
        #expect(problems.last?.contains("the page `schools/s/` links to `../../practices/gone/`") == true)
    }

    /// The first front matter split, on the String's UTF-8 view: the reference.
    static func splitReference(_ text: String) -> (yaml: String, body: String, bodyFirstLine: Int)? {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex, lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            var content = utf8[lineStart..<lineEnd]
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            let isDelimiter = content.elementsEqual("---".utf8) || (yamlStart != nil && content.elementsEqual("...".utf8))
            if lineNumber == 1 {
                guard isDelimiter else { return nil }
                yamlStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            } else if isDelimiter, let start = yamlStart {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return (String(text[start..<lineStart]), String(text[bodyStart...]), lineNumber + 1)
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        return nil
    }

    @Test("front matter: split where the plain version split it")
    func frontMatterSplit() {
        var random = SeededRandom(state: 5)
        let pieces = ["---", "...", "\n", "\r\n", "title: Ё", "---x", " ---", "текст", "\r", "- a"]
        for _ in 0..<3000 {
            let count = Int.random(in: 0..<14, using: &random)
            let text = (Bool.random(using: &random) ? "---\n" : "")
                + (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let reference = Self.splitReference(text)
            let parts = try? FrontMatter.split(text)
            #expect(parts?.yaml == reference?.yaml, "\(text.debugDescription)")
            #expect(parts?.body == reference?.body, "\(text.debugDescription)")
            #expect(parts?.bodyFirstLine == reference?.bodyFirstLine, "\(text.debugDescription)")
        }
    }
}
