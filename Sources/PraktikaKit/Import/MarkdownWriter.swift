import Foundation

/// Turns pandoc blocks into the Markdown praktika renders (cmark, plus the pipe
/// tables agreed for imports) and into plain text for recognising fields.
struct MarkdownWriter {
    /// Maps an image's path in pandoc's media folder to the Markdown target
    /// written instead (`file:…`); nil drops the image (it is reported).
    var imageTarget: (String) -> String? = { _ in nil }
    /// Shift of heading levels: a document's level 1 becomes `##` under the page title.
    var headingShift = 1

    // MARK: Plain text

    static func plain(_ inlines: [PandocInline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .str(let text): out += text
            case .space, .softBreak: out += " "
            case .lineBreak: out += "\n"
            case .emph(let inner), .strong(let inner), .styled(let inner), .link(let inner, _):
                out += plain(inner)
            case .quoted(let double, let inner): out += double ? "«" + plain(inner) + "»" : "‘" + plain(inner) + "’"
            case .code(let text): out += text
            case .image, .note, .other: break
            }
        }
        return out
    }

    /// The blocks' text, one line per paragraph, list item and line break.
    static func plain(_ blocks: [PandocBlock]) -> String {
        lines(blocks).map(\.text).joined(separator: "\n")
    }

    /// A line of a cell or section: a paragraph, a line of it, or a list item.
    struct Line {
        var text: String
        var markdown: String
        /// Set for the items of Word's own numbering and bullets.
        var listMarker: ListMarker?
        var level = 0
    }

    enum ListMarker { case bullet, number(Int) }

    static func lines(_ blocks: [PandocBlock], writer: MarkdownWriter = MarkdownWriter(), level: Int = 0) -> [Line] {
        var out: [Line] = []
        func split(_ inlines: [PandocInline], marker: ListMarker?) {
            var current: [PandocInline] = []
            var first = true
            func flush() {
                let text = plain(current).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty {
                    let markdown = writer.inline(current).trimmingCharacters(in: .whitespacesAndNewlines)
                    out.append(Line(text: text, markdown: markdown, listMarker: first ? marker : nil, level: level))
                    first = false
                }
                current = []
            }
            for inline in inlines {
                if case .lineBreak = inline { flush() } else { current.append(inline) }
            }
            flush()
        }
        for block in blocks {
            switch block {
            case .plain(let inlines), .para(let inlines), .header(_, let inlines):
                split(inlines, marker: nil)
            case .lineBlock(let lines):
                for line in lines { split(line, marker: nil) }
            case .codeBlock(let text):
                for line in text.split(separator: "\n") { out.append(Line(text: String(line), markdown: escape(String(line)))) }
            case .blockQuote(let inner), .div(let inner):
                out += Self.lines(inner, writer: writer, level: level)
            case .orderedList(let start, let items):
                for (index, item) in items.enumerated() {
                    out += listItemLines(item, marker: .number(start + index), writer: writer, level: level)
                }
            case .bulletList(let items):
                for item in items { out += listItemLines(item, marker: .bullet, writer: writer, level: level) }
            case .definitionList(let items):
                for (term, definitions) in items {
                    split(term, marker: nil)
                    for definition in definitions { out += Self.lines(definition, writer: writer, level: level + 1) }
                }
            case .table(let table):
                for row in TableGrid(table).rows {
                    let text = row.uniqueCells.map(\.text).joined(separator: " | ")
                    out.append(Line(text: text, markdown: escape(text)))
                }
            case .horizontalRule, .other: break
            }
        }
        return out
    }

    private static func listItemLines(_ item: [PandocBlock], marker: ListMarker, writer: MarkdownWriter, level: Int) -> [Line] {
        var itemLines = lines(item, writer: writer, level: level + 1)
        if !itemLines.isEmpty {
            itemLines[0].listMarker = marker
            itemLines[0].level = level
        }
        return itemLines
    }

    // MARK: Markdown

    func inline(_ inlines: [PandocInline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .str(let text): out += Self.escape(text)
            case .space, .softBreak: out += " "
            case .lineBreak: out += "\n"
            case .emph(let inner): out += Self.wrap(self.inline(inner), "*")
            case .strong(let inner): out += Self.wrap(self.inline(inner), "**")
            case .styled(let inner): out += self.inline(inner)
            case .quoted(let double, let inner): out += double ? "«" + self.inline(inner) + "»" : "‘" + self.inline(inner) + "’"
            case .code(let text): out += "`" + text.replacingOccurrences(of: "`", with: "'") + "`"
            case .link(let inner, let url):
                let text = self.inline(inner)
                let lower = url.lowercased()
                if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") {
                    out += "[\(text)](<\(url.replacingOccurrences(of: ">", with: "%3E"))>)"
                } else {
                    out += text
                }
            case .image(let alt, let url):
                if let target = imageTarget(url) {
                    let text = Self.plain(alt).trimmingCharacters(in: .whitespaces)
                    out += "![\(text.isEmpty ? "Рисунок" : Self.escape(text))](\(target))"
                }
            case .note(let blocks):
                out += " (" + Self.plain(blocks).replacingOccurrences(of: "\n", with: " ") + ")"
            case .other: break
            }
        }
        return out
    }

    /// Emphasis markers must touch the text, or cmark leaves them literal.
    private static func wrap(_ text: String, _ marker: String) -> String {
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        let leading = text.prefix(while: { $0 == " " })
        let trailing = String(text.reversed().prefix(while: { $0 == " " }))
        return leading + marker + core + marker + trailing
    }

    /// Backslash-escapes what cmark would read as markup.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// A paragraph must not start a list or a heading by accident («1. » at the start of a plain paragraph).
    static func guardLineStart(_ markdown: String) -> String {
        if let first = markdown.first, "-+=".contains(first) { return "\\" + markdown }
        let digits = markdown.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count < 10 {
            let rest = markdown.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") || rest == "." || rest == ")" {
                return digits + "\\" + rest
            }
        }
        return markdown
    }

    /// Paragraphs that start with a typed «- », «· » or «• » (lists pasted from elsewhere,
    /// or typed by hand) become a Markdown list, as Word would have shown them.
    func blocks(_ blocks: [PandocBlock]) -> String {
        var parts: [String] = []
        var typedList: [String] = []
        func flushList() {
            if !typedList.isEmpty { parts.append(typedList.joined(separator: "\n")) }
            typedList = []
        }
        for block in blocks {
            if case .para(let inlines) = block, let item = typedBulletItem(inlines) {
                typedList.append("- " + item)
                continue
            }
            if case .plain(let inlines) = block, let item = typedBulletItem(inlines) {
                typedList.append("- " + item)
                continue
            }
            flushList()
            let text = self.block(block)
            if !text.isEmpty { parts.append(text) }
        }
        flushList()
        return parts.joined(separator: "\n\n")
    }

    private func typedBulletItem(_ inlines: [PandocInline]) -> String? {
        guard case .str(let first)? = inlines.first, let marker = first.first, "-–—·•▪●".contains(marker) else { return nil }
        let rest = first.dropFirst()
        var remaining = Array(inlines.dropFirst())
        if rest.isEmpty {
            // «-» then a space: the usual way.
            guard case .space? = remaining.first else { return nil }
            remaining.removeFirst()
        } else {
            // «·разъяснение»: the marker glued to the word, as often in pasted text; «-2» is a number.
            guard marker != "-" && marker != "–" && marker != "—" else { return nil }
            remaining.insert(.str(String(rest)), at: 0)
        }
        let text = Self.guardLineStart(inline(remaining).trimmingCharacters(in: .whitespacesAndNewlines))
        return text.isEmpty ? nil : text.replacingOccurrences(of: "\n", with: " ")
    }

    func block(_ block: PandocBlock, indent: String = "") -> String {
        switch block {
        case .plain(let inlines), .para(let inlines):
            let text = inline(inlines).trimmingCharacters(in: .whitespacesAndNewlines)
            return Self.guardLineStart(text).replacingOccurrences(of: "\n", with: "\\\n")
        case .lineBlock(let lines):
            return lines.map { Self.guardLineStart(inline($0)) }.joined(separator: "\\\n")
        case .codeBlock(let text):
            return "```\n" + text + "\n```"
        case .blockQuote(let inner):
            return blocks(inner).split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        case .div(let inner):
            return blocks(inner)
        case .header(let level, let inlines):
            let text = inline(inlines).replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return "" }
            return String(repeating: "#", count: min(6, max(1, level + headingShift))) + " " + text
        case .orderedList(let start, let items):
            return list(items, marker: { "\(start + $0). " })
        case .bulletList(let items):
            return list(items, marker: { _ in "- " })
        case .definitionList(let items):
            return items.map { term, definitions in
                "**" + inline(term) + "**\n\n" + definitions.map { blocks($0) }.joined(separator: "\n\n")
            }.joined(separator: "\n\n")
        case .table(let table):
            return pipeTable(TableGrid(table), caption: Self.plain(table.caption))
        case .horizontalRule:
            return "---"
        case .other:
            return ""
        }
    }

    private func list(_ items: [[PandocBlock]], marker: (Int) -> String) -> String {
        items.enumerated().map { index, item in
            let prefix = marker(index)
            let body = blocks(item)
            let pad = String(repeating: " ", count: prefix.count)
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.enumerated().map { n, line in
                n == 0 ? prefix + line : (line.isEmpty ? "" : pad + line)
            }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The agreed GFM form: header row, delimiter row, body rows; `|` escaped;
    /// a caption as a paragraph after the table starting with «Таблица:».
    func pipeTable(_ grid: TableGrid, caption: String = "") -> String {
        guard let header = grid.rows.first else { return "" }
        func cellText(_ cell: TableGrid.Cell) -> String {
            let text = blocks(cell.blocks)
                .replacingOccurrences(of: "\\\n", with: " ")
                .replacingOccurrences(of: "\n", with: " ")
                .trimmingCharacters(in: .whitespaces)
            return cell.isCopy && cell.fromColumnSpan ? "" : text
        }
        func row(_ cells: [TableGrid.Cell]) -> String {
            "| " + cells.map(cellText).joined(separator: " | ") + " |"
        }
        var out = [row(header), "|" + String(repeating: "---|", count: grid.columnCount)]
        out += grid.rows.dropFirst().map(row)
        var text = out.joined(separator: "\n")
        let trimmedCaption = caption.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmedCaption.isEmpty { text += "\n\nТаблица: " + Self.escape(trimmedCaption) }
        return text
    }
}
