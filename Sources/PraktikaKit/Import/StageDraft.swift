import Foundation
import Yams

/// A program stage as written: «I этап – организационный (сентябрь-октябрь 2020)»
/// and the lines under it.
struct StageDraft {
    var name: String
    var period: Period?
    var content: [String] = []
    var place: String?
    /// The line as written, to date it later when it names months without a year.
    var source = ""

    var node: Node {
        YAMLOut.map([
            ("name", YAMLOut.text(name)),
            ("period", period.map(YAMLOut.period)),
            ("content", YAMLOut.optionalText(content.joined(separator: "\n"))),
        ])
    }

    /// Reads «name (period)», «name (period) – rest», «Первый этап (май – август) - аналитико-проектировочный. Задача …».
    static func parse(_ text: String) -> StageDraft {
        var line = RussianText.collapseSpaces(RussianText.stripListMarker(text).text)
        var period: Period?
        var rest = ""
        if let open = line.firstIndex(of: "("), let close = line[open...].firstIndex(of: ")"),
           RussianText.tokens(String(line[open...close])).contains(where: { RussianText.month($0) != nil }) {
            let inside = String(line[open...close])
            period = RussianText.period(in: inside)
            rest = String(String(line[line.index(after: close)...]).drop { " -–—.,".contains($0) }).trimmingCharacters(in: .whitespaces)
            // Without a year the months stay in the name, for a person to date.
            line = String(period == nil ? line[...close] : line[..<open]).trimmingCharacters(in: CharacterSet(charactersIn: " -–—"))
            if let sentence = rest.range(of: ". ") {
                let head = String(rest[..<sentence.lowerBound])
                if head.count < 60 {
                    line += " — " + head
                    rest = String(rest[sentence.upperBound...])
                }
            } else if rest.count < 60 {
                if !rest.isEmpty { line += " — " + rest }
                rest = ""
            }
        } else if let found = RussianText.period(in: line) {
            period = found
        }
        var stage = StageDraft(name: line, period: period)
        stage.source = text
        if !rest.isEmpty { stage.content.append(MarkdownWriter.escape(rest)) }
        return stage
    }

    /// A stage «(май – август)» dated as the first such months on or after `start`;
    /// the year used is returned for the report.
    static func dated(_ source: String, after start: Day) -> (String, StageDraft)? {
        let months = RussianText.tokens(source).compactMap(RussianText.month)
        guard let first = months.first, let last = months.last else { return nil }
        let startYear = first >= start.month ? start.year : start.year + 1
        let endYear = last >= first ? startYear : startYear + 1
        let years = startYear == endYear ? "\(startYear)" : "\(startYear)–\(endYear)"
        var stage = parse(source.replacingOccurrences(of: ")", with: " \(endYear))", options: [], range: source.range(of: ")")))
        stage.source = source
        guard stage.period?.from == Day(year: startYear, month: first) else { return nil }
        return (years, stage)
    }

    /// «I этап – …», «Подготовительный этап (май 2023 – …)», «Первый этап (май – август) …»;
    /// not «План следующего этапа будет сформирован…».
    static func isStageLine(_ line: MarkdownWriter.Line) -> Bool {
        let words = FieldLabels.words(line.text)
        guard let position = words.prefix(3).firstIndex(where: { $0.hasPrefix("этап") }) else { return false }
        let before = words[..<position]
        let ordinal = before.contains { ["первый", "второй", "третий", "четвертый", "пятый", "i", "ii", "iii", "iv", "v"].contains($0) }
            || line.text.trimmingCharacters(in: .whitespaces).first.map { $0.isNumber || "IVXІ".contains($0) } == true
        return line.text.contains("(") || ordinal || (words.count <= 4 && line.text.count <= 80)
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
