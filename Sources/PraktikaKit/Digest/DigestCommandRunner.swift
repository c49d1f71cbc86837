import Foundation

/// `praktika digest ID`: the same checks as a build, then one digest's print
/// HTML and PDF written where the user asked, not into the site's output.
public enum DigestCommandRunner {
    public struct Result: Sendable {
        public var practices: Int
        public var html: URL
        public var pdf: URL
        public var pdfSize: Int?
        public var pages: Int?
        public var warnings: [Diagnostic] = []
    }

    public static func run(id: String, site: URL, pdf: URL, baseURL: String? = nil,
                           printer: DigestPrinter? = DigestPrinter.find()) throws -> Result {
        let log = DiagnosticLog()
        let (prepared, language) = SitePreparation(site: site, baseURL: baseURL).run(log: log)
        guard let env = prepared, !log.hasErrors else { throw ContentErrors(log.all, language: language) }
        guard let digest = env.graph.digests[id] else {
            let hint = Suggestions.hint(Suggestions.closest(to: id, among: env.graph.digests.keys))
            throw ContentErrors([.error(SourceLocation(file: "content/digests/\(id).yaml"), LocalizedText(
                en: "unknown digest `\(id)`: there is no content/digests/\(id).yaml\(hint.en)",
                ru: "неизвестный сборник «\(id)»: нет файла content/digests/\(id).yaml\(hint.ru)"))], language: env.site.language)
        }
        let html = pdf.deletingPathExtension().appendingPathExtension("html")
        try Self.checkOwnOutput(pdf: pdf, html: html)
        // Opened from where the user saved it, the HTML still finds the images in content/files/.
        let imageBase = DigestStage.imageBase(site: site, id: id)
        guard let text = DigestStage.printHTML(id, env: env, baseHref: imageBase.absoluteString) else {
            throw ContentErrors(env.log.all, language: env.site.language)
        }
        try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written beside and renamed over: an interrupted run never leaves half a file.
        let htmlDraft = Self.draft(html), pdfDraft = Self.draft(pdf)
        defer { unlink(htmlDraft.path); unlink(pdfDraft.path) }
        try Data(text.utf8).write(to: htmlDraft)
        try TreeSwitch.rename(htmlDraft.path, html.path)
        let practices = DigestSelector.practices(of: digest.fields, in: env.graph).count
        var result = Result(practices: practices, html: html, pdf: pdf)
        if let printer {
            let blocked = try printer.print(html: html, to: pdfDraft, baseURL: imageBase, readable: DigestStage.readable(site: site),
                                            estimatedPages: 6 + practices * 4, progress: ConsoleProgress(label: "praktika: \(id) → PDF"))
            DigestStage.warnBlocked(blocked, digest: id, env: env)
            try TreeSwitch.rename(pdfDraft.path, pdf.path)
            result.warnings = env.log.all.filter { $0.severity == .warning }
            let data = try Data(contentsOf: pdf)
            result.pdfSize = data.count
            result.pages = Self.pageCount(data)
        }
        return result
    }

    private static func draft(_ url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".praktika-draft")
    }

    /// `--output` replaces only what an earlier `praktika digest` wrote: a
    /// PDF whose creator is praktika, an HTML file with praktika's generator tag.
    static func checkOwnOutput(pdf: URL, html: URL) throws {
        func starts(_ url: URL, with prefix: String) -> Data? {
            guard FileSystem.kind(url.path) == .file, let data = FileManager.default.contents(atPath: url.path),
                  data.starts(with: Data(prefix.utf8)) else { return nil }
            return data
        }
        let htmlIsOwn = starts(html, with: "<!DOCTYPE html>").map { $0.range(of: Data("<meta name=\"generator\" content=\"praktika".utf8)) != nil } ?? false
        if FileSystem.kind(html.path) != .missing && !htmlIsOwn {
            throw OutputFolder.Problem.notOwnFile(html.path, "a digest's print HTML")
        }
        if FileSystem.kind(pdf.path) != .missing {
            let own = starts(pdf, with: "%PDF").map { $0.range(of: Data("/Creator (praktika".utf8)) != nil || htmlIsOwn } ?? false
            if !own { throw OutputFolder.Problem.notOwnFile(pdf.path, "a digest PDF") }
        }
    }

    /// Page objects in the PDF (`/Type /Page`, not `/Pages`).
    static func pageCount(_ pdf: Data) -> Int {
        let needle = Array("/Type /Page".utf8)
        var count = 0
        pdf.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard bytes.count > needle.count else { return }
            for index in 0..<(bytes.count - needle.count) where bytes[index] == needle[0] {
                if zip(needle.indices, needle).allSatisfy({ bytes[index + $0.0] == $0.1 }), bytes[index + needle.count] != UInt8(ascii: "s") {
                    count += 1
                }
            }
        }
        return count
    }
}
