/// Splits a Markdown file into its YAML front matter and its body.
enum FrontMatter {
    struct Parts {
        var yaml: String
        /// File line of the first YAML line, minus one: added to YAML line numbers.
        var yamlLineOffset: Int
        var body: String
        var bodyFirstLine: Int
    }

    enum Problem: Error {
        case missingOpening
        case missingClosing
    }

    static func split(_ text: String) throws(Problem) -> Parts {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isDelimiter(_ line: Substring) -> Bool {
            line.trimmingTrailingCR() == "---"
        }
        guard let first = lines.first, isDelimiter(first) else { throw .missingOpening }
        guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) || lines[$0].trimmingTrailingCR() == "..." })
        else { throw .missingClosing }
        let yaml = lines[1..<closing].joined(separator: "\n")
        lines.removeFirst(closing + 1)
        return Parts(yaml: yaml, yamlLineOffset: 1, body: lines.joined(separator: "\n"), bodyFirstLine: closing + 2)
    }
}

extension Substring {
    func trimmingTrailingCR() -> Substring {
        last == "\r" ? dropLast() : self
    }
}
