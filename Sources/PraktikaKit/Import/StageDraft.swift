import Foundation
import Yams

/// A program stage as written: «I этап – организационный (сентябрь-октябрь 2020)»
/// and the lines under it.
struct StageDraft {
    var name: String
    var period: Period?
    var content: [String] = []
    var place: String?

    var node: Node {
        YAMLOut.map([
            ("name", YAMLOut.text(name)),
            ("period", period.map(YAMLOut.period)),
            ("content", YAMLOut.optionalText(content.joined(separator: "\n"))),
        ])
    }

    /// Reads «name (period)», «name (period) – rest», «Первый этап (май – август) - …».
    static func parse(_ text: String) -> StageDraft {
        var line = RussianText.collapseSpaces(RussianText.stripListMarker(text).text)
        var period: Period?
        var rest = ""
        if let open = line.firstIndex(of: "("), let close = line[open...].firstIndex(of: ")"),
           let found = RussianText.period(in: String(line[open...close])) ?? RussianText.period(in: String(line[open...close]), defaultYear: nil) {
            period = found
            rest = String(line[line.index(after: close)...]).trimmingCharacters(in: CharacterSet(charactersIn: " -–—.,"))
            line = String(line[..<open]).trimmingCharacters(in: CharacterSet(charactersIn: " -–—"))
            if !rest.isEmpty, rest.count < 60, !rest.contains(".") {
                line += " — " + rest
                rest = ""
            }
        } else if let found = RussianText.period(in: line) {
            period = found
        }
        var stage = StageDraft(name: line, period: period)
        if !rest.isEmpty { stage.content.append(MarkdownWriter.escape(rest)) }
        return stage
    }

    static func isStageLine(_ line: MarkdownWriter.Line) -> Bool {
        let words = FieldLabels.words(line.text)
        guard line.text.count <= 300 else { return false }
        return words.prefix(4).contains { $0.hasPrefix("этап") } || (words.contains { $0.hasPrefix("этап") } && line.text.contains("("))
    }

    /// Stage lines start stages; the lines under a stage are its content; lines
    /// before the first stage are returned as leftovers.
    static func fromLines(_ lines: [MarkdownWriter.Line]) -> ([StageDraft], [MarkdownWriter.Line]) {
        var stages: [StageDraft] = []
        var leftover: [MarkdownWriter.Line] = []
        for line in lines {
            if isStageLine(line) {
                stages.append(parse(line.text))
            } else if stages.isEmpty {
                leftover.append(line)
            } else {
                stages[stages.count - 1].content.append("- " + ListReader.markdownWithoutMarker(line))
            }
        }
        return (stages, leftover)
    }

    /// A two-column table «Этапы | Содержание»: one stage per row.
    static func fromTable(_ grid: TableGrid, writer: MarkdownWriter) -> [StageDraft]? {
        guard grid.columnCount == 2, let header = grid.rows.first,
              FieldLabels.words(header[0].text).first?.hasPrefix("этап") == true else { return nil }
        return grid.rows.dropFirst().compactMap { row in
            guard !row[0].isEmpty else { return nil }
            var stage = parse(row[0].text.replacingOccurrences(of: "\n", with: " "))
            stage.content = MarkdownWriter.lines(row[1].blocks, writer: writer).map { "- " + ListReader.markdownWithoutMarker($0) }
            return stage
        }
    }
}
