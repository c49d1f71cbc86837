import Foundation

/// Turns a digest's print HTML into a PDF with WeasyPrint (CSS Paged Media:
/// page numbers in the contents, running headers, bookmarks).
public struct DigestPrinter: Sendable {
    public let executable: URL

    /// WeasyPrint from `PRAKTIKA_WEASYPRINT` or the PATH; nil when it is not installed.
    public static func find() -> DigestPrinter? {
        Executable.find(["weasyprint"], override: "PRAKTIKA_WEASYPRINT").map(DigestPrinter.init)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The Python that runs WeasyPrint: the interpreter of its launcher script.
    var interpreter: String? {
        guard let head = try? FileHandle(forReadingFrom: executable).read(upToCount: 200),
              let line = String(decoding: head, as: UTF8.self).split(separator: "\n").first, line.hasPrefix("#!") else { return nil }
        let words = line.dropFirst(2).split(separator: " ").map(String.init)
        // `#!/usr/bin/env python3` names the interpreter in its second word.
        if words.first?.hasSuffix("/env") == true { return words.count > 1 ? "/usr/bin/env " + words[1] : nil }
        return words.first
    }

    /// - Parameters:
    ///   - baseURL: where relative URLs of the HTML (images) are resolved.
    ///   - readable: the only folders WeasyPrint may read files from (the site's attachments).
    ///   - estimatedPages: for the progress estimate.
    /// - Returns: the addresses the printer was not allowed to read (left out of the PDF).
    @discardableResult
    func print(html: URL, to pdf: URL, baseURL: URL, readable: [URL], estimatedPages: Int, progress: ConsoleProgress) throws -> [String] {
        guard let interpreter else {
            throw Failure(description: "\(executable.path) is not WeasyPrint's Python launcher; praktika runs WeasyPrint through its Python API so that it reads only the site's own files")
        }
        let process = Process()
        let words = interpreter.split(separator: " ").map(String.init)
        process.executableURL = URL(fileURLWithPath: words[0])
        process.arguments = Array(words.dropFirst()) + ["-c", Self.confinedPrint, html.path, pdf.path, baseURL.absoluteString]
            + readable.map { $0.resolvingSymlinksInPath().path }
        // No proxy settings reach the printer; it has no network to use anyway.
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.lowercased().hasSuffix("_proxy") }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        // WeasyPrint says nothing while it lays out pages; praktika estimates
        // from the page count and WeasyPrint's usual speed here (~18 pages/s).
        let expected = max(1.0, Double(estimatedPages) / 18.0)
        // Read while it runs: a full pipe would stop the printer.
        let collected = CollectedOutput()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { collected.data = errors.fileHandleForReading.readDataToEndOfFile() }
        while process.isRunning {
            let elapsed = Date().timeIntervalSince(started)
            progress.update(fraction: min(0.95, elapsed / expected), remaining: max(0, expected - elapsed))
            Thread.sleep(forTimeInterval: 0.25)
        }
        reading.wait()
        let message = String(decoding: collected.data, as: UTF8.self)
        let lines = message.split(separator: "\n")
        let blocked = lines.filter { $0.hasPrefix("praktika-blocked: ") }.map { String($0.dropFirst("praktika-blocked: ".count)) }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            let other = lines.filter { !$0.hasPrefix("praktika-blocked: ") }.joined(separator: "\n")
            throw Failure(description: "WeasyPrint failed (\(process.terminationStatus)): \(other.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        progress.finish()
        return Array(Set(blocked)).sorted()
    }

    /// WeasyPrint through its Python API with a URL fetcher that reads only
    /// files inside the given folders (after resolving symlinks) and inline
    /// `data:` URLs: no network, no file elsewhere on the machine.
    static let confinedPrint = """
    import os, sys, logging, urllib.parse
    from weasyprint import HTML, default_url_fetcher
    logging.getLogger('weasyprint').setLevel(logging.CRITICAL)
    html, pdf, base, roots = sys.argv[1], sys.argv[2], sys.argv[3], [os.path.realpath(r) for r in sys.argv[4:]]
    def fetch(url, *args, **kwargs):
        if url.startswith('data:'):
            return default_url_fetcher(url, *args, **kwargs)
        parsed = urllib.parse.urlparse(url)
        if parsed.scheme == 'file' and parsed.netloc in ('', 'localhost'):
            path = os.path.realpath(urllib.parse.unquote(parsed.path))
            if any(path.startswith(root + os.sep) for root in roots) and os.path.isfile(path):
                return default_url_fetcher('file://' + urllib.parse.quote(path), *args, **kwargs)
        sys.stderr.write('praktika-blocked: ' + url + '\\n')
        raise ValueError("praktika reads only the site's own files")
    HTML(filename=html, base_url=base, url_fetcher=fetch).write_pdf(pdf)
    """
}

private final class CollectedOutput: @unchecked Sendable {
    var data = Data()
}

/// Progress of a long step: a live line on a terminal, plain lines otherwise (CI logs).
final class ConsoleProgress: @unchecked Sendable {
    private let label: String
    private let isTerminal: Bool
    private let output: (String) -> Void
    private var lastPlain = -1

    public init(label: String, isTerminal: Bool = isatty(STDERR_FILENO) == 1,
                output: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.label = label
        self.isTerminal = isTerminal
        self.output = output
        output(isTerminal ? "" : "\(label)…\n")
    }

    public func update(fraction: Double, remaining: Double) {
        let percent = Int(fraction * 100)
        if isTerminal {
            let width = 24, filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            output("\r\(label) \(bar) \(percent)% · ~\(Int(remaining.rounded(.up))) s left  ")
        } else if percent / 25 > lastPlain {
            lastPlain = percent / 25
            if percent > 0 { output("\(label): about \(percent)%\n") }
        }
    }

    public func finish() {
        output(isTerminal ? "\r\(label) ✓" + String(repeating: " ", count: 40) + "\n" : "\(label): done\n")
    }
}
