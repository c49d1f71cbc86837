import Foundation

/// A document cut into labelled sections, the way offices write them: a heading
/// (a Word heading, a bold line, a known label on its own line, «Цель: …») and
/// what follows it, or a row of a passport table «field | value».
struct DocumentOutline {
    struct Item {
        var block: PandocBlock
        /// Where it was in the document, in words: «таблица 2, строка 3», «абзац 14».
        var place: String
    }

    struct Section {
        var label: String
        var items: [Item]
        var place: String
        var fromPassportTable = false
        /// Depth below the document's top headings: 0 for them, for bold lines and labels; 1 for the next level…
        var depth = 0
        /// Started by a Word heading (not by a bold line, a label or a table row).
        var fromHeading = false
        var blocks: [PandocBlock] { items.map(\.block) }

        /// The section's heading in the page's Markdown: `##` at the top, `###` below it.
        var markdownHeading: String {
            String(repeating: "#", count: min(6, 2 + depth)) + " " + MarkdownWriter.escape(label)
        }
    }

    /// What came before the first label: title page, approval stamp.
    var preamble: [Item] = []
    /// Blocks pandoc gives that no Markdown here can hold (raw Word fields and the like).
    var dropped: [Item] = []
    var sections: [Section] = []

    /// - Parameter isLabel: whether a short line names a field of the kind being imported.
    /// - Parameter keepsTable: whether a table is data in its own right (a plan, results)
    ///   rather than a passport of «field | value» rows.
    init(_ document: PandocDocument, isLabel: (String) -> Bool, keepsTable: (TableGrid) -> Bool) {
        var paragraphNumber = 0
        var tableNumber = 0
        var current: Section?
        func add(_ item: Item) {
            if current != nil { current!.items.append(item) } else { preamble.append(item) }
        }
        func start(_ label: String, place: String, level: Int? = nil) {
            if let section = current { sections.append(section) }
            current = Section(label: label, items: [], place: place)
            current!.depth = level.map { max(0, $0 - topLevel) } ?? 0
            current!.fromHeading = level != nil
        }
        func flatten(_ blocks: [PandocBlock]) -> [PandocBlock] {
            blocks.flatMap { block -> [PandocBlock] in
                if case .div(let inner) = block { return flatten(inner) }
                return [block]
            }
        }
        let blocks = flatten(document.blocks)
        let headingLevels = blocks.compactMap { block -> Int? in
            if case .header(let level, _) = block { return level }
            return nil
        }
        // A title in Heading 1 over sections in Heading 2: the sections are the top.
        var topLevel = headingLevels.min() ?? 1
        if headingLevels.filter({ $0 == topLevel }).count == 1, let next = headingLevels.filter({ $0 > topLevel }).min() {
            topLevel = next
        }
        for block in blocks {
            switch block {
            case .header(let level, let inlines):
                paragraphNumber += 1
                let text = Self.labelText(MarkdownWriter.plain(inlines))
                if !text.isEmpty { start(text, place: "абзац \(paragraphNumber)", level: level) }
            case .para(let inlines), .plain(let inlines):
                paragraphNumber += 1
                let place = "абзац \(paragraphNumber)"
                let text = MarkdownWriter.plain(inlines).trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty {
                    // A paragraph that holds only a picture.
                    if Self.containsImage(inlines) { add(Item(block: block, place: place)) }
                    continue
                }
                if let (label, rest) = Self.inlineLabel(inlines), isLabel(label) {
                    start(label, place: place)
                    current!.items.append(Item(block: .para(rest), place: place))
                } else if Self.isBoldLine(inlines, text: text) || (text.count <= 80 && isLabel(Self.labelText(text))) {
                    start(Self.labelText(text), place: place)
                } else {
                    add(Item(block: block, place: place))
                }
            case .table(let table):
                tableNumber += 1
                let grid = TableGrid(table)
                if !keepsTable(grid), Self.isPassport(grid, isLabel: isLabel) {
                    if let section = current { sections.append(section) }
                    current = nil
                    for (r, row) in grid.rows.enumerated() {
                        let cells = row.uniqueCells.filter { !$0.isEmpty }
                        let place = "таблица \(tableNumber), строка \(r + 1)"
                        guard let first = cells.first else { continue }
                        // A row with an empty label cell continues the field above it.
                        if row[0].isEmpty, !row[0].isCopy, let last = sections.indices.last, sections[last].fromPassportTable {
                            sections[last].items += cells.flatMap(\.blocks).map { Item(block: $0, place: place) }
                            continue
                        }
                        let label = Self.labelText(first.text)
                        let valueBlocks = cells.dropFirst().flatMap(\.blocks)
                        sections.append(Section(label: label, items: valueBlocks.map { Item(block: $0, place: place) },
                                                place: place, fromPassportTable: true))
                    }
                } else {
                    add(Item(block: block, place: "таблица \(tableNumber)"))
                }
            case .horizontalRule:
                continue
            case .other(let kind):
                paragraphNumber += 1
                dropped.append(Item(block: block, place: "абзац \(paragraphNumber) (\(kind))"))
            default:
                paragraphNumber += 1
                add(Item(block: block, place: "абзац \(paragraphNumber)"))
            }
        }
        if let section = current { sections.append(section) }
    }

    static func containsImage(_ inlines: [PandocInline]) -> Bool {
        inlines.contains {
            switch $0 {
            case .image: return true
            case .emph(let inner), .strong(let inner), .styled(let inner), .link(let inner, _): return containsImage(inner)
            default: return false
            }
        }
    }

    /// «Цель программы:» → «Цель программы»; spaces collapsed; a leading «1.» dropped.
    static func labelText(_ text: String) -> String {
        var label = RussianText.collapseSpaces(text.replacingOccurrences(of: "\n", with: " "))
        while let last = label.last, ":.–—-".contains(last) { label.removeLast() }
        if let match = label.prefixMatch(of: /(?:\d{1,2}\.)+\s*|[IVX]{1,4}\.\s+/) {
            label = String(label[match.range.upperBound...])
        }
        return label.trimmingCharacters(in: .whitespaces)
    }

    /// A short paragraph that is bold all through reads as a heading.
    static func isBoldLine(_ inlines: [PandocInline], text: String) -> Bool {
        guard text.count <= 150, !text.hasSuffix(".") || text.count < 60 else { return false }
        let meaningful = inlines.filter {
            switch $0 {
            case .space, .softBreak, .lineBreak: return false
            default: return true
            }
        }
        return !meaningful.isEmpty && meaningful.allSatisfy {
            if case .strong = $0 { return true }
            return false
        }
    }

    /// «Цель: повышение качества…» → («Цель», «повышение качества…»).
    static func inlineLabel(_ inlines: [PandocInline]) -> (String, [PandocInline])? {
        var prefix = ""
        for (index, inline) in inlines.enumerated() {
            let piece: String
            switch inline {
            case .str(let text): piece = text
            case .space: piece = " "
            case .strong(let inner), .emph(let inner): piece = MarkdownWriter.plain(inner)
            default: return nil
            }
            if let colon = piece.firstIndex(of: ":") {
                let label = (prefix + piece[..<colon]).trimmingCharacters(in: .whitespaces)
                guard !label.isEmpty, label.count <= 60 else { return nil }
                var rest = Array(inlines[(index + 1)...])
                let after = String(piece[piece.index(after: colon)...])
                if !after.isEmpty { rest.insert(.str(after), at: 0) }
                while let first = rest.first, case .space = first { rest.removeFirst() }
                guard !rest.isEmpty else { return nil }
                return (label, rest)
            }
            prefix += piece
            if prefix.count > 60 { return nil }
        }
        return nil
    }

    /// Two columns, or rows of at most two different cells, with a known label among the first cells.
    static func isPassport(_ grid: TableGrid, isLabel: (String) -> Bool) -> Bool {
        guard grid.columnCount >= 2 else { return false }
        let twoCellRows = grid.rows.filter { $0.uniqueCells.count <= 2 }.count
        guard grid.columnCount == 2 || twoCellRows * 10 >= grid.rows.count * 8 else { return false }
        let known = grid.rows.filter { row in row.first.map { isLabel(labelText($0.text)) } ?? false }.count
        return known >= 1
    }
}
