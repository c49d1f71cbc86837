/// A pandoc table laid out on a full grid: a cell merged over several rows is
/// repeated in each of them (an executor merged down a plan is every row's
/// executor), and a row whose one cell spans all columns is marked (a stage row).
struct TableGrid {
    struct Cell {
        var blocks: [PandocBlock]
        var text: String
        /// Where the cell was written: a merged cell has one origin.
        var originRow: Int
        var originColumn: Int
        /// A copy put into a position covered by a merged cell.
        var isCopy = false
        var fromColumnSpan = false
        var isEmpty: Bool { text.isEmpty }
    }

    var rows: [[Cell]]
    var columnCount: Int

    init(_ table: PandocTable) {
        var grid: [[Cell?]] = []
        var width = table.columnCount
        for (r, sourceRow) in table.rows.enumerated() {
            while grid.count <= r { grid.append([]) }
            var column = 0
            for cell in sourceRow {
                while column < grid[r].count, grid[r][column] != nil { column += 1 }
                let text = MarkdownWriter.plain(cell.blocks).trimmingCharacters(in: .whitespacesAndNewlines)
                let original = Cell(blocks: cell.blocks, text: text, originRow: r, originColumn: column)
                for dr in 0..<cell.rowSpan {
                    while grid.count <= r + dr { grid.append([]) }
                    for dc in 0..<cell.columnSpan {
                        let c = column + dc
                        while grid[r + dr].count <= c { grid[r + dr].append(nil) }
                        var copy = original
                        copy.isCopy = dr > 0 || dc > 0
                        copy.fromColumnSpan = dc > 0
                        grid[r + dr][c] = copy
                    }
                }
                column += cell.columnSpan
                width = max(width, column)
            }
        }
        columnCount = width
        // LibreOffice's .odt gives pandoc an empty header row above the real first row.
        while let first = grid.first, first.allSatisfy({ $0?.text.isEmpty ?? true }), grid.count > 1 { grid.removeFirst() }
        rows = grid.enumerated().map { r, row in
            (0..<width).map { c in
                (c < row.count ? row[c] : nil)
                    ?? Cell(blocks: [], text: "", originRow: r, originColumn: c, isCopy: true)
            }
        }
    }

    /// True when the row is one cell across the whole table (or every cell says
    /// the same), the way plans write a stage or a section between item rows.
    func spansAllColumns(_ row: Int) -> Bool {
        let cells = rows[row]
        guard columnCount > 1, let first = cells.first, !first.isEmpty else { return false }
        if cells.allSatisfy({ $0.originRow == first.originRow && $0.originColumn == first.originColumn }) { return true }
        return cells.allSatisfy { $0.text == first.text }
    }
}

extension Array where Element == TableGrid.Cell {
    /// The row's cells without the copies a column span made.
    var uniqueCells: [TableGrid.Cell] { filter { !$0.fromColumnSpan } }
}
