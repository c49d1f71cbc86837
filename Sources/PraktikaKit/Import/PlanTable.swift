import Foundation
import Yams

/// An action plan table (план мероприятий, дорожная карта) read by what its
/// header cells say, in whatever order they stand: number, action, executor,
/// due, result. Rows of one cell across the table are its groups (stages).
struct PlanTable {
    enum Column: Equatable { case number, action, executor, due, result }

    let grid: TableGrid
    let headerRow: Int
    let columns: [Int: Column]

    init?(_ grid: TableGrid) {
        guard grid.columnCount >= 3 else { return nil }
        for row in 0..<min(3, grid.rows.count) {
            var found: [Int: Column] = [:]
            for (index, cell) in grid.rows[row].enumerated() where !cell.fromColumnSpan {
                if let column = Self.column(cell.text), !found.values.contains(column) { found[index] = column }
            }
            let kinds = Set(found.values)
            if kinds.contains(.action), kinds.intersection([.executor, .due, .result]).count >= 1, kinds.count >= 3 {
                self.grid = grid
                headerRow = row
                columns = found
                return
            }
        }
        return nil
    }

    static func column(_ header: String) -> Column? {
        let words = FieldLabels.words(header)
        let text = header.lowercased()
        let has = { (stem: String) in words.contains { $0.hasPrefix(stem) } }
        if text.contains("№") || has("номер") || text.contains("п/п") { return .number }
        if has("исполнител") || has("ответствен") || has("участник") { return .executor }
        if has("срок") || has("дата") || has("период") || has("время") { return .due }
        if has("результат") || has("продукт") || has("показател") { return .result }
        if has("мероприяти") || has("содержани") || has("действи") || has("наименовани") || has("направлени") || has("задач") {
            return .action
        }
        return nil
    }

    struct Group {
        var title: String?
        var items: [Node] = []
        var node: Node {
            YAMLOut.map([("title", YAMLOut.optionalText(title)), ("items", YAMLOut.list(items) ?? Node([Node]()))])
        }
    }

    /// - Parameter heading: the section the table stands in, the title of rows before any group row.
    func groups(heading: String?, writer: MarkdownWriter) -> [Group] {
        var groups: [Group] = []
        func text(_ cell: TableGrid.Cell) -> String {
            MarkdownWriter.lines(cell.blocks, writer: writer).map(\.text).joined(separator: " ")
        }
        let actionIndex = columns.first { $0.value == .action }!.key
        for r in (headerRow + 1)..<grid.rows.count {
            let row = grid.rows[r]
            let filled = row.uniqueCells.filter { !$0.isEmpty }
            if filled.isEmpty { continue }
            // The header repeated at the top of a new page.
            if r > headerRow, row.map(\.text) == grid.rows[headerRow].map(\.text) { continue }
            let isGroupRow = grid.spansAllColumns(r)
                || (filled.count == 1 && (row[actionIndex].isEmpty || Self.looksLikeStage(filled[0].text))
                    && !row.contains { $0.isCopy && !$0.fromColumnSpan && !$0.isEmpty })
            if isGroupRow {
                groups.append(Group(title: RussianText.collapseSpaces(filled[0].text)))
                continue
            }
            var fields: [Column: String] = [:]
            for (index, column) in columns {
                let value = RussianText.collapseSpaces(text(row[index]))
                if !value.isEmpty { fields[column] = value }
            }
            guard let action = fields[.action] else { continue }
            var number = fields[.number]
            while number?.hasSuffix(".") == true { number?.removeLast() }
            let item = YAMLOut.map([
                ("number", number.map { Node($0, .implicit, .doubleQuoted) }),
                ("action", YAMLOut.text(actionMarkdown(row[actionIndex], writer: writer) ?? action)),
                ("executor", YAMLOut.optionalText(fields[.executor])),
                ("due", YAMLOut.optionalText(fields[.due])),
                ("result", YAMLOut.optionalText(fields[.result])),
            ])
            if groups.isEmpty { groups.append(Group(title: heading.flatMap { ProgramField.match($0) == .plan ? nil : $0 })) }
            groups[groups.count - 1].items.append(item)
        }
        return groups.filter { !$0.items.isEmpty || $0.title != nil }
    }

    /// The action keeps its emphasis; its lines become one paragraph.
    private func actionMarkdown(_ cell: TableGrid.Cell, writer: MarkdownWriter) -> String? {
        let lines = MarkdownWriter.lines(cell.blocks, writer: writer)
        guard !lines.isEmpty else { return nil }
        return MarkdownWriter.guardLineStart(lines.map(\.markdown).joined(separator: " "))
    }

    static func looksLikeStage(_ text: String) -> Bool {
        let words = FieldLabels.words(text)
        return words.contains { $0.hasPrefix("этап") || $0.hasPrefix("раздел") || $0.hasPrefix("блок") }
    }
}
