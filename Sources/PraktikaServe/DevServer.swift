import Foundation
import Hummingbird
import Logging
import PraktikaKit

/// `praktika serve`: the site from memory on loopback, rebuilt on every save,
/// with open tabs reloaded through server-sent events. The reload script is
/// added to pages here, on the way out, so built sites never contain it.
public final class DevServer: @unchecked Sendable {
    public let live: LiveSite
    let host: String
    let port: Int
    let events = EventHub()
    private let queue = DispatchQueue(label: "praktika.rebuild")
    /// A rebuild is scheduled and has not started.
    private let pending = Locked(false)
    private let log: @Sendable (String) -> Void
    /// The last failed update's messages, shown as an overlay until the content is fixed.
    private let problems = Locked<String?>(nil)
    /// The port actually listened on (the asked one may be 0: any free port).
    private let servedPort = Locked(0)

    public init(site: URL, host: String = "127.0.0.1", port: Int = 1313, baseURL: String? = nil,
                log: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }) {
        live = LiveSite(site: site, baseURL: baseURL)
        self.host = host
        self.port = port
        self.log = log
    }

    /// Builds once, then serves until SIGINT or SIGTERM.
    public func run(onReady: (@Sendable (Int) -> Void)? = nil) async throws {
        rebuild()
        let watcher = FileWatcher(folders: [live.site.appendingPathComponent("content"), live.site.appendingPathComponent("themes")]) { [weak self] in
            self?.scheduleRebuild()
        }
        watcher.start()
        let router = Router()
        router.middlewares.add(HostCheck { [weak self] header in
            guard let self else { return false }
            return HostCheck<BasicRequestContext>.accepts(header, boundHost: self.host, port: self.port(default: self.port))
        })
        router.get("__praktika/events") { [events] _, _ -> Response in
            Response(status: .ok,
                     headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                     body: ResponseBody(asyncSequence: events.subscribe()))
        }
        router.get("__praktika/client.js") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: Self.clientScript)))
        }
        router.get("**") { [weak self] request, _ -> Response in
            guard let self else { return Response(status: .serviceUnavailable) }
            return self.respond(path: request.uri.path)
        }
        router.get("/") { [weak self] _, _ -> Response in
            guard let self else { return Response(status: .serviceUnavailable) }
            return self.respond(path: "/")
        }
        var configuration = ApplicationConfiguration(address: .hostname(host, port: port))
        configuration.serverName = "praktika"
        // The server's own log stays quiet: authors read praktika's lines.
        var logger = Logger(label: "praktika.serve")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: configuration, onServerRunning: { [weak self] channel in
            let port = channel.localAddress?.port ?? 0
            self?.setPort(port)
            onReady?(port)
        }, logger: logger)
        // Open tabs hold an event stream that never ends by itself, and the
        // graceful shutdown waits for every response: on Ctrl-C or SIGTERM the
        // streams are closed first, so the server stops at once.
        let stopSignals = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [events] in events.finishAll() }
            source.resume()
            return source
        }
        defer { stopSignals.forEach { $0.cancel() } }
        log("praktika: serving on http://\(host):\(port)/ (\(watcher.usesInotify ? "inotify" : "polling")); Ctrl-C stops")
        try await app.runService()
        events.finishAll()
    }

    private func setPort(_ port: Int) {
        servedPort.withLock { $0 = port }
    }

    private func port(default value: Int) -> Int {
        let port = servedPort.current
        return port == 0 ? value : port
    }

    func respond(path: String) -> Response {
        var relative = path.removingPercentEncoding ?? path
        while relative.hasPrefix("/") { relative.removeFirst() }
        let candidates = relative.isEmpty || relative.hasSuffix("/") ? [relative + "index.html"] : [relative, relative + "/index.html"]
        for (index, candidate) in candidates.enumerated() {
            guard let (data, type) = live.file(candidate) else { continue }
            if index == 1 {
                return Response(status: .movedPermanently, headers: [.location: "/" + relative + "/"])
            }
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: inject(data, type: type))))
        }
        let notFound = live.file("404.html").map { inject($0.0, type: $0.1) } ?? Array("Not found".utf8)
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: notFound)))
    }

    /// Adds the reload script (and the current problems, if any) before `</body>`.
    private func inject(_ data: Data, type: String) -> [UInt8] {
        guard type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8),
              let end = html.range(of: "</body>", options: .backwards) else { return Array(data) }
        let current = problems.current
        var script = "<script src=\"/__praktika/client.js\"></script>"
        if let current {
            let escaped = current.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            script = "<template id=\"praktika-problems\">\(escaped)</template>" + script
        }
        return Array((html[..<end.lowerBound] + script + html[end.lowerBound...]).utf8)
    }

    func scheduleRebuild() {
        let alreadyPending = pending.withLock { pending in defer { pending = true }; return pending }
        if alreadyPending { return }
        // Editors save in several steps (truncate, write, rename) within a
        // millisecond or two; wait a little for the last one.
        queue.asyncAfter(deadline: .now() + 0.015) { [self] in
            pending.withLock { $0 = false }
            rebuild()
        }
    }

    /// Runs on the rebuild queue (or once before serving).
    @discardableResult
    public func rebuild() -> LiveSite.Update? {
        guard let update = live.refresh() else { return nil }
        if update.ok {
            problems.withLock { $0 = nil }
            log(String(format: "praktika: %@ → %d pages in %.0f ms", update.changedFiles.count > 3 ? "\(update.changedFiles.count) files" : update.changedFiles.joined(separator: ", "),
                       update.renderedPages, update.seconds * 1000))
            for warning in update.diagnostics where warning.severity == .warning { log(warning.formatted(language: update.language)) }
            events.send(event: "reload", data: "\(update.renderedPages)")
        } else {
            let text = update.diagnostics.map { $0.formatted(language: update.language) }.joined(separator: "\n")
            problems.withLock { $0 = text }
            log(text)
            log(update.language == "ru" ? "praktika: в содержимом ошибки; показывается последняя удачная сборка" : "praktika: content errors; the last good build is still served")
            events.send(event: "problems", data: text)
        }
        return update
    }

    static let clientScript = """
    // praktika serve: reloads the page after a rebuild and shows content errors over it.
    (function () {
      function overlay(text) {
        var box = document.getElementById("praktika-overlay");
        if (!text) { if (box) box.remove(); return; }
        if (!box) {
          box = document.createElement("div");
          box.id = "praktika-overlay";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:99999;background:#300;color:#fff;font:14px/1.5 monospace;padding:1rem;white-space:pre-wrap;border-top:4px solid #f55";
          document.body.appendChild(box);
        }
        box.textContent = text;
      }
      var initial = document.getElementById("praktika-problems");
      if (initial) overlay(initial.innerHTML.replace(/&lt;/g, "<").replace(/&amp;/g, "&"));
      var source = new EventSource("/__praktika/events");
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("problems", function (event) { overlay(event.data); });
    })();
    """
}
