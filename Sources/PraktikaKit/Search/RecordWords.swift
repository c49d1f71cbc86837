import Foundation

/// The words of a record, read over its bytes: the same words as
/// `SearchWords.tokens` of `SearchVocabulary.visibleText`, which is the
/// reference this is tested against, without making a String of the text or
/// of each word. Swift hashes a String by its normalised form, which for
/// Russian cost more than rendering the pages.
enum RecordWords {
    /// Each distinct word of `ranges` of the HTML once, or nil when the text
    /// has a character outside Russian, ASCII and typeset punctuation (the
    /// caller reads it the reference way).
    static func distinct(_ html: UnsafeRawBufferPointer, _ ranges: [Range<Int>]) -> WordTable? {
        var table = WordTable()
        var word: [UInt8] = [], letters = 0, digitsOnly = true
        var inTag = false, inTarget = false, previous = UInt8(ascii: " ")
        word.reserveCapacity(64)
        func flush() {
            // Numbers count at any length: «СОШ № 2» must find school 2 and nothing else.
            if letters >= 3 || (letters > 0 && digitsOnly) { word.withUnsafeBufferPointer { _ = table.insert($0) } }
            word.removeAll(keepingCapacity: true); letters = 0; digitsOnly = true
        }
        func separator() { flush(); previous = UInt8(ascii: " ") }
        for range in ranges {
            // A range starts after an element, never inside a tag.
            inTag = false
            var at = range.lowerBound
            let end = range.upperBound
            while at < end {
                let byte = html[at]
                if inTag {
                    if byte == UInt8(ascii: ">") { inTag = false; separator() }
                    at += 1
                    continue
                }
                if byte == UInt8(ascii: "<") { inTag = true; at += 1; continue }
                if byte == UInt8(ascii: "&"), let after = SearchVocabulary.referenceEnd(html, from: at + 1, to: end) {
                    separator()
                    at = after
                    continue
                }
                // A Markdown link's target, `](…)`, as `SearchWords.tokens` skips it.
                if inTarget {
                    if byte == UInt8(ascii: ")") { inTarget = false }
                    previous = byte
                    at += 1
                    continue
                }
                if byte == UInt8(ascii: "("), previous == UInt8(ascii: "]") { inTarget = true; previous = byte; at += 1; continue }
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte); letters += 1
                    case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(byte); letters += 1; digitsOnly = false
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 0x20); letters += 1; digitsOnly = false
                    default: flush()
                    }
                    previous = byte
                    at += 1
                    continue
                }
                // Two- and three-byte characters; a four-byte one (an emoji) is read the reference way.
                guard byte >= 0xC2, byte < 0xF0 else { return nil }
                let length = byte >= 0xE0 ? 3 : 2
                guard at + length <= end else { return nil }
                var scalar = UInt32(byte & (length == 2 ? 0x1F : 0x0F))
                for next in html[(at + 1)..<(at + length)] {
                    guard next & 0xC0 == 0x80 else { return nil }
                    scalar = (scalar << 6) | UInt32(next & 0x3F)
                }
                if let lower = russianLower(scalar) {
                    word.append(UInt8(0xC0 | (lower >> 6))); word.append(UInt8(0x80 | (lower & 0x3F)))
                    letters += 1; digitsOnly = false
                } else if isSeparator(scalar) {
                    flush()
                } else {
                    return nil
                }
                previous = html[at + length - 1]
                at += length
            }
            separator()
        }
        return table
    }

    /// The lower-case letter of a Russian one, «ё» folded to «е», or nil.
    private static func russianLower(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x401, 0x451: return 0x435
        case 0x410...0x42F: return scalar + 0x20
        case 0x430...0x44F: return scalar
        default: return nil
        }
    }

    /// A character that is no part of a word wherever it stands: neither a
    /// letter nor a number, nor a mark or format character that would join
    /// the letter before it into one Character (« » · − → ✓ …).
    private static func isSeparator(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        guard !properties.isAlphabetic, properties.numericType == nil else { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .surrogate, .privateUse, .unassigned: return false
        default: return true
        }
    }
}

/// Words as UTF-8 bytes, each stored once and numbered in order of arrival;
/// found by a 64-bit hash of their bytes, compared byte for byte.
struct WordTable {
    private(set) var bytes: [UInt8] = []
    private(set) var spans: [Range<Int>] = []
    private var byHash: [UInt64: Int] = [:]
    /// Further words whose hash an earlier word already has: in practice none.
    private var sameHash: [Int: [Int]] = [:]

    var count: Int { spans.count }

    /// The word's number, and whether it was new.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        let hash = Self.hash(word)
        guard let first = byHash[hash] else {
            byHash[hash] = spans.count
            return (append(word), true)
        }
        if equals(first, word) { return (first, false) }
        for other in sameHash[first] ?? [] where equals(other, word) { return (other, false) }
        let index = append(word)
        sameHash[first, default: []].append(index)
        return (index, true)
    }

    func withWord<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[spans[index]])) }
    }

    /// Byte order, which for UTF-8 is the order of the code points, and so of the Strings.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        bytes[spans[a]].lexicographicallyPrecedes(bytes[spans[b]])
    }

    func string(_ index: Int) -> String {
        String(decoding: bytes[spans[index]], as: UTF8.self)
    }

    private mutating func append(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        spans.append(bytes.count..<(bytes.count + word.count))
        bytes.append(contentsOf: word)
        return spans.count - 1
    }

    private func equals(_ index: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[index]
        guard span.count == word.count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + span.lowerBound, word.baseAddress!, word.count) == 0 }
    }

    /// FNV-1a: short keys, and the table compares bytes anyway.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
