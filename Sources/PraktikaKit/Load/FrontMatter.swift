/// Splits a Markdown file into its YAML front matter and its body, scanning
/// bytes once: bodies are long, and most of a build's files are Markdown.
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
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            var content = utf8[lineStart..<lineEnd]
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            let isDelimiter = content.elementsEqual("---".utf8) || (yamlStart != nil && content.elementsEqual("...".utf8))
            if lineNumber == 1 {
                guard isDelimiter else { throw .missingOpening }
                yamlStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            } else if isDelimiter, let start = yamlStart {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return Parts(yaml: String(text[start..<lineStart]), yamlLineOffset: 1,
                             body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1)
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        throw yamlStart == nil ? .missingOpening : .missingClosing
    }
}
