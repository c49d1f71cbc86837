import Foundation

/// Characters that are not allowed in HTML or XML text: C0 controls other
/// than tab, line feed and carriage return, DEL, C1 controls and the
/// noncharacters U+FFFE and U+FFFF. YAML lets authors write them (`"\x01"`,
/// `"\0"`); they are dropped wherever text is escaped, and once more from
/// every HTML and XML file as it is written, so no feed or page is ever
/// malformed because of them.
enum OutputText {
    @inline(__always)
    static func isForbiddenLead(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xEF
    }

    /// The length of a forbidden sequence starting at `index`, or 0.
    @inline(__always)
    static func forbiddenLength<C: RandomAccessCollection>(_ bytes: C, at index: C.Index) -> Int where C.Element == UInt8, C.Index == Int {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0 : 1 }
        if byte == 0x7F { return 1 }
        if byte == 0xC2, index + 1 < bytes.endIndex, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
        if byte == 0xEF, index + 2 < bytes.endIndex, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF { return 3 }
        return 0
    }

    static func scrub(_ data: Data) -> Data {
        // The usual case, no such character, costs one pass and no copy.
        guard data.withUnsafeBytes({ firstForbidden($0) }) != nil else { return data }
        let bytes = [UInt8](data)
        guard let first = firstForbidden(bytes) else { return data }
        var out = Array(bytes[..<first])
        out.reserveCapacity(bytes.count)
        var index = first
        while index < bytes.count {
            let length = forbiddenLength(bytes, at: index)
            if length > 0 { index += length } else { out.append(bytes[index]); index += 1 }
        }
        return Data(out)
    }

    static func scrub(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard firstForbidden(bytes) != nil else { return text }
        return String(decoding: scrub(Data(bytes)), as: UTF8.self)
    }

    static func firstForbidden<C: RandomAccessCollection>(_ bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if isForbiddenLead(bytes[index]), forbiddenLength(bytes, at: index) > 0 { return index }
            index += 1
        }
        return nil
    }

    /// Files whose text must be valid HTML or XML.
    static func isMarkup(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".svg")
    }
}
