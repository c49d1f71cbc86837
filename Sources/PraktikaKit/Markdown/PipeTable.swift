import Foundation

/// One line of a Markdown block as it stands in the source: its text without
/// the container prefix (`> `, list indentation), its 1-based line and the
/// 1-based character column where `text` starts.
struct SourceLine {
    var text: Substring
    var line: Int
    var column: Int
}

/// A GFM pipe table found in the lines of a cmark paragraph (cmark itself has
/// no table extension). Cells keep their source positions so that problems
/// inside them are reported where the author wrote them.
struct PipeTable {
    enum Alignment: Sendable { case none, left, center, right }

    struct Cell {
        /// Inline Markdown, with `\|` already turned into `|`.
        var markdown: String
        var line: Int
        var column: Int
    }

    var header: [Cell]
    var alignments: [Alignment]
    var rows: [[Cell]]
    /// Cells beyond the header's width: GFM drops them, praktika reports them.
    var extraCells: [Cell] = []

    /// The supported form, shown in every message about a malformed table.
    static let exampleRU = "| Класс | Было | Стало |\n|---|:---:|---:|\n| 5 «А» | 12 | 18 |\n\nТаблица: Подпись таблицы"
    static let captionPrefix = "Таблица:"

    enum Outcome {
        case notATable
        case table(PipeTable)
        /// Looks like a table but is not one; shown as text, with this explanation.
        case malformed(line: Int, column: Int, LocalizedText)
    }

    static func recognise(_ lines: [SourceLine]) -> Outcome {
        guard lines.count >= 2 else { return .notATable }
        guard let delimiterIndex = lines.indices.dropFirst().first(where: { isDelimiterRow(lines[$0].text) }) else {
            let pipeRows = lines.filter { $0.text.drop { $0 == " " }.first == "|" }
            guard pipeRows.count >= 2, let first = pipeRows.first else { return .notATable }
            return .malformed(line: first.line, column: first.column, LocalizedText(
                en: "this looks like a table but has no delimiter row `|---|---|` under its header, so it is shown as plain text; the supported form is:\n\(exampleRU)",
                ru: "это похоже на таблицу, но под строкой заголовков нет строки-разделителя `|---|---|`, поэтому она показана как обычный текст; таблицу пишут так:\n\(exampleRU)"))
        }
        let headerLine = lines[delimiterIndex - 1]
        guard pipeCount(headerLine.text) >= 1 || pipeCount(lines[delimiterIndex].text) >= 1 else { return .notATable }
        if delimiterIndex > 1 {
            return .malformed(line: headerLine.line, column: headerLine.column, LocalizedText(
                en: "a table must start after an empty line; here it continues a paragraph and is shown as plain text. Put an empty line before the header row:\n\(exampleRU)",
                ru: "таблица должна начинаться после пустой строки, а здесь она продолжает абзац и показана как обычный текст. Оставьте пустую строку перед строкой заголовков:\n\(exampleRU)"))
        }
        let header = cells(of: headerLine)
        let delimiters = cells(of: lines[delimiterIndex])
        guard header.count == delimiters.count else {
            return .malformed(line: lines[delimiterIndex].line, column: lines[delimiterIndex].column, LocalizedText(
                en: "the table's header has \(header.count) cells but the delimiter row under it has \(delimiters.count); the table is shown as plain text. Give the delimiter row one `---` per column:\n\(exampleRU)",
                ru: "в строке заголовков таблицы ячеек: \(header.count), а в строке-разделителе под ней: \(delimiters.count); таблица показана как обычный текст. В строке-разделителе нужно по одному `---` на столбец:\n\(exampleRU)"))
        }
        var table = PipeTable(header: header, alignments: delimiters.map { alignment($0.markdown) }, rows: [])
        for line in lines[(delimiterIndex + 1)...] {
            var row = cells(of: line)
            if row.count > header.count {
                table.extraCells += row[header.count...]
                row.removeLast(row.count - header.count)
            }
            while row.count < header.count { row.append(Cell(markdown: "", line: line.line, column: line.column)) }
            table.rows.append(row)
        }
        return .table(table)
    }

    /// `|---|:---:|`, `--- | ---`: only dashes, colons, pipes and spaces, each cell with a dash.
    static func isDelimiterRow(_ text: Substring) -> Bool {
        var hasDash = false, hasPipe = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): hasDash = true
            case UInt8(ascii: "|"): hasPipe = true
            case UInt8(ascii: ":"), 0x20, 0x09: continue
            default: return false
            }
        }
        guard hasDash, hasPipe else { return false }
        return splitRow(text).allSatisfy { $0.text.contains("-") }
    }

    private static func alignment(_ delimiter: String) -> Alignment {
        switch (delimiter.hasPrefix(":"), delimiter.hasSuffix(":")) {
        case (true, true): return .center
        case (false, true): return .right
        case (true, false): return .left
        default: return .none
        }
    }

    private static func pipeCount(_ text: Substring) -> Int {
        var count = 0, escaped = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "|") && !escaped { count += 1 }
            escaped = byte == UInt8(ascii: "\\") && !escaped
        }
        return count
    }

    private static func cells(of line: SourceLine) -> [Cell] {
        splitRow(line.text).map { part in
            Cell(markdown: part.text.replacingOccurrences(of: "\\|", with: "|"), line: line.line, column: line.column + part.offset)
        }
    }

    /// Cells of a row, trimmed, with the character offset of each cell's text in `text`.
    /// The outer pipes are optional; `\|` does not split. Read as bytes: every
    /// line of every table passes here.
    static func splitRow(_ text: Substring) -> [(text: String, offset: Int)] {
        let bytes = Array(text.utf8)
        var pieces: [(Int, Int)] = []
        var start = 0, escaped = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "|") && !escaped {
                pieces.append((start, index))
                start = index + 1
            }
            escaped = byte == UInt8(ascii: "\\") && !escaped
        }
        pieces.append((start, bytes.count))
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func isBlank(_ piece: (Int, Int)) -> Bool { bytes[piece.0..<piece.1].allSatisfy(isSpace) }
        if let first = pieces.first, isBlank(first), pieces.count > 1 { pieces.removeFirst() }
        if let last = pieces.last, isBlank(last), pieces.count > 1 { pieces.removeLast() }
        return pieces.map { from, to in
            var lower = from, upper = to
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            // Characters, not bytes, before the cell: continuation bytes are not counted.
            let offset = bytes[0..<lower].filter { $0 & 0xC0 != 0x80 }.count
            return (String(decoding: bytes[lower..<upper], as: UTF8.self), offset)
        }
    }
}
