import Foundation

/// Where a piece of Markdown came from, to place a broken link's error.
enum MarkdownOrigin {
    case body(file: String, body: MarkdownBody)
    case field(file: String, MarkdownField)

    /// The file position of a link found inside this Markdown.
    func location(of link: EntityLink, siteRoot: URL) -> SourceLocation {
        switch self {
        case .body(let file, let body):
            return SourceLocation(file: file, line: body.firstLine + link.line - 1, column: link.column)
        case .field(let file, let field):
            if !field.value.contains("\n") {
                return SourceLocation(file: file, line: field.line, column: field.column + link.column - 1)
            }
            // A block scalar: its text starts on the line below the key, indented.
            let line = field.line + link.line
            return SourceLocation(file: file, line: line, column: Self.indentation(of: line, in: siteRoot.appendingPathComponent(file)) + link.column)
        }
    }

    /// Leading spaces of a line of a file; read only when an error must be placed.
    private static func indentation(of line: Int, in url: URL) -> Int {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return 0 }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return 0 }
        return lines[line - 1].prefix { $0 == " " }.count
    }
}
