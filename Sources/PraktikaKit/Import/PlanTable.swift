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
        var items: [ItemDraft] = []
        var node: Node {
            YAMLOut.map([("title", YAMLOut.optionalText(title)), ("items", YAMLOut.list(items.map(\.node)) ?? Node([Node]()))])
        }
    }

    struct ItemDraft {
        var fields: [Column: String]
        var node: Node {
            var number = fields[.number]
            while number?.hasSuffix(".") == true { number?.removeLast() }
            return YAMLOut.map([
                ("number", number.map { Node($0, .implicit, .doubleQuoted) }),
                ("action", YAMLOut.text(fields[.action] ?? "")),
                ("executor", YAMLOut.optionalText(fields[.executor])),
                ("due", YAMLOut.optionalText(fields[.due])),
                ("result", YAMLOut.optionalText(fields[.result])),
            ])
        }
    }

    /// - Parameter heading: the section the table stands in, the title of rows before any group row.
    func groups(heading: String?, writer: MarkdownWriter) -> [Group] {
        var groups: [Group] = []
        func text(_ cell: TableGrid.Cell) -> String {
            MarkdownWriter.lines(cell.blocks, writer: writer).map(\.text).joined(separator: " ")
        }
        let actionIndex = columns.first { $0.value == .action }!.key
        let numberIndex = columns.first { $0.value == .number }?.key
        for r in (headerRow + 1)..<grid.rows.count {
            let row = grid.rows[r]
            let written = row.enumerated().filter { !$0.element.isEmpty && !($0.element.isCopy && $0.element.originRow != r) }
                .filter { !$0.element.fromColumnSpan }
            if written.isEmpty { continue }
            // The header repeated at the top of a new page.
            if row.map(\.text) == grid.rows[headerRow].map(\.text) { continue }
            if written.count == 1 {
                let (column, cell) = written[0]
                let isGroup = grid.spansAllColumns(r) || Self.looksLikeStage(cell.text)
                    || ((column == actionIndex || column == numberIndex) && row[actionIndex].isEmpty && cell.text.count <= 80)
                if isGroup {
                    groups.append(Group(title: RussianText.collapseSpaces(cell.text)))
                    continue
                }
                if column != actionIndex, let g = groups.indices.last, !groups[g].items.isEmpty {
                    // A long line alone in the number column has lost its place: most often the result.
                    let kind = columns[column].flatMap { $0 == .number ? nil : $0 } ?? .result
                    // A row with only a result (or executor, or due): the item above ran over two rows.
                    let last = groups[g].items.count - 1
                    let value = RussianText.collapseSpaces(text(cell))
                    groups[g].items[last].fields[kind] = [groups[g].items[last].fields[kind], value].compactMap { $0 }.joined(separator: " ")
                    continue
                }
            }
            var fields: [Column: String] = [:]
            for (index, column) in columns {
                let value = RussianText.collapseSpaces(text(row[index]))
                if !value.isEmpty { fields[column] = value }
            }
            guard fields[.action] != nil else { continue }
            fields[.action] = actionMarkdown(row[actionIndex], writer: writer) ?? fields[.action]
            if groups.isEmpty { groups.append(Group(title: heading.flatMap { ProgramField.match($0) == .plan ? nil : $0 })) }
            groups[groups.count - 1].items.append(ItemDraft(fields: fields))
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
