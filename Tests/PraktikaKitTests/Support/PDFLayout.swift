import Foundation

/// Word positions of a PDF as poppler reads them (`pdftotext -bbox-layout`):
/// enough to check alignment, line ends and what stands at a page's foot.
struct PDFLayout {
    struct Word { var text: String; var xMin, yMin, xMax, yMax: Double }
    struct Line {
        var words: [Word]
        var xMin: Double { words.map(\.xMin).min() ?? 0 }
        var xMax: Double { words.map(\.xMax).max() ?? 0 }
        var yMin: Double { words.map(\.yMin).min() ?? 0 }
        var yMax: Double { words.map(\.yMax).max() ?? 0 }
        var text: String { words.map(\.text).joined(separator: " ") }
        var last: String { words.last?.text ?? "" }
    }
    struct Page {
        var number: Int
        var width: Double, height: Double
        var lines: [Line]
        var text: String { lines.map(\.text).joined(separator: "\n") }
    }

    var pages: [Page]

    init(pdf: URL) throws {
        let xml = try DigestTests.tool("pdftotext", ["-bbox-layout", pdf.path, "-"])
        var pages: [Page] = []
        var line: [Word]? = nil
        for raw in xml.split(separator: "\n") {
            let row = raw.trimmingCharacters(in: .whitespaces)
            if row.hasPrefix("<page ") {
                pages.append(Page(number: pages.count + 1, width: Self.number("width", in: row), height: Self.number("height", in: row), lines: []))
            } else if row.hasPrefix("<line ") {
                line = []
            } else if row.hasPrefix("</line>") {
                if let words = line, !words.isEmpty { pages[pages.count - 1].lines.append(Line(words: words)) }
                line = nil
            } else if row.hasPrefix("<word "), let start = row.firstIndex(of: ">"), let end = row.range(of: "</word>") {
                let text = Self.unescape(String(row[row.index(after: start)..<end.lowerBound]))
                line?.append(Word(text: text, xMin: Self.number("xMin", in: row), yMin: Self.number("yMin", in: row),
                                  xMax: Self.number("xMax", in: row), yMax: Self.number("yMax", in: row)))
            }
        }
        self.pages = pages
    }

    private static func number(_ name: String, in row: String) -> Double {
        guard let range = row.range(of: name + "=\"") else { return 0 }
        let rest = row[range.upperBound...]
        return Double(rest.prefix { $0 != "\"" }) ?? 0
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Points in a millimetre.
    static let mm = 72.0 / 25.4
}

extension PDFLayout.Page {
    /// Lines in the top margin (running heads, above 18 mm: a heading's ascent reaches above the 22 mm margin) and in the text area (without the page number at the foot).
    var headLines: [PDFLayout.Line] { lines.filter { $0.yMax < 18 * PDFLayout.mm } }
    var bodyLines: [PDFLayout.Line] { lines.filter { $0.yMin >= 18 * PDFLayout.mm && $0.yMax <= height - 20 * PDFLayout.mm } }
    /// The lowest line of the text area: where a page breaks.
    var footLine: PDFLayout.Line? { bodyLines.max { $0.yMax < $1.yMax } }
}
