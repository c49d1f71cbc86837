import Foundation
import Testing
@testable import PraktikaKit
@testable import PraktikaServe
import Hummingbird

/// praktika replaces only its own earlier output and never writes or
/// deletes through a link or a forged marker line.
@Suite("Only praktika's own files are replaced")
struct OutputBoundaryTests {
    @Test("--zip refuses a folder, a user's file and a path inside the output; it replaces its own archive")
    func zipTargets() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let before = OutputTree.snapshot(site.output)
        let content = OutputTree.snapshot(site.root.appendingPathComponent("content"))
        try site.write("notes.zip", "my own notes, not a zip")
        for target in ["content", ".", "notes.zip", "public/site.zip"] {
            var options = site.options()
            options.zip = site.root.appendingPathComponent(target).standardizedFileURL
            #expect(throws: OutputFolder.Problem.self, "\(target)") { try SiteBuilder.build(options) }
        }
        #expect(OutputTree.snapshot(site.root.appendingPathComponent("content")) == content)
        #expect(try String(contentsOf: site.root.appendingPathComponent("notes.zip"), encoding: .utf8) == "my own notes, not a zip")
        #expect(OutputTree.snapshot(site.output) == before)
        var options = site.options()
        options.zip = site.root.appendingPathComponent("site.zip")
        try SiteBuilder.build(options)
        try SiteBuilder.build(options)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site.zip").path))
        #expect(OutputTree.leftovers(beside: site.output).isEmpty)
    }

    @Test("a forged or stale marker line never deletes a folder, a file elsewhere or a changed file")
    func forgedMarkerLines() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        try site.write("public/keep/important.txt", "the user's")
        try site.write("victim.txt", "outside the output")
        let marker = site.output.appendingPathComponent(OutputFolder.markerName)
        let forged = try String(contentsOf: marker, encoding: .utf8)
            + "0000000000000000 keep\n0000000000000000 keep/important.txt\n0000000000000000 ../victim.txt\n0000000000000000 /etc/hostname\n"
        try Data(forged.utf8).write(to: marker)
        try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]! + "\nНовое.\n")
        try site.build()
        #expect(try site.page("keep/important.txt") == "the user's")
        #expect(try String(contentsOf: site.root.appendingPathComponent("victim.txt"), encoding: .utf8) == "outside the output")
        // A page praktika stops writing, edited by someone since: kept, not deleted.
        try site.write("public/seminars/future-seminar/index.html", "edited by hand")
        try site.remove("content/seminars/future-seminar.md")
        try site.build()
        #expect(try site.page("seminars/future-seminar/index.html") == "edited by hand")
    }

    @Test("a symlink inside the output is never written through")
    func symlinkInsideOutput() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let elsewhere = site.root.appendingPathComponent("elsewhere", isDirectory: true)
        try site.write("elsewhere/style.css", "the user's stylesheet")
        let assets = site.output.appendingPathComponent("assets")
        try FileManager.default.removeItem(at: assets)
        try FileManager.default.createSymbolicLink(at: assets, withDestinationURL: elsewhere)
        try FileManager.default.createSymbolicLink(at: site.output.appendingPathComponent("mirror"), withDestinationURL: elsewhere)
        // The marker's lines under the linked folder are not believed: nothing is kept, replaced or removed through it.
        #expect(try String(contentsOf: site.output.appendingPathComponent(OutputFolder.markerName), encoding: .utf8).contains(" assets/"))
        #expect(!Manifest.read(in: site.output).files.keys.contains { $0.hasPrefix("assets/") })
        #expect(Manifest.read(in: site.output).files.keys.contains { $0.hasPrefix("practices/") })
        let before = OutputTree.snapshot(site.output)
        #expect(throws: OutputFolder.Problem.self) { try SiteBuilder.build(site.options()) }
        #expect(OutputTree.snapshot(elsewhere) == ["style.css": ContentHash.of(Data("the user's stylesheet".utf8))].snapshot)
        #expect(OutputTree.snapshot(site.output) == before)
        try FileManager.default.removeItem(at: assets)
        try site.build()
        #expect(FileSystem.kind(site.output.appendingPathComponent("mirror").path) == .symlink, "the user's link is kept as a link")
        #expect(OutputTree.snapshot(elsewhere) == ["style.css": ContentHash.of(Data("the user's stylesheet".utf8))].snapshot)
    }

    @Test("digest --output replaces only praktika's own print HTML and PDF")
    func digestOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-digest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pdf = folder.appendingPathComponent("X.pdf"), html = folder.appendingPathComponent("X.html")
        try DigestCommandRunner.checkOwnOutput(pdf: pdf, html: html)
        try Data("<p>my report</p>".utf8).write(to: html)
        #expect(throws: OutputFolder.Problem.self) { try DigestCommandRunner.checkOwnOutput(pdf: pdf, html: html) }
        try Data("<!DOCTYPE html>\n<html><head><meta name=\"generator\" content=\"praktika\">".utf8).write(to: html)
        try DigestCommandRunner.checkOwnOutput(pdf: pdf, html: html)
        try Data("%PDF-1.7 someone else's".utf8).write(to: pdf)
        try DigestCommandRunner.checkOwnOutput(pdf: pdf, html: html)
        try FileManager.default.removeItem(at: html)
        #expect(throws: OutputFolder.Problem.self) { try DigestCommandRunner.checkOwnOutput(pdf: pdf, html: html) }
        try Data("%PDF-1.7\n<< /Creator (praktika) >>".utf8).write(to: pdf)
        try DigestCommandRunner.checkOwnOutput(pdf: pdf, html: html)
        #expect(throws: OutputFolder.Problem.self) {
            try DigestCommandRunner.checkOwnOutput(pdf: folder, html: folder.appendingPathComponent("x.html"))
        }
    }

    @Test("serve answers only its own address, and stops at once on SIGTERM with a live-reload tab open", .timeLimit(.minutes(1)))
    func serveHostAndSignals() async throws {
        #expect(HostCheck<BasicRequestContextStub>.accepts("127.0.0.1:1313", boundHost: "127.0.0.1", port: 1313))
        #expect(HostCheck<BasicRequestContextStub>.accepts("localhost:1313", boundHost: "127.0.0.1", port: 1313))
        #expect(!HostCheck<BasicRequestContextStub>.accepts("evil.example:1313", boundHost: "127.0.0.1", port: 1313))
        #expect(!HostCheck<BasicRequestContextStub>.accepts("127.0.0.1:8080", boundHost: "127.0.0.1", port: 1313))
        #expect(!HostCheck<BasicRequestContextStub>.accepts(nil, boundHost: "127.0.0.1", port: 1313))
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let port = 20000 + Int(getpid() % 20000)
        let server = try PraktikaCLI.start(["serve", site.root.path, "--port", "\(port)"])
        defer { if server.0.isRunning { kill(server.0.processIdentifier, SIGKILL) } }
        var page = ""
        for _ in 0..<100 where !page.hasPrefix("HTTP/1.1 200") {
            try await Task.sleep(for: .milliseconds(100))
            page = await LoopbackHTTP.get(port: port, path: "/")
        }
        #expect(page.hasPrefix("HTTP/1.1 200"))
        let rebound = await LoopbackHTTP.get(port: port, path: "/", host: "evil.example:\(port)")
        #expect(rebound.hasPrefix("HTTP/1.1 421"), "\(rebound.prefix(200))")
        #expect(!rebound.contains("Банк практик"))
        let events = try LoopbackHTTP(port: port, path: "/__praktika/events")
        _ = await events.read(until: { $0.contains("retry:") }, seconds: 10)
        kill(server.0.processIdentifier, SIGTERM)
        let stopped = Date()
        while server.0.isRunning && Date().timeIntervalSince(stopped) < 10 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.0.isRunning, "serve did not stop within 10 s of SIGTERM")
    }
}

/// The host check is generic over the request context; its rule is not.
typealias BasicRequestContextStub = BasicRequestContext

private extension Dictionary where Key == String, Value == String {
    var snapshot: OutputTree.Snapshot { OutputTree.Snapshot(files: self) }
}

@Suite("The digest printer reads only the site's own files")
struct DigestPrinterConfinementTests {
    /// A loopback listener that counts connections: any is a fetch the printer must not make.
    final class Listener: @unchecked Sendable {
        let fd: Int32
        let port: Int
        private let lock = NSLock()
        private var accepted = 0
        var connections: Int { lock.lock(); defer { lock.unlock() }; return accepted }

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.fd = fd
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
            }
            guard bound, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        func start() {
            Thread.detachNewThread { [self] in
                while true {
                    let client = accept(fd, nil, nil)
                    if client < 0 { return }
                    lock.lock(); accepted += 1; lock.unlock()
                    close(client)
                }
            }
        }

        func stop() { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }
    }

    @Test("http images and absolute paths are left out of the PDF with a warning; nothing is fetched, also when the build then fails",
          .timeLimit(.minutes(2)))
    func noNetworkNoOtherFiles() throws {
        #expect(DigestPrinter.find() != nil, "WeasyPrint is needed for this test (scripts/install-deps.sh installs it)")
        let listener = try Listener()
        listener.start()
        defer { listener.stop() }
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]!
            + "\n![схема](http://127.0.0.1:\(listener.port)/scheme.png)\n\n![пароли](/etc/hostname)\n")
        try site.write("content/digests/spring.yaml", "title: Весенний сборник\npractices: [gia-holidays, mentoring]\n")
        var failing = site.options()
        failing.makeSearchIndex = false
        failing.faults = FaultInjection(.fail, at: "marker")
        #expect(throws: FaultInjection.Injected.self) { try SiteBuilder.build(failing) }
        #expect(!site.exists("digests/spring/spring.pdf"))
        var options = site.options()
        options.makeSearchIndex = false
        let report = try SiteBuilder.build(options)
        #expect(site.exists("digests/spring/spring.pdf"))
        let warnings = report.warnings.map { $0.formatted(language: "en") }
        #expect(warnings.contains { $0.contains("http://127.0.0.1:\(listener.port)/scheme.png") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("/etc/hostname") }, "\(warnings)")
        #expect(listener.connections == 0, "the printer connected to the network")
    }
}
