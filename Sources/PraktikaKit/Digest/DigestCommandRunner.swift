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
        // Opened from where the user saved it, the HTML still finds the images in content/files/.
        let imageBase = DigestStage.imageBase(site: site, id: id)
        guard let text = DigestStage.printHTML(id, env: env, baseHref: imageBase.absoluteString) else {
            throw ContentErrors(env.log.all, language: env.site.language)
        }
        try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: html)
        let practices = DigestSelector.practices(of: digest.fields, in: env.graph).count
        var result = Result(practices: practices, html: html, pdf: pdf)
        if let printer {
            try printer.print(html: html, to: pdf, baseURL: imageBase, estimatedPages: 6 + practices * 4,
                              progress: Progress(label: "praktika: \(id) → PDF"))
            let data = try Data(contentsOf: pdf)
            result.pdfSize = data.count
            result.pages = Self.pageCount(data)
        }
        return result
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
