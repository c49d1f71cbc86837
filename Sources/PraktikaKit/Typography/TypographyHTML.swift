/// The typographic pass over HTML: only text between tags is changed; tags,
/// attributes (URLs among them), comments and the text of code, pre, script,
/// style and svg are copied as they are.
extension RussianTypography {
    static let verbatimElements: Set<String> = ["code", "pre", "kbd", "samp", "script", "style", "textarea", "svg"]
    /// Elements whose end closes any quote left open inside them.
    static let blockElements: Set<String> = [
        "p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote",
        "figcaption", "title", "section", "article", "tr", "ul", "ol", "dl", "table", "header", "footer", "nav",
    ]

    static func html(_ html: String, joinsCompounds: Bool = false) -> String {
        let input = Array(html.unicodeScalars)
        var output = UTF8Output()
        output.bytes.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var state = State()
        state.joinsCompounds = joinsCompounds
        var text: [Unicode.Scalar] = []
        var verbatimUntil: String? = nil
        var index = 0
        func flushText() {
            guard !text.isEmpty else { return }
            if verbatimUntil == nil {
                apply(text, state: &state, into: &output)
            } else {
                output.appendEach(text)
            }
            text.removeAll(keepingCapacity: true)
        }
        while index < input.count {
            let scalar = input[index]
            guard scalar == "<" else { text.append(scalar); index += 1; continue }
            flushText()
            if hasPrefix(input, at: index, "<!--") {
                let end = find(input, "-->", from: index + 4).map { $0 + 3 } ?? input.count
                output.appendEach(input[index..<end])
                index = end
                continue
            }
            let end = tagEnd(input, from: index)
            let tag = input[index..<end]
            output.appendEach(tag)
            index = end
            let (name, closing) = tagName(tag)
            if let until = verbatimUntil {
                if closing, name == until { verbatimUntil = nil }
                continue
            }
            if !closing, verbatimElements.contains(name), tag.dropLast().last != "/" {
                verbatimUntil = name
            } else if blockElements.contains(name) || name == "br" {
                if closing || name == "br" || name == "li" || name == "p" { state.endBlock() }
            }
        }
        flushText()
        return output.string
    }

    /// The index after a tag's `>`, past `>` inside quoted attribute values.
    private static func tagEnd(_ input: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        var quote: Unicode.Scalar? = nil
        while index < input.count {
            let scalar = input[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index + 1
            }
            index += 1
        }
        return input.count
    }

    private static func tagName(_ tag: ArraySlice<Unicode.Scalar>) -> (String, closing: Bool) {
        var index = tag.startIndex + 1
        let closing = index < tag.endIndex && tag[index] == "/"
        if closing { index += 1 }
        var name = String.UnicodeScalarView()
        while index < tag.endIndex, isASCIILetter(tag[index]) || isDigit(tag[index]) {
            name.append(tag[index])
            index += 1
        }
        return (String(name).lowercased(), closing)
    }

    private static func find(_ input: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        var index = start
        while index < input.count {
            if hasPrefix(input, at: index, needle) { return index }
            index += 1
        }
        return nil
    }
}

/// The pass's output as UTF-8 bytes: appending a scalar to a String costs a
/// dozen calls (validation, counts, flags) and was most of the pass's time.
struct UTF8Output {
    var bytes: [UInt8] = []

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            bytes.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    mutating func appendEach<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { append(scalar) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
