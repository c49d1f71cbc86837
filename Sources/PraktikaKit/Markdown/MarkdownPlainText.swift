import CCmark
import Foundation

extension Markdown {
    /// The text a reader sees of a Markdown text, for a page's description
    /// (`<meta name="description">`, `og:description`, JSON-LD): link text
    /// without its target, headings and emphasis without their marks. What no
    /// reader sees as text — raw HTML, images, pipe tables and their
    /// `Таблица:` captions — is left out. Blocks are separated by a line break
    /// (a heading without final punctuation also by a full stop, so that it
    /// does not run into the next sentence); `PageContext.plainText` then
    /// makes white space single spaces and shortens the text.
    static func plainText(_ text: String) -> String {
        guard let document = text.withCString({ cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT) }) else { return "" }
        defer { cmark_node_free(document) }
        let source = MarkdownSource(text)
        var output = ""
        var skipped: Set<OpaquePointer> = []
        var headingStart = 0
        func separate() {
            if let last = output.unicodeScalars.last, !CharacterSet.whitespacesAndNewlines.contains(last) { output += "\n" }
        }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_HEADING, output.utf8.count > headingStart, let last = output.last, !".!?:;…".contains(last) {
                    output += "."
                }
                continue
            }
            switch type {
            case CMARK_NODE_PARAGRAPH:
                if skipped.contains(node) || isPipeTable(node, source: source) {
                    if let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH,
                       source.lines(of: next).first?.text.hasPrefix(PipeTable.captionPrefix) == true {
                        skipped.insert(next)
                    }
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                }
                separate()
            case CMARK_NODE_HEADING:
                separate()
                headingStart = output.utf8.count
            case CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_THEMATIC_BREAK:
                separate()
            case CMARK_NODE_CODE_BLOCK:
                separate()
                output += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                output += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                output += " "
            case CMARK_NODE_IMAGE:
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
            default:
                continue
            }
        }
        return output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A paragraph that the page shows as a table (as `render` recognises it).
    private static func isPipeTable(_ paragraph: OpaquePointer, source: MarkdownSource) -> Bool {
        guard cmark_node_get_start_line(paragraph) < cmark_node_get_end_line(paragraph) else { return false }
        let lines = source.lines(of: paragraph)
        guard lines.contains(where: { $0.text.contains("|") }) else { return false }
        if case .table = PipeTable.recognise(lines) { return true }
        return false
    }
}
