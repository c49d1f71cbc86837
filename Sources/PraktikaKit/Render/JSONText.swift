/// A small JSON writer for the view's own data (JSON-LD, the catalog index).
/// Foundation's JSONSerialization took a tenth of a build's time on Linux.
/// `<`, `>` and `&` are written as \u escapes, so the text is safe inside `<script>`.
enum JSONText {
    static func encode(_ value: Any?) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any?, into out: inout String) {
        switch value {
        case nil, is NSNullLike:
            out += "null"
        case let string as String:
            writeString(string, into: &out)
        case let bool as Bool:
            out += bool ? "true" : "false"
        case let int as Int:
            out += String(int)
        case let double as Double:
            out += double.isFinite ? String(double) : "null"
        case let dictionary as [String: Any]:
            out += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                writeString(key, into: &out)
                out += ":"
                write(dictionary[key], into: &out)
            }
            out += "}"
        case let array as [Any]:
            out += "["
            for (index, element) in array.enumerated() {
                if index > 0 { out += "," }
                write(element, into: &out)
            }
            out += "]"
        case let optional as OptionalProtocol where optional.isNone:
            out += "null"
        default:
            writeString(String(describing: value!), into: &out)
        }
    }

    /// Copies runs of bytes that need no escape in one piece: strings here
    /// are mostly Cyrillic, and going scalar by scalar cost more than the rest.
    private static func writeString(_ string: String, into out: inout String) {
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

private protocol NSNullLike {}
