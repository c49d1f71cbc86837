import Foundation

/// pandoc's JSON document tree (`pandoc -t json`, API 1.22/1.23), decoded into
/// typed values. Only what an office document can contain is modelled; anything
/// else is kept as `.other` with its pandoc name, so it can be reported.
struct PandocDocument: Decodable, Sendable {
    public var blocks: [PandocBlock]

    public static func decode(_ data: Data) throws -> PandocDocument {
        try JSONDecoder().decode(PandocDocument.self, from: data)
    }
}

indirect enum PandocBlock: Decodable, Sendable {
    case plain([PandocInline])
    case para([PandocInline])
    case lineBlock([[PandocInline]])
    case codeBlock(String)
    case blockQuote([PandocBlock])
    case orderedList(start: Int, items: [[PandocBlock]])
    case bulletList([[PandocBlock]])
    case definitionList([([PandocInline], [[PandocBlock]])])
    case header(level: Int, [PandocInline])
    case horizontalRule
    case table(PandocTable)
    case div([PandocBlock])
    case other(String)

    private enum Keys: String, CodingKey { case t, c }

    public init(from decoder: Decoder) throws {
        let keyed = try decoder.container(keyedBy: Keys.self)
        let tag = try keyed.decode(String.self, forKey: .t)
        switch tag {
        case "Plain": self = .plain(try keyed.decode([PandocInline].self, forKey: .c))
        case "Para": self = .para(try keyed.decode([PandocInline].self, forKey: .c))
        case "LineBlock": self = .lineBlock(try keyed.decode([[PandocInline]].self, forKey: .c))
        case "CodeBlock":
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            _ = try c.decode(PandocAttr.self)
            self = .codeBlock(try c.decode(String.self))
        case "BlockQuote": self = .blockQuote(try keyed.decode([PandocBlock].self, forKey: .c))
        case "OrderedList":
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            var attributes = try c.nestedUnkeyedContainer()
            let start = try attributes.decode(Int.self)
            self = .orderedList(start: start, items: try c.decode([[PandocBlock]].self))
        case "BulletList": self = .bulletList(try keyed.decode([[PandocBlock]].self, forKey: .c))
        case "DefinitionList":
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            var items: [([PandocInline], [[PandocBlock]])] = []
            while !c.isAtEnd {
                var pair = try c.nestedUnkeyedContainer()
                items.append((try pair.decode([PandocInline].self), try pair.decode([[PandocBlock]].self)))
            }
            self = .definitionList(items)
        case "Header":
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            let level = try c.decode(Int.self)
            _ = try c.decode(PandocAttr.self)
            self = .header(level: level, try c.decode([PandocInline].self))
        case "HorizontalRule": self = .horizontalRule
        case "Table": self = .table(try keyed.decode(PandocTable.self, forKey: .c))
        case "Div":
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            _ = try c.decode(PandocAttr.self)
            self = .div(try c.decode([PandocBlock].self))
        case "Figure":
            // pandoc 3 (API 1.23) wraps a picture and its caption in a Figure.
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            _ = try c.decode(PandocAttr.self)
            var caption = try c.nestedUnkeyedContainer()
            if try !caption.decodeNil() { _ = try caption.decode([PandocInline].self) }
            let captionBlocks = try caption.decode([PandocBlock].self)
            self = .div(try c.decode([PandocBlock].self) + captionBlocks)
        default: self = .other(tag)
        }
    }
}

indirect enum PandocInline: Decodable, Sendable {
    case str(String)
    case space
    case softBreak
    case lineBreak
    case emph([PandocInline])
    case strong([PandocInline])
    /// Underline, strike-out, super/subscript, small caps, a span: text kept, style dropped.
    case styled([PandocInline])
    case quoted(double: Bool, [PandocInline])
    case code(String)
    case link([PandocInline], url: String)
    case image([PandocInline], url: String)
    case note([PandocBlock])
    case other(String)

    private enum Keys: String, CodingKey { case t, c }

    public init(from decoder: Decoder) throws {
        let keyed = try decoder.container(keyedBy: Keys.self)
        let tag = try keyed.decode(String.self, forKey: .t)
        switch tag {
        case "Str": self = .str(try keyed.decode(String.self, forKey: .c))
        case "Space": self = .space
        case "SoftBreak": self = .softBreak
        case "LineBreak": self = .lineBreak
        case "Emph": self = .emph(try keyed.decode([PandocInline].self, forKey: .c))
        case "Strong": self = .strong(try keyed.decode([PandocInline].self, forKey: .c))
        case "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps":
            self = .styled(try keyed.decode([PandocInline].self, forKey: .c))
        case "Span":
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            _ = try c.decode(PandocAttr.self)
            self = .styled(try c.decode([PandocInline].self))
        case "Quoted":
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            let kind = try c.decode(PandocTag.self)
            self = .quoted(double: kind.t == "DoubleQuote", try c.decode([PandocInline].self))
        case "Code":
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            _ = try c.decode(PandocAttr.self)
            self = .code(try c.decode(String.self))
        case "Link", "Image":
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            _ = try c.decode(PandocAttr.self)
            let text = try c.decode([PandocInline].self)
            var target = try c.nestedUnkeyedContainer()
            let url = try target.decode(String.self)
            self = tag == "Link" ? .link(text, url: url) : .image(text, url: url)
        case "Note": self = .note(try keyed.decode([PandocBlock].self, forKey: .c))
        case "Math":
            // A formula typed in Word's equation editor: its TeX text, as written.
            var c = try keyed.nestedUnkeyedContainer(forKey: .c)
            _ = try c.decode(PandocTag.self)
            self = .code(try c.decode(String.self))
        default: self = .other(tag)
        }
    }
}

/// A table as pandoc keeps it: rows of cells with their row and column spans.
struct PandocTable: Decodable, Sendable {
    public var caption: [PandocBlock]
    public var columnCount: Int
    /// Head, body and foot rows in document order.
    public var rows: [[PandocCell]]

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        _ = try c.decode(PandocAttr.self)
        var captionParts = try c.nestedUnkeyedContainer()
        if try !captionParts.decodeNil() { _ = try captionParts.decode([PandocInline].self) }
        caption = try captionParts.decode([PandocBlock].self)
        columnCount = try c.decode([PandocIgnored].self).count
        var rows: [[PandocCell]] = []
        var head = try c.nestedUnkeyedContainer()
        _ = try head.decode(PandocAttr.self)
        rows += try head.decode([PandocRow].self).map(\.cells)
        for body in try c.decode([PandocTableBody].self) {
            rows += body.rows
        }
        var foot = try c.nestedUnkeyedContainer()
        _ = try foot.decode(PandocAttr.self)
        rows += try foot.decode([PandocRow].self).map(\.cells)
        self.rows = rows
    }
}

struct PandocCell: Decodable, Sendable {
    public var rowSpan: Int
    public var columnSpan: Int
    public var blocks: [PandocBlock]

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        _ = try c.decode(PandocAttr.self)
        _ = try c.decode(PandocTag.self)
        rowSpan = max(1, try c.decode(Int.self))
        columnSpan = max(1, try c.decode(Int.self))
        blocks = try c.decode([PandocBlock].self)
    }
}

private struct PandocRow: Decodable {
    var cells: [PandocCell]
    init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        _ = try c.decode(PandocAttr.self)
        cells = try c.decode([PandocCell].self)
    }
}

private struct PandocTableBody: Decodable {
    var rows: [[PandocCell]]
    init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        _ = try c.decode(PandocAttr.self)
        _ = try c.decode(Int.self)
        rows = try c.decode([PandocRow].self).map(\.cells) + c.decode([PandocRow].self).map(\.cells)
    }
}

/// `["id", ["class"], [["key", "value"]]]`: read and dropped (Word styles carry no meaning here).
private struct PandocAttr: Decodable {
    init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        _ = try c.decode(String.self)
        _ = try c.decode([String].self)
        _ = try c.decode([[String]].self)
    }
}

private struct PandocTag: Decodable {
    var t: String
}

private struct PandocIgnored: Decodable {
    init(from decoder: Decoder) throws {}
}
