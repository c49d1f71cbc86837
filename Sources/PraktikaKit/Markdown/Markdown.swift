import CCmark
import Foundation

/// A `kind:id` link found in Markdown, with its position inside the text.
struct EntityLink: Sendable {
    /// `school:`, `practice:`… for every entity kind, and `file:` for attachments.
    public enum Scheme: Hashable, Sendable {
        case entity(EntityKind)
        case file

        public init?(rawValue: String) {
            if rawValue == "file" { self = .file } else if let kind = EntityKind(rawValue: rawValue) { self = .entity(kind) } else { return nil }
        }

        public var entityKind: EntityKind? {
            if case .entity(let kind) = self { return kind }
            return nil
        }
    }
    public var scheme: Scheme
    /// The id, or for `file:` the path under content/files/.
    public var target: String
    /// `#section` part, kept on the rewritten URL.
    public var fragment: String?
    /// 1-based line inside the Markdown text and 1-based column in characters.
    public var line: Int
    public var column: Int
    /// `![…](file:…)`: the print digest needs images from disk but links to the web.
    public var isImage = false
}

/// Markdown → HTML through libcmark, in its safe mode: raw HTML is dropped and
/// `javascript:`/`data:`-style URLs are emptied by cmark itself. Entity links are
/// rewritten on cmark's AST, so link text and titles are never re-parsed by hand.
/// The same walk finds pipe tables (cmark has no table extension) and what the
/// safe renderer would drop or show literally, so that the author hears of it.
enum Markdown {
    public struct Output: Sendable {
        public var html: String
        /// Entity links whose resolver returned nil.
        public var unresolved: [EntityLink]
        /// Constructs dropped or shown literally, and malformed tables.
        public var problems: [MarkdownProblem] = []
        /// Other links and images whose address breaks `URLRule` (emptied
        /// like cmark's safe mode empties `javascript:`), with their position.
        public var refused: [(url: String, line: Int, column: Int)] = []
    }

    /// - Parameter resolve: turns an entity link into a URL, or nil when it points nowhere.
    /// - Parameter tableLabel: the accessible name of a table's scrolling frame when it has no caption.
    public static func render(_ text: String, tableLabel: String = "Таблица", resolve: (EntityLink) -> String?) -> Output {
        render(text, html: true, tableLabel: tableLabel, resolve: resolve)
    }

    /// Finds the entity links without rendering, for checks.
    public static func entityLinks(in text: String) -> [EntityLink] {
        audit(text).unresolved
    }

    /// Entity links and problems without the HTML, for content no page shows (drafts).
    public static func audit(_ text: String) -> Output {
        render(text, html: false, tableLabel: "", resolve: { _ in nil })
    }

    static func render(_ text: String, html: Bool, tableLabel: String, inline: Bool = false,
                       resolve: (EntityLink) -> String?) -> Output {
        var hasPipe = false
        guard let document = text.withCString({ pointer -> OpaquePointer? in
            let length = strlen(pointer)
            hasPipe = memchr(pointer, Int32(UInt8(ascii: "|")), length) != nil
            return cmark_parse_document(pointer, length, CMARK_OPT_DEFAULT)
        }) else {
            return Output(html: "", unresolved: [])
        }
        defer { cmark_node_free(document) }
        cmark_consolidate_text_nodes(document)
        let source = MarkdownSource(text)
        var unresolved: [EntityLink] = []
        var problems: [MarkdownProblem] = []
        var refused: [(url: String, line: Int, column: Int)] = []
        var tables: [(paragraph: OpaquePointer, caption: OpaquePointer?, html: String)] = []
        var captions: Set<OpaquePointer> = []
        var lineBreaks: [OpaquePointer] = []
        func problem(_ node: OpaquePointer, _ message: LocalizedText, at offset: Int = 0) {
            let (line, column) = source.position(of: node)
            problems.append(MarkdownProblem(line: line, column: column + offset, message: message))
        }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                if captions.contains(node) {
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                }
                // Only a paragraph that starts with `#` or a text with a `|` needs its source lines.
                if let child = cmark_node_first_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT,
                   cmark_node_get_literal(child)?.pointee == CChar(UInt8(ascii: "#")),
                   let first = source.lines(of: node).first, let message = MarkdownAudit.headingWithoutSpace(first.text) {
                    problems.append(MarkdownProblem(line: first.line, column: first.column, message: message))
                }
                guard hasPipe, cmark_node_get_start_line(node) < cmark_node_get_end_line(node), hasPipeText(node) else { continue }
                let lines = source.lines(of: node)
                guard lines.contains(where: { $0.text.contains("|") }) else { continue }
                switch PipeTable.recognise(lines) {
                case .notATable:
                    continue
                case .malformed(let line, let column, let message):
                    problems.append(MarkdownProblem(line: line, column: column, message: message))
                case .table(let table):
                    let caption = captionParagraph(after: node, source: source)
                    if let caption { captions.insert(caption.node) }
                    let rendered = withoutActuallyEscaping(resolve) {
                        TableHTML(table: table, caption: caption?.lines, label: tableLabel, html: html, resolve: $0).render()
                    }
                    unresolved += rendered.unresolved
                    problems += rendered.problems
                    refused += rendered.refused
                    tables.append((node, caption?.node, rendered.html))
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                }
            case CMARK_NODE_HTML_BLOCK:
                if let message = MarkdownAudit.rawHTML(String(cString: cmark_node_get_literal(node)), block: true) {
                    problem(node, message)
                }
            case CMARK_NODE_HTML_INLINE:
                let literal = String(cString: cmark_node_get_literal(node))
                // `</b>` was already reported with its `<b>`.
                if !literal.hasPrefix("</"), let message = MarkdownAudit.rawHTML(literal, block: false) { problem(node, message) }
                if MarkdownAudit.tagNames(in: literal) == ["br"] { lineBreaks.append(node) }
            case CMARK_NODE_TEXT:
                guard let literal = cmark_node_get_literal(node), strstr(literal, "](") != nil else { continue }
                let (line, column) = source.position(of: node)
                var lineText = source.text(ofLine: line).dropFirst(max(0, column - 1))
                if Int(cmark_node_get_end_line(node)) == line {
                    let end = source.characterColumn(line: line, byteColumn: Int(cmark_node_get_end_column(node)) + 1)
                    lineText = lineText.prefix(max(0, end - column))
                }
                for link in MarkdownAudit.unparsedLinks(in: lineText) {
                    problems.append(MarkdownProblem(line: line, column: column + link.offset,
                                                    message: MarkdownAudit.unparsedLink(link.fragment, isImage: link.isImage)))
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
                let rawURL = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                guard var link = parseEntityLink(rawURL) else {
                    // The same rule as every address field (cmark has already emptied `javascript:` and the like).
                    if !rawURL.isEmpty, URLRule.problem(rawURL) != nil {
                        let (line, column) = source.position(of: node)
                        refused.append((rawURL, line, column))
                        cmark_node_set_url(node, "")
                        continue
                    }
                    if isImage, !rawURL.isEmpty { problem(node, MarkdownAudit.imageOutsideSite(rawURL)) }
                    continue
                }
                link.isImage = isImage
                // cmark's byte column for now; made a character column below, only for links reported.
                link.line = Int(cmark_node_get_start_line(node))
                link.column = Int(cmark_node_get_start_column(node))
                if let url = resolve(link) {
                    cmark_node_set_url(node, url)
                } else {
                    (link.line, link.column) = source.position(of: node)
                    unresolved.append(link)
                    // Leave no dead `school:…` target in the page.
                    cmark_node_set_url(node, "")
                }
            default:
                continue
            }
        }
        guard html else { return Output(html: "", unresolved: unresolved, problems: problems, refused: refused) }
        // The tree is changed only after the walk: cmark's iterator must not see nodes vanish.
        for node in lineBreaks {
            if let lineBreak = cmark_node_new(CMARK_NODE_LINEBREAK) {
                cmark_node_replace(node, lineBreak)
                cmark_node_free(node)
            }
        }
        for table in tables {
            // A custom block's text is written as is; it holds only what
            // TableHTML made from cmark's own safe rendering of each cell.
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, table.html)
            cmark_node_set_on_exit(block, "")
            cmark_node_replace(table.paragraph, block)
            cmark_node_free(table.paragraph)
            if let caption = table.caption {
                cmark_node_unlink(caption)
                cmark_node_free(caption)
            }
        }
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else {
            return Output(html: "", unresolved: unresolved, problems: problems, refused: refused)
        }
        defer { free(rendered) }
        var result = String(cString: rendered)
        if inline, result.hasPrefix("<p>"), result.hasSuffix("</p>\n") {
            result = String(result.dropFirst(3).dropLast(5))
        }
        return Output(html: result, unresolved: unresolved, problems: problems, refused: refused)
    }

    /// A table's pipes stand in the paragraph's own text nodes, between its inline spans.
    private static func hasPipeText(_ paragraph: OpaquePointer) -> Bool {
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node),
               strchr(literal, Int32(UInt8(ascii: "|"))) != nil { return true }
            child = cmark_node_next(node)
        }
        return false
    }

    /// The paragraph right after a table that starts with `Таблица:`.
    private static func captionParagraph(after table: OpaquePointer, source: MarkdownSource) -> (node: OpaquePointer, lines: [SourceLine])? {
        guard let next = cmark_node_next(table), cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH else { return nil }
        var lines = source.lines(of: next)
        guard let first = lines.first, first.text.hasPrefix(PipeTable.captionPrefix) else { return nil }
        let rest = first.text.dropFirst(PipeTable.captionPrefix.count)
        let spaces = rest.prefix { $0 == " " }.count
        lines[0] = SourceLine(text: rest.dropFirst(spaces), line: first.line,
                              column: first.column + PipeTable.captionPrefix.count + spaces)
        return (next, lines)
    }

    static func parseEntityLink(_ url: String) -> EntityLink? {
        guard let colon = url.firstIndex(of: ":"),
              let scheme = EntityLink.Scheme(rawValue: String(url[..<colon]).lowercased())
        else { return nil }
        var target = String(url[url.index(after: colon)...])
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if target.utf8.contains(UInt8(ascii: "%")) { target = target.removingPercentEncoding ?? target }
        return EntityLink(scheme: scheme, target: target, fragment: fragment, line: 0, column: 0)
    }
}
