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

    /// - Parameters:
    ///   - baseURL: where relative URLs of the HTML (images) are resolved.
    ///   - estimatedPages: for the progress estimate.
    public func print(html: URL, to pdf: URL, baseURL: URL, estimatedPages: Int, progress: Progress) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--quiet", "--base-url", baseURL.absoluteString, html.path, pdf.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        // WeasyPrint says nothing while it lays out pages; praktika estimates
        // from the page count and WeasyPrint's usual speed here (~18 pages/s).
        let expected = max(1.0, Double(estimatedPages) / 18.0)
        while process.isRunning {
            let elapsed = Date().timeIntervalSince(started)
            progress.update(fraction: min(0.95, elapsed / expected), remaining: max(0, expected - elapsed))
            Thread.sleep(forTimeInterval: 0.25)
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw Failure(description: "WeasyPrint failed (\(process.terminationStatus)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        progress.finish()
    }
}

/// Progress of a long step: a live line on a terminal, plain lines otherwise (CI logs).
public final class Progress: @unchecked Sendable {
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
