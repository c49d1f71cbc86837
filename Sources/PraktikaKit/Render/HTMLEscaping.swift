import Mustache

/// HTML escaping for templates, byte by byte. swift-mustache's own escaper
/// walks Characters through a dictionary, which dominated page rendering;
/// this one returns the string untouched when nothing needs escaping, as is
/// the case for most text. Registered as a content type that every template
/// of a theme is switched to.
struct FastHTMLContentType: MustacheContentType {
    static let name = "praktika-html"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    static func register() {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
    }

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        func isSpecial(_ byte: UInt8) -> Bool {
            // All five are below 0x3F; most bytes of Cyrillic text are not.
            byte < 0x3F && (byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27)
        }
        // A forbidden character is asked about as a whole sequence: its lead
        // bytes also start « », the no-break space and other common text.
        func needsWork<C: RandomAccessCollection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
            bytes.contains(where: isSpecial) || OutputText.firstForbidden(bytes) != nil
        }
        let needs = text.utf8.withContiguousStorageIfAvailable { needsWork($0) } ?? needsWork(Array(text.utf8))
        guard needs else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if OutputText.isForbiddenLead(byte) {
                let length = OutputText.forbiddenLength(bytes, at: index - 1)
                if length > 0 { index += length - 1; continue }
            }
            switch byte {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
