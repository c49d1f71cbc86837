/// JSON strings for the view's own data (JSON-LD, the catalog index), written
/// by hand: Foundation's JSONSerialization took a tenth of a build's time on
/// Linux. `<`, `>` and `&` are written as \u escapes, so the text is safe
/// inside `<script>`.
enum JSONText {
    /// Copies runs of bytes that need no escape in one piece: strings here
    /// are mostly Cyrillic, and going scalar by scalar cost more than the rest.
    static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            func flush(upTo end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var escape: StaticString?
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0..<0x20:
                    flush(upTo: index)
                    let hex: StaticString = "0123456789abcdef"
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex.utf8Start[Int(byte >> 4)]); out.append(hex.utf8Start[Int(byte & 0xF)])
                    runStart = index + 1
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    break
                }
                if let escape {
                    flush(upTo: index)
                    out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                    runStart = index + length
                }
                index += length
            }
            flush(upTo: bytes.count)
        }
        out.append(UInt8(ascii: "\""))
    }
}


/// A JSON value built with its types (JSON-LD, the catalog index), so writing it
/// needs no casts. Object keys are written sorted; a nil value is left out.
enum JSONValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case int(Int)
    /// A finite number, written with at most three decimals.
    case number(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue?)...) {
        var object: [String: JSONValue] = [:]
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }

    static func text(_ value: String?) -> JSONValue? { value.map { .string($0) } }

    /// Written as bytes and made a String once: appending many short
    /// Strings checked each piece's UTF-8 again.
    var text: String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .string(let string):
            JSONText.writeString(string, into: &out)
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        case .number(let number):
            let rounded = (number * 1000).rounded() / 1000
            guard rounded.isFinite else { out.append(contentsOf: "null".utf8); break }
            out.append(contentsOf: (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)).utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                element.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (index, element) in object.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.writeString(element.key, into: &out)
                out.append(UInt8(ascii: ":"))
                element.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
