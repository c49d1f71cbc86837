/// The typographic rules applied to UTF-8 bytes. Most of a text is runs of
/// letters and digits that no rule changes: such a run is copied in one go and
/// only its end is read to update the state (the digits and the word that end
/// there). The few bytes a rule starts at, and the first letter after a space
/// or bracket (an address may start there), go through the rules one scalar at
/// a time. The result is the same as applying the rules to every scalar
/// (TypographyFastPathTests holds it to the scalar-by-scalar reference).
extension RussianTypography {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// ASCII bytes (all below 64) a rule starts at, or after which an address may start:
    /// tab, line feed, carriage return, space, `"`, `%`, `&`, `(`, `-`, `<`, `>`.
    private static let asciiTriggers: UInt64 = {
        var mask: UInt64 = 0
        for byte in [9, 10, 13, 32, 34, 37, 38, 40, 45, 60, 62] as [UInt64] { mask |= 1 << byte }
        return mask
    }()

    /// Whether a scalar starting with `byte` may need a rule. 0xC2 leads U+0080–U+00BF
    /// (« » and the no-break space), 0xE2 leads U+2000–U+2FFF („ “ ” № and the thin space).
    @inline(__always)
    private static func isTrigger(_ byte: UInt8, _ mask: UInt64) -> Bool {
        byte < 64 ? (mask >> UInt64(byte)) & 1 == 1 : (byte == 0xC2 || byte == 0xE2)
    }

    /// The scalar that starts at `index` and its length in bytes (the input is valid UTF-8).
    @inline(__always)
    static func scalar(_ bytes: Bytes, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        if lead < 0xE0 {
            return (Unicode.Scalar((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)).unsafelyUnwrapped, 2)
        }
        if lead < 0xF0 {
            let value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return (Unicode.Scalar(value).unsafelyUnwrapped, 3)
        }
        let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        return (Unicode.Scalar(value).unsafelyUnwrapped, 4)
    }

    /// The start of the scalar that ends just before `index`.
    @inline(__always)
    static func scalarStart(_ bytes: Bytes, before index: Int) -> Int {
        var start = index - 1
        while bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Typesets the text in `bytes[start..<end]` (no tags; a scalar never crosses
    /// either bound). `&quot;` is read as a straight quote, so that escaped HTML
    /// text can be passed as it is.
    static func apply(_ bytes: Bytes, from start: Int, to end: Int, state: inout State, into output: inout UTF8Output) {
        let mask = asciiTriggers
        var index = start
        func at(_ position: Int) -> (Unicode.Scalar, Int)? { position < end ? scalar(bytes, at: position) : nil }
        func emit(_ scalar: Unicode.Scalar) {
            output.append(scalar)
            state.note(scalar)
        }
        while index < end {
            let byte = bytes[index]
            let afterBreak = isSpace(state.previous) || state.previous == "(" || state.previous == "<" || state.previous == ">"
            // After a space or bracket an address may start, but only at a Latin letter.
            if !isTrigger(byte, mask), !afterBreak || !(byte &- UInt8(ascii: "A") < 26 || byte &- UInt8(ascii: "a") < 26) {
                // A run never stops inside a scalar (it stops at a byte below 64 or a
                // lead byte), and no scalar inside it is one an address may follow
                // (those are all triggers).
                var runEnd = index + 1
                while runEnd < end, !isTrigger(bytes[runEnd], mask) { runEnd += 1 }
                copy(bytes, from: index, to: runEnd, state: &state, into: &output)
                index = runEnd
                continue
            }
            if state.pendingWord != nil { settleOrDropWord(bytes, at: index, end: end, state: &state) }
            // A URL or an address is copied as written, up to the next space.
            if afterBreak, startsAddress(bytes, at: index, end: end) {
                var addressEnd = index
                while addressEnd < end {
                    let (next, length) = scalar(bytes, at: addressEnd)
                    if isSpace(next) { break }
                    addressEnd += length
                }
                copy(bytes, from: index, to: addressEnd, state: &state, into: &output)
                index = addressEnd
                continue
            }
            if byte == UInt8(ascii: "&"), hasPrefix(bytes, at: index, end: end, "&quot;") {
                var depth = state.quoteDepth
                let quote = quoteMark("\"", depth: &depth, previous: state.previous)
                state.quoteDepth = depth
                emit(quote)
                index += 6
                continue
            }
            let (current, length) = scalar(bytes, at: index)
            switch current {
            case "\"", "«", "»", "„", "“", "”":
                var depth = state.quoteDepth
                let quote = quoteMark(current, depth: &depth, previous: state.previous)
                state.quoteDepth = depth
                emit(quote)
            case " ":
                let next = at(index + 1)
                let after = next.flatMap { at(index + 1 + $0.1) }
                if let next, isDash(next.0), after.map({ isSpace($0.0) }) ?? true, !isSpace(state.previous) {
                    // «слово - слово», «слово – слово» → «слово — слово», never starting a line.
                    emit(noBreakSpace); emit("—")
                    index += 1 + next.1
                    continue
                }
                let afterThat = after.flatMap { at(index + 1 + next!.1 + $0.1) }
                emit(bindsForward(state: state, next: next?.0, after: after?.0, afterThat: afterThat?.0) ? noBreakSpace : " ")
            case "-" where state.joinsCompounds && isCyrillic(state.previous) && (at(index + 1).map { isCyrillic($0.0) } ?? false):
                emit("\u{2011}")
            case "%" where isDigit(state.previous):
                emit(noBreakSpace); emit("%")
            case "№":
                emit("№")
                let next = at(index + length)?.0
                if let next, isDigit(next) { emit(noBreakSpace) }
                if next == " " { emit(noBreakSpace); index += 1 }
            default:
                emit(current)
            }
            index += length
        }
        // The word may go on in the next text node («<em>г</em>. Емва»).
        settleWord(bytes, state: &state)
    }

    /// Before the rules at `index` run: the pending word's state is needed only
    /// when a letter or a dot continues it, or when a space's rule reads it (after
    /// a dot, or before an initial: «Ларионова А.»). Otherwise the scalar at
    /// `index` ends the word, and writing it sets the word's length to 0.
    private static func settleOrDropWord(_ bytes: Bytes, at index: Int, end: Int, state: inout State) {
        let (current, length) = scalar(bytes, at: index)
        var needed = isLetter(current) || current == "."
        if current == " ", !needed {
            needed = state.previous == "."
            if !needed, index + length < end {
                let (next, nextLength) = scalar(bytes, at: index + length)
                needed = isUpper(next) && index + length + nextLength < end && bytes[index + length + nextLength] == UInt8(ascii: ".")
            }
        }
        if needed { settleWord(bytes, state: &state) } else { state.pendingWord = nil }
    }

    /// Copies `bytes[start..<end]` as they are and updates the state as writing
    /// them scalar by scalar would. The word that ends there is only noted as a
    /// range (`pendingWord`): most words are followed by a space that ends them
    /// unread, and `settleWord` reads the few that a rule needs.
    private static func copy(_ bytes: Bytes, from start: Int, to end: Int, state: inout State, into output: inout UTF8Output) {
        guard start < end else { return }
        if state.pendingWord != nil { settleWord(bytes, state: &state) }
        output.bytes.append(contentsOf: Bytes(rebasing: bytes[start..<end]))
        // Digits are single bytes: count those at the end.
        var digitStart = end
        while digitStart > start, bytes[digitStart - 1] &- 0x30 < 10 { digitStart -= 1 }
        state.digits = digitStart == start ? state.digits + (end - start) : end - digitStart
        state.pendingWord = (start, end, state.previous)
        state.previous = scalar(bytes, at: scalarStart(bytes, before: end)).0
    }

    /// Sets the word state as writing the pending run scalar by scalar would have.
    static func settleWord(_ bytes: Bytes, state: inout State) {
        guard let (start, end, previousBefore) = state.pendingWord else { return }
        state.pendingWord = nil
        // A dot keeps the word before it («г.»); anything else but a letter ends it.
        var wordEnd = end
        while wordEnd > start, bytes[wordEnd - 1] == UInt8(ascii: ".") { wordEnd -= 1 }
        guard wordEnd > start else { return }
        let lastStart = scalarStart(bytes, before: wordEnd)
        guard isLetter(scalar(bytes, at: lastStart).0) else { state.wordLength = 0; return }
        var wordStart = lastStart
        var before = previousBefore
        while wordStart > start {
            let previousStart = scalarStart(bytes, before: wordStart)
            let previous = scalar(bytes, at: previousStart).0
            if !isLetter(previous) { before = previous; break }
            wordStart = previousStart
        }
        var position = wordStart
        while position < wordEnd {
            let (letter, length) = scalar(bytes, at: position)
            state.noteLetter(letter, after: before)
            before = letter
            position += length
        }
    }

    /// Whether an address starts at `index`: a URL, an e-mail address (an @
    /// before the next space), or a Latin token with a dot or slash inside
    /// (a domain, a path, a file name).
    private static func startsAddress(_ bytes: Bytes, at index: Int, end: Int) -> Bool {
        guard index < end, isASCIILetter(Unicode.Scalar(bytes[index])) else { return false }
        if hasPrefix(bytes, at: index, end: end, "http://") || hasPrefix(bytes, at: index, end: end, "https://")
            || hasPrefix(bytes, at: index, end: end, "www.") || hasPrefix(bytes, at: index, end: end, "mailto:") { return true }
        var position = index
        var dotOrSlash = false
        while position < end {
            let byte = bytes[position]
            if byte >= 0x80 {
                // Not ASCII: the token ends at a no-break space; any other letter is no address.
                if isSpace(scalar(bytes, at: position).0) { break }
                return false
            }
            if isSpace(Unicode.Scalar(byte)) { break }
            if byte == UInt8(ascii: "@") { return true }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/"), position + 1 < end,
               !isSpace(scalar(bytes, at: position + 1).0) { dotOrSlash = true }
            position += 1
        }
        return dotOrSlash
    }

    /// Whether the ASCII `prefix` starts at `index`.
    static func hasPrefix(_ bytes: Bytes, at index: Int, end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard end - index >= count else { return false }
        let start = prefix.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        return true
    }
}
