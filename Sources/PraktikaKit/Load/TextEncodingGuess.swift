import Foundation

/// Names the encoding a file that is not UTF-8 was probably saved in, so the
/// author knows what to choose in «Save as…» or to give to `iconv`.
enum TextEncodingGuess {
    enum Encoding {
        case utf16LE, utf16BE, utf32, windows1251, koi8r, cp866, unknown

        var name: String {
            switch self {
            case .utf16LE, .utf16BE: return "UTF-16"
            case .utf32: return "UTF-32"
            case .windows1251: return "Windows-1251"
            case .koi8r: return "KOI8-R"
            case .cp866: return "DOS (CP866)"
            case .unknown: return ""
            }
        }

        var iconvName: String {
            switch self {
            case .utf16LE: return "utf-16le"
            case .utf16BE: return "utf-16be"
            case .utf32: return "utf-32"
            case .windows1251, .unknown: return "cp1251"
            case .koi8r: return "koi8-r"
            case .cp866: return "cp866"
            }
        }
    }

    /// UTF-16 or UTF-32, by the byte order mark or by the zero bytes between ASCII letters.
    static func utf16or32(_ bytes: Data.SubSequence) -> Encoding? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        let head = Array(bytes.prefix(64))
        guard head.count >= 8 else { return nil }
        let evenZeros = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let oddZeros = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        if oddZeros > head.count / 4 && evenZeros == 0 { return .utf16LE }
        if evenZeros > head.count / 4 && oddZeros == 0 { return .utf16BE }
        return nil
    }

    /// An 8-bit Cyrillic code page, by where its frequent lower-case letters fall.
    static func eightBit(_ bytes: Data.SubSequence) -> Encoding {
        var counts = [Int](repeating: 0, count: 8)  // 0x80, 0x90, … 0xF0
        for byte in bytes where byte >= 0x80 { counts[Int(byte >> 4) - 8] += 1 }
        let total = counts.reduce(0, +)
        guard total > 0 else { return .unknown }
        let windowsLower = counts[6] + counts[7]      // а–я at 0xE0–0xFF
        let koiLower = counts[4] + counts[5]          // а–я at 0xC0–0xDF
        let dosLower = counts[2] + counts[6]          // а–п at 0xA0–0xAF, р–я at 0xE0–0xEF
        if counts[2] > total / 4 && dosLower >= windowsLower { return .cp866 }
        if koiLower > windowsLower { return .koi8r }
        return .windows1251
    }

    static func message(_ encoding: Encoding) -> LocalizedText {
        let command = "iconv -f \(encoding.iconvName) -t utf-8"
        if encoding == .utf16LE || encoding == .utf16BE || encoding == .utf32 {
            return LocalizedText(
                en: "the file is saved in \(encoding.name), not UTF-8 (Notepad calls it «Unicode»); save it as UTF-8, e.g. `\(command) in.md > out.md`",
                ru: "файл сохранён в кодировке \(encoding.name), а нужна UTF-8 (в «Блокноте» \(encoding.name) называется «Юникод»). Откройте файл и выберите «Сохранить как… → Кодировка: UTF-8» или выполните `\(command) старый.md > новый.md`")
        }
        let guess = encoding == .unknown ? "" : " (it looks like \(encoding.name))"
        let guessRU = encoding == .unknown ? "" : " (похоже на \(encoding.name))"
        return LocalizedText(
            en: "the file is not UTF-8 text\(guess); save it as UTF-8, e.g. `\(command) in.md > out.md`",
            ru: "файл не в кодировке UTF-8\(guessRU); сохраните его в UTF-8, например: `\(command) старый.md > новый.md`")
    }
}
