/// JSON strings for the view's own data (JSON-LD, the catalog index), written
/// by hand: Foundation's JSONSerialization took a tenth of a build's time on
/// Linux. `<`, `>` and `&` are written as \u escapes, so the text is safe
/// inside `<script>`.
enum JSONText {
    /// Copies runs of bytes that need no escape in one piece: strings here
    /// are mostly Cyrillic, and going scalar by scalar cost more than the rest.
    static func writeString(_ string: String, into out: inout String) {
        out += "\""
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            func flush(upTo end: Int) {
                if end > runStart { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self) }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var escape: String?
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
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    break
                }
                if let escape {
                    flush(upTo: index)
                    out += escape
                    runStart = index + length
                }
                index += length
            }
            flush(upTo: bytes.count)
        }
        out += "\""
    }
}


/// A JSON value built with its types (JSON-LD, the catalog index), so writing it
/// needs no casts. Object keys are written sorted; a nil value is left out.
enum JSONValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case int(Int)
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

    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .string(let string):
            JSONText.writeString(string, into: &out)
        case .int(let number):
            out += String(number)
        case .bool(let flag):
            out += flag ? "true" : "false"
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.write(into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                JSONText.writeString(key, into: &out)
                out += ":"
                object[key]!.write(into: &out)
            }
            out += "}"
        }
    }
}
