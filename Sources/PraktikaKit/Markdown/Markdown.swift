import CCmark
import Foundation

/// A `kind:id` link found in Markdown, with its position inside the text.
public struct EntityLink: Sendable {
    public enum Scheme: String, CaseIterable, Sendable {
        case school, practice, network, program, seminar, file
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
public enum Markdown {
    public struct Output: Sendable {
        public var html: String
        /// Entity links whose resolver returned nil.
        public var unresolved: [EntityLink]
        /// Other links and images whose address breaks `URLRule` (emptied
        /// like cmark's safe mode empties `javascript:`), with their position.
        public var refused: [(url: String, line: Int, column: Int)] = []
    }

    /// - Parameter resolve: turns an entity link into a URL, or nil when it points nowhere.
    public static func render(_ text: String, resolve: (EntityLink) -> String?) -> Output {
        render(text, html: true, resolve: resolve)
    }

    /// Finds the entity links without rendering, for checks.
    public static func entityLinks(in text: String) -> [EntityLink] {
        render(text, html: false) { _ in nil }.unresolved
    }

    private static func render(_ text: String, html: Bool, resolve: (EntityLink) -> String?) -> Output {
        guard let document = text.withCString({ cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT) }) else {
            return Output(html: "", unresolved: [])
        }
        defer { cmark_node_free(document) }
        var unresolved: [EntityLink] = []
        var refused: [(url: String, line: Int, column: Int)] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let rawURL = cmark_node_get_url(node) else { continue }
            let url = String(cString: rawURL)
            guard var link = parseEntityLink(url) else {
                // The same rule as every address field (cmark has already emptied `javascript:` and the like).
                if !url.isEmpty, URLRule.problem(url) != nil {
                    refused.append((url, Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node))))
                    cmark_node_set_url(node, "")
                }
                continue
            }
            // Positions matter only for links that are reported, which are rare.
            link.isImage = type == CMARK_NODE_IMAGE
            link.line = Int(cmark_node_get_start_line(node))
            link.column = Int(cmark_node_get_start_column(node))
            if let url = resolve(link) {
                cmark_node_set_url(node, url)
            } else {
                unresolved.append(link)
                // Leave no dead `school:…` target in the page.
                cmark_node_set_url(node, "")
            }
        }
        if !unresolved.isEmpty || !refused.isEmpty {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            unresolved = unresolved.map { link in
                var link = link
                link.column = characterColumn(line: link.line, byteColumn: link.column, in: lines)
                return link
            }
            refused = refused.map { ($0.url, $0.line, characterColumn(line: $0.line, byteColumn: $0.column, in: lines)) }
        }
        guard html, let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else {
            return Output(html: "", unresolved: unresolved, refused: refused)
        }
        defer { free(rendered) }
        return Output(html: String(cString: rendered), unresolved: unresolved, refused: refused)
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

    /// cmark counts columns in bytes; authors count characters.
    private static func characterColumn(line: Int, byteColumn: Int, in lines: [Substring]) -> Int {
        guard line >= 1, line <= lines.count else { return byteColumn }
        let utf8 = lines[line - 1].utf8
        let end = utf8.index(utf8.startIndex, offsetBy: max(0, byteColumn - 1), limitedBy: utf8.endIndex) ?? utf8.endIndex
        return lines[line - 1][..<end].count + 1
    }
}
