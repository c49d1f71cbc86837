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
}
