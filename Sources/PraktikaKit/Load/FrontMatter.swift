import Foundation

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
        var text = text
        let found: Result<(yamlStart: Int, yamlEnd: Int, bodyStart: Int, bodyLine: Int), Problem> = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return .failure(.missingOpening) }
            let count = bytes.count
            func isLine(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
                var end = end
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                return end - start == word.utf8CodeUnitCount && memcmp(base + start, word.utf8Start, end - start) == 0
            }
            var lineStart = 0, lineNumber = 1, yamlStart: Int?
            while lineStart < count {
                let lineEnd = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                let isDelimiter = isLine(lineStart, lineEnd, "---") || (yamlStart != nil && isLine(lineStart, lineEnd, "..."))
                let next = min(lineEnd + 1, count)
                if lineNumber == 1 {
                    guard isDelimiter else { return .failure(.missingOpening) }
                    yamlStart = next
                } else if isDelimiter, let start = yamlStart {
                    return .success((start, lineStart, next, lineNumber + 1))
                }
                guard lineEnd < count else { break }
                lineStart = next
                lineNumber += 1
            }
            return .failure(yamlStart == nil ? .missingOpening : .missingClosing)
        }
        let at = try found.get()
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return Parts(yaml: String(text[index(at.yamlStart)..<index(at.yamlEnd)]), yamlLineOffset: 1,
                     body: String(text[index(at.bodyStart)...]), bodyFirstLine: at.bodyLine)
    }
}
