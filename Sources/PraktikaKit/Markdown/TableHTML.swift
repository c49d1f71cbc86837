import CCmark
import Foundation

/// The lines of a Markdown text, to read a block's source and turn cmark's
/// byte columns into the character columns authors see in their editor.
/// Split only when a problem or a table needs it: most texts have neither.
final class MarkdownSource {
    private let text: String
    // Split on bytes: splitting on the Character "\n" compares graphemes and cost more than the rest of the walk.
    private lazy var lines: [Substring] = {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex, index = start
        func add(_ end: String.Index) {
            var end = end
            if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
            result.append(text[start..<end])
        }
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                add(index)
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        add(utf8.endIndex)
        return result
    }()

    init(_ text: String) {
        self.text = text
    }

    func text(ofLine line: Int) -> Substring {
        line >= 1 && line <= lines.count ? lines[line - 1] : ""
    }

    /// A node's start as (line, character column).
    func position(of node: OpaquePointer) -> (Int, Int) {
        let line = Int(cmark_node_get_start_line(node))
        return (line, characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
    }

    /// A paragraph's lines without the container prefix (`> `, a list item's indentation).
    func lines(of paragraph: OpaquePointer) -> [SourceLine] {
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        let startByte = max(0, Int(cmark_node_get_start_column(paragraph)) - 1)
        guard first >= 1, last >= first, last <= lines.count else { return [] }
        return (first...last).map { number in
            let line = lines[number - 1]
            let utf8 = line.utf8
            let cut = utf8.index(utf8.startIndex, offsetBy: startByte, limitedBy: utf8.endIndex) ?? utf8.endIndex
            let prefix = line[..<cut]
            var text: Substring
            if number == first || prefix.allSatisfy({ $0 == " " || $0 == ">" || $0 == "\t" }) {
                text = line[cut...]
            } else {
                text = line.drop { $0 == " " || $0 == "\t" }
            }
            text = text.drop { $0 == " " || $0 == "\t" }
            return SourceLine(text: text, line: number, column: line.distance(from: line.startIndex, to: text.startIndex) + 1)
        }
    }

    /// cmark counts columns in bytes; authors count characters.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lines.count else { return byteColumn }
        let utf8 = lines[line - 1].utf8
        let end = utf8.index(utf8.startIndex, offsetBy: max(0, byteColumn - 1), limitedBy: utf8.endIndex) ?? utf8.endIndex
        return lines[line - 1][..<end].count + 1
    }
}

/// A recognised pipe table as accessible HTML: a caption, header cells with
/// `scope="col"`, inside a frame that scrolls by itself on a narrow screen
/// (focusable, so the keyboard can scroll it too). Every cell's inline
/// Markdown goes through cmark's safe renderer.
struct TableHTML {
    let table: PipeTable
    let caption: [SourceLine]?
    let label: String
    let html: Bool
    let resolve: (EntityLink) -> String?

    struct Result {
        var html = ""
        var unresolved: [EntityLink] = []
        var problems: [MarkdownProblem] = []
        var refused: [(url: String, line: Int, column: Int)] = []
    }

    func render() -> Result {
        var result = Result()
        for cell in table.extraCells where !cell.markdown.isEmpty {
            result.problems.append(MarkdownProblem(line: cell.line, column: cell.column, message: LocalizedText(
                en: "this row has more cells than the header: «\(cell.markdown)» is left out of the table; add a column to the header and the delimiter row, or write a literal | as `\\|`",
                ru: "в этой строке таблицы больше ячеек, чем в строке заголовков: «\(cell.markdown)» не попадёт в таблицу; добавьте столбец в заголовок и в строку-разделитель или, если это знак | внутри текста, напишите его как `\\|`")))
        }
        var captionHTML: String?
        if let caption, !caption.isEmpty {
            captionHTML = inline(caption.map(\.text).joined(separator: "\n"), lines: caption, into: &result)
        }
        let header = table.header.map { inline($0, into: &result) }
        let rows = table.rows.map { $0.map { inline($0, into: &result) } }
        guard html else { return result }
        let name = captionHTML.map(Self.plainText) ?? label
        var out = "<div class=\"table-scroll text-table\" role=\"region\" tabindex=\"0\" aria-label=\"\(name)\">\n<table>\n"
        if let captionHTML { out += "<caption><span>\(captionHTML)</span></caption>\n" }
        out += "<thead>\n<tr>\n"
        for (index, cell) in header.enumerated() { out += "<th scope=\"col\"\(alignment(index))>\(cell)</th>\n" }
        out += "</tr>\n</thead>\n"
        if !rows.isEmpty {
            out += "<tbody>\n"
            for row in rows {
                out += "<tr>\n"
                for (index, cell) in row.enumerated() { out += "<td\(alignment(index))>\(cell)</td>\n" }
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n</div>\n"
        result.html = out
        return result
    }

    private func alignment(_ column: Int) -> String {
        switch table.alignments[column] {
        case .none: return ""
        case .left: return " class=\"align-left\""
        case .center: return " class=\"align-center\""
        case .right: return " class=\"align-right\""
        }
    }

    private func inline(_ cell: PipeTable.Cell, into result: inout Result) -> String {
        inline(cell.markdown, lines: [SourceLine(text: Substring(cell.markdown), line: cell.line, column: cell.column)], into: &result)
    }

    /// A cell holds inline Markdown only: what would start a block (`1. `, `- `, `#`)
    /// is escaped first, and positions inside it are moved to the file's.
    private func inline(_ markdown: String, lines: [SourceLine], into result: inout Result) -> String {
        guard !markdown.isEmpty else { return "" }
        // Most cells are plain words and numbers: with no character that
        // starts inline Markdown, cmark would only escape them, so do that here.
        if !markdown.utf8.contains(where: { Self.inlineMarkup.contains($0) }) {
            return html ? Self.escape(markdown) : ""
        }
        let (safe, shift) = Self.escapeBlockStart(markdown)
        let output = Markdown.render(safe, html: html, tableLabel: label, inline: true, resolve: resolve)
        func place(_ line: Int, _ column: Int) -> (Int, Int) {
            let index = min(max(line, 1), lines.count) - 1
            return (lines[index].line, lines[index].column + column - 1 - (line == 1 ? shift : 0))
        }
        for var link in output.unresolved {
            (link.line, link.column) = place(link.line, link.column)
            result.unresolved.append(link)
        }
        for var problem in output.problems {
            (problem.line, problem.column) = place(problem.line, problem.column)
            result.problems.append(problem)
        }
        for refused in output.refused {
            let (line, column) = place(refused.line, refused.column)
            result.refused.append((refused.url, line, column))
        }
        return output.html.trimmingCharacters(in: .newlines)
    }

    private static let inlineMarkup = Set("*_`[]!<&\\:".utf8)

    /// cmark's own escaping of text.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static func escapeBlockStart(_ text: String) -> (String, Int) {
        guard let first = text.first else { return (text, 0) }
        let second = text.dropFirst().first
        let opensBlock: Bool
        switch first {
        case "#", ">", "-", "+": opensBlock = true
        case "*", "_": opensBlock = second == nil || second == " " || text.allSatisfy { $0 == first || $0 == " " }
        case "`", "~": opensBlock = text.hasPrefix(String(repeating: first, count: 3))
        default: opensBlock = false
        }
        if opensBlock { return ("\\" + text, 1) }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = text.dropFirst(digits.count).first, after == "." || after == ")" {
            return (digits + "\\" + text.dropFirst(digits.count), 1)
        }
        return (text, 0)
    }

    /// The caption's text for the frame's accessible name; cmark has already escaped it.
    static func plainText(_ html: String) -> String {
        var text = "", inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text
    }
}
