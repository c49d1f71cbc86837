import Foundation

/// Reads a content file as UTF-8 text, explaining the usual ways that fails.
enum SourceText {
    static func read(_ url: URL, relativePath: String) -> Result<String, Diagnostic> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(.error(SourceLocation(file: relativePath), LocalizedText(
                en: "cannot read the file: \(error.localizedDescription)",
                ru: "не удаётся прочитать файл: \(error.localizedDescription)")))
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let encoding = TextEncodingGuess.utf16or32(bytes) {
            return .failure(.error(SourceLocation(file: relativePath, line: 1, column: 1), TextEncodingGuess.message(encoding)))
        }
        let (blank, hasNUL) = bytes.withUnsafeBytes { raw in
            (raw.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 },
             raw.count > 0 && memchr(raw.baseAddress!, 0, raw.count) != nil)
        }
        if blank {
            return .failure(.error(SourceLocation(file: relativePath, line: 1, column: 1), LocalizedText(
                en: "the file is empty", ru: "файл пустой")))
        }
        if hasNUL {
            return .failure(.error(SourceLocation(file: relativePath, line: 1, column: 1), LocalizedText(
                en: "the file contains NUL bytes: it is not a text file", ru: "файл содержит нулевые байты: это не текстовый файл")))
        }
        // Validated from contiguous bytes: the same check over `Data`'s
        // generic iterator took as long as reading the file.
        let validated = bytes.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        guard let text = validated else {
            let (line, column) = firstInvalidUTF8(in: Array(bytes))
            return .failure(.error(SourceLocation(file: relativePath, line: line, column: column),
                                   TextEncodingGuess.message(TextEncodingGuess.eightBit(bytes))))
        }
        return .success(text)
    }

    /// Line and column (in characters) of the first byte that breaks UTF-8.
    private static func firstInvalidUTF8(in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  bytes[index + 1 ..< index + length].allSatisfy({ $0 >> 6 == 0b10 })
            else { return (line, column) }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }
}
