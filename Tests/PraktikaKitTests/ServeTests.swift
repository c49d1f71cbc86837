import Foundation
import Testing
@testable import PraktikaKit
@testable import PraktikaServe

@Suite("praktika serve", .serialized)
struct ServeTests {
    /// Starts the server on a free loopback port and returns it with the port.
    private func start(_ site: FixtureSite) async throws -> (DevServer, Int, Task<Void, Error>) {
        let ready = PortBox()
        let server = DevServer(site: site.root, host: "127.0.0.1", port: 0, log: { _ in })
        let task = Task { try await server.run(onReady: { ready.set($0) }) }
        for _ in 0..<100 where ready.value == 0 { try await Task.sleep(for: .milliseconds(50)) }
        return (server, ready.value, task)
    }

    @Test("an edited practice is served anew and open tabs get a reload event", .timeLimit(.minutes(1)))
    func editReloads() async throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let (_, port, task) = try await start(site)
        defer { task.cancel() }
        #expect(port > 0)
        let before = await LoopbackHTTP.get(port: port, path: "/practices/gia-holidays/")
        #expect(before.hasPrefix("HTTP/1.1 200"), "port \(port): \(before.prefix(300))")
        #expect(before.contains("/__praktika/client.js"), "the reload script is added in serve mode")
        let events = try LoopbackHTTP(port: port, path: "/__praktika/events")
        _ = await events.read(until: { $0.contains("retry:") }, seconds: 10)

        try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]!
            .replacingOccurrences(of: "Практика [СОШ № 33]", with: "Обновлённая практика [СОШ № 33]"))
        let stream = await events.read(until: { $0.contains("event: reload") }, seconds: 30)
        #expect(stream.contains("event: reload"))
        var updated = false
        for _ in 0..<60 where !updated {
            updated = await LoopbackHTTP.get(port: port, path: "/practices/gia-holidays/").contains("Обновлённая практика")
            if !updated { try await Task.sleep(for: .milliseconds(250)) }
        }
        #expect(updated)
    }

    @Test("a broken edit keeps the last good pages and reports the problem", .timeLimit(.minutes(1)))
    func brokenEditKeepsPages() async throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let (_, port, task) = try await start(site)
        defer { task.cancel() }
        _ = await LoopbackHTTP.get(port: port, path: "/")
        let events = try LoopbackHTTP(port: port, path: "/__praktika/events")
        _ = await events.read(until: { $0.contains("retry:") }, seconds: 10)
        try site.write("content/practices/gia-holidays.md", "---\ntitle: [broken\n---\n")
        let stream = await events.read(until: { $0.contains("event: problems") && $0.hasSuffix("\n\n\r\n") || $0.contains("ошибка:") && $0.hasSuffix("\n\n") }, seconds: 30)
        #expect(stream.contains("content/practices/gia-holidays.md:3:1:"))
        let page = await LoopbackHTTP.get(port: port, path: "/practices/gia-holidays/")
        #expect(page.contains("Каникулы ГИА"), "the last good page is still served")
        #expect(page.contains("praktika-problems"), "the page carries the problems for the overlay")
    }

    @Test("built pages never contain the reload script")
    func buildHasNoReloadScript() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        #expect(!(try site.page("index.html")).contains("__praktika"))
    }

    @Test("editing a practice body re-renders only the pages that show it")
    func incrementalRender() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let live = LiveSite(site: site.root)
        let first = try #require(live.refresh())
        #expect(first.ok)
        try Self.savePractice(site, FixtureSite.files[Self.practiceFile]! + "\nЕщё абзац.\n")
        let second = try #require(live.refresh())
        #expect(second.ok)
        #expect(second.renderedPages < first.renderedPages / 2, "rendered \(second.renderedPages) of \(first.renderedPages)")
        #expect(String(decoding: live.file("practices/gia-holidays/index.html")!.0, as: UTF8.self).contains("Ещё абзац."))
        #expect(live.refresh() == nil, "nothing changed since")
    }

    /// Saves reuse the last build's graph when only a practice's text changed;
    /// these edits check that every page showing the practice still follows.
    static func page(_ live: LiveSite, _ path: String) -> String {
        live.file(path).map { String(decoding: $0.0, as: UTF8.self) } ?? ""
    }

    static let practiceFile = "content/practices/gia-holidays.md"

    /// The fixture site after its first live build.
    static func servedSite() throws -> (FixtureSite, LiveSite) {
        let site = try FixtureSite()
        let live = LiveSite(site: site.root)
        do {
            #expect(try #require(live.refresh()).ok)
        } catch {
            site.cleanUp()
            throw error
        }
        return (site, live)
    }

    /// Saves the fixture's practice with new text, a little later than the
    /// last scan, so that its modification time differs.
    @Test("saving a school re-renders the pages that show it, not the whole site")
    func schoolSaveIsIncremental() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let live = LiveSite(site: site.root)
        let first = try #require(live.refresh())
        let path = "content/schools/other-school.md"
        Thread.sleep(forTimeInterval: 0.02)
        try site.write(path, FixtureSite.files[path]!.replacingOccurrences(of: "СОШ № 33", with: "СОШ № 34"))
        let update = try #require(live.refresh())
        #expect(update.ok)
        #expect(update.renderedPages > 0 && update.renderedPages < first.renderedPages, "rendered \(update.renderedPages) of \(first.renderedPages)")
        #expect(Self.page(live, "schools/other-school/index.html").contains("СОШ № 34"))
        #expect(Self.page(live, "schools/index.html").contains("СОШ № 34"))
    }

    @Test("a practice that becomes a replication updates its source's card on every list")
    func replicationUpdatesCards() throws {
        let (site, live) = try Self.servedSite()
        defer { site.cleanUp() }
        #expect(!Self.page(live, "practices/index.html").contains("применена ещё"))
        try Self.savePractice(site, FixtureSite.files[Self.practiceFile]!.replacingOccurrences(
            of: "topics: [gia]", with: "topics: [gia]\nbased_on: [mentoring]"))
        #expect(try #require(live.refresh()).ok)
        for path in ["practices/index.html", "schools/leader-school/index.html", "topics/mentoring/index.html"] {
            #expect(Self.page(live, path).contains("<span class=\"card-replications\">применена ещё в 1 школе</span>"), "\(path)")
        }
    }

    static func savePractice(_ site: FixtureSite, _ text: String) throws {
        Thread.sleep(forTimeInterval: 0.02)
        try site.write(practiceFile, text)
    }

    @Test("a text edit reaches every page that shows the practice; a new term moves it between term pages")
    func editsReachListPages() throws {
        let (site, live) = try Self.servedSite()
        defer { site.cleanUp() }
        let original = FixtureSite.files[Self.practiceFile]!

        try Self.savePractice(site, original.replacingOccurrences(
            of: "summary: Интенсивы для девятиклассников в каникулы.", with: "summary: Интенсивы и консультации в каникулы."))
        let text = try #require(live.refresh())
        #expect(text.ok)
        for path in ["practices/gia-holidays/index.html", "practices/index.html", "schools/other-school/index.html", "topics/gia/index.html"] {
            #expect(Self.page(live, path).contains("Интенсивы и консультации в каникулы."), "\(path) shows the new summary")
        }
        #expect(text.renderedPages < 12, "a text edit renders only the pages that show the practice (\(text.renderedPages))")

        try Self.savePractice(site, original.replacingOccurrences(of: "topics: [gia]", with: "topics: [mentoring]"))
        #expect(try #require(live.refresh()).ok)
        #expect(Self.page(live, "topics/mentoring/index.html").contains("practices/gia-holidays/"))
        #expect(!Self.page(live, "topics/gia/index.html").contains("practices/gia-holidays/"))
    }

    @Test("a broken link in a text edit is reported with its place, and the last good page stays")
    func brokenTextEdit() throws {
        let (site, live) = try Self.servedSite()
        defer { site.cleanUp() }
        let before = Self.page(live, "practices/gia-holidays/index.html")
        try Self.savePractice(site, FixtureSite.files[Self.practiceFile]! + "\nСм. [школу](school:no-such-school).\n")
        let update = try #require(live.refresh())
        #expect(!update.ok)
        let problem = try #require(update.diagnostics.first { $0.severity == .error })
        #expect(problem.location.file == "content/practices/gia-holidays.md")
        #expect(problem.location.line == 10)
        #expect(problem.location.column == 5)
        #expect(Self.page(live, "practices/gia-holidays/index.html") == before)
    }
}

final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return port }
    func set(_ value: Int) { lock.lock(); port = value; lock.unlock() }
}
