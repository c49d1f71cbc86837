import Foundation

/// Where a piece of Markdown came from, to place a broken link's error.
enum MarkdownOrigin {
    case body(file: String, body: MarkdownBody)
    case field(file: String, MarkdownField)

    /// The file position of a link found inside this Markdown.
    func location(of link: EntityLink, siteRoot: URL) -> SourceLocation {
        location(line: link.line, column: link.column, siteRoot: siteRoot)
    }

    func location(of problem: MarkdownProblem, siteRoot: URL) -> SourceLocation {
        location(line: problem.line, column: problem.column, siteRoot: siteRoot)
    }

    func location(line: Int, column: Int, siteRoot: URL) -> SourceLocation {
        switch self {
        case .body(let file, let body):
            return SourceLocation(file: file, line: body.firstLine + line - 1, column: column)
        case .field(let file, let field):
            if !field.value.contains("\n") {
                return SourceLocation(file: file, line: field.line, column: field.column + column - 1)
            }
            // A block scalar: its text starts on the line below the key, indented.
            let fileLine = field.line + line
            return SourceLocation(file: file, line: fileLine, column: Self.indentation(of: fileLine, in: siteRoot.appendingPathComponent(file)) + column)
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
