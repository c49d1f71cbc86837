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
        var source = html
        return source.withUTF8 { bytes in
            var output = UTF8Output()
            output.bytes.reserveCapacity(bytes.count + bytes.count / 16)
            var state = State()
            state.joinsCompounds = joinsCompounds
            var verbatimUntil: String? = nil
            var index = 0
            let count = bytes.count
            while index < count {
                var textEnd = index
                while textEnd < count, bytes[textEnd] != UInt8(ascii: "<") { textEnd += 1 }
                if textEnd > index {
                    if verbatimUntil == nil {
                        apply(bytes, from: index, to: textEnd, state: &state, into: &output)
                    } else {
                        output.bytes.append(contentsOf: Bytes(rebasing: bytes[index..<textEnd]))
                    }
                }
                index = textEnd
                guard index < count else { break }
                let end: Int
                if hasPrefix(bytes, at: index, end: count, "<!--") {
                    end = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? count
                    output.bytes.append(contentsOf: Bytes(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
                end = tagEnd(bytes, from: index)
                output.bytes.append(contentsOf: Bytes(rebasing: bytes[index..<end]))
                let (name, closing) = tagName(bytes, from: index, to: end)
                let selfClosing = endsWithSlash(bytes, from: index, to: end)
                index = end
                if let until = verbatimUntil {
                    if closing, name == until { verbatimUntil = nil }
                    continue
                }
                if !closing, verbatimElements.contains(name), !selfClosing {
                    verbatimUntil = name
                } else if blockElements.contains(name) || name == "br" {
                    if closing || name == "br" || name == "li" || name == "p" { state.endBlock() }
                }
            }
            return output.string
        }
    }

    /// Whether the scalar before a tag's last one is `/` (`<svg/>`).
    private static func endsWithSlash(_ bytes: Bytes, from start: Int, to end: Int) -> Bool {
        let last = scalarStart(bytes, before: end)
        return last > start && bytes[last - 1] == UInt8(ascii: "/")
    }

    /// The index after a tag's `>`, past `>` inside quoted attribute values.
    private static func tagEnd(_ bytes: Bytes, from start: Int) -> Int {
        var index = start + 1
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    private static func tagName(_ bytes: Bytes, from start: Int, to end: Int) -> (String, closing: Bool) {
        var index = start + 1
        let closing = index < end && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        var hasUpper = false
        while index < end {
            let byte = bytes[index]
            if byte &- UInt8(ascii: "A") < 26 { hasUpper = true } else if !(byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10) { break }
            index += 1
        }
        let name = String(decoding: Bytes(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        return (hasUpper ? name.lowercased() : name, closing)
    }

    private static func find(_ bytes: Bytes, _ needle: StaticString, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if hasPrefix(bytes, at: index, end: bytes.count, needle) { return index }
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
