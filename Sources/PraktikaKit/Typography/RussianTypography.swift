/// Russian typographic rules for running text: no-break spaces where a line
/// must not break (after «г.», «ул.», «№», between initials and surname,
/// before a dash), the dash itself, and quotes «» with „“ inside them.
/// URLs and e-mail addresses in the text are left exactly as written.
enum RussianTypography {
    static let noBreakSpace: Unicode.Scalar = "\u{00A0}"
    /// Groups the thousands of a number (GOST: a thin space that does not break).
    static let thinNoBreakSpace: Unicode.Scalar = "\u{202F}"

    /// Abbreviations that bind to the word or number after them.
    static let boundAbbreviations: Set<String> = [
        "г", "гг", "ул", "пос", "пст", "п", "с", "д", "дер", "им", "пр", "просп", "пер", "пл", "корп", "стр",
        "кв", "обл", "респ", "р", "рис", "табл", "см", "т", "ст", "гл", "ч", "разд", "тел", "каб",
    ]
    static let abbreviationKeys: Set<UInt64> = Set(boundAbbreviations.map { key(of: $0) })

    /// The packed form of a word's first five letters, as `State.wordKey`.
    static func key(of word: String) -> UInt64 {
        var key: UInt64 = 0
        for (index, scalar) in word.unicodeScalars.prefix(5).enumerated() {
            key |= UInt64(lowercased(scalar).value) << (12 * UInt64(index))
        }
        return key
    }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x41...0x5A, 0x410...0x42F: return Unicode.Scalar(scalar.value + 0x20)!
        case 0x401: return "ё"
        default: return scalar
        }
    }

    /// Units that bind to the number before them: «2023 г.», «15 чел.».
    static let boundUnits: Set<String> = ["г", "гг", "чел", "руб", "тыс", "млн", "млрд", "ч", "мин", "км", "кг", "шт", "с", "стр", "раз", "ед"]

    /// One document's state across its text nodes: quotes open in one node close in another.
    struct State {
        var quoteDepth = 0
        /// Digits of the number that ends at `previous`: «2023 г.» is a year, «№ 1 г. Емвы» a town.
        var digits = 0
        /// Print only: a hyphen inside a word becomes U+2011, so that a compound
        /// word («онлайн-встреча») never ends a line, and so never a page, with a hyphen.
        var joinsCompounds = false
        var previous: Unicode.Scalar = " "
        /// The word that ends at `previous` (length 0 when `previous` is not a
        /// letter): its length, its first five letters lower-cased and packed
        /// (`wordKey`), and its case. An array of letters cost an append per letter.
        var wordLength = 0
        var wordKey: UInt64 = 0
        var wordFirstUpper = false
        var wordRestLower = true
        /// The character before that word began.
        var beforeWord: Unicode.Scalar = " "
        /// A run copied as it is whose word state is not read yet: its bounds
        /// and the scalar before it (see `RussianTypography.settleWord`).
        var pendingWord: (start: Int, end: Int, before: Unicode.Scalar)? = nil

        /// What writing `scalar` tells: the digits and the word that end at it.
        mutating func note(_ scalar: Unicode.Scalar) {
            digits = isDigit(scalar) ? digits + 1 : 0
            if isLetter(scalar) {
                noteLetter(scalar, after: previous)
            } else if scalar != "." {
                wordLength = 0
            }
            previous = scalar
        }

        /// A letter written after `before`: it starts a word or continues one.
        @inline(__always)
        mutating func noteLetter(_ scalar: Unicode.Scalar, after before: Unicode.Scalar) {
            if !isLetter(before) {
                wordLength = 0; wordKey = 0; wordRestLower = true
                beforeWord = before
            }
            if wordLength < 5 { wordKey |= UInt64(lowercased(scalar).value) << (12 * UInt64(wordLength)) }
            if wordLength == 0 { wordFirstUpper = isUpper(scalar) } else if isUpper(scalar) { wordRestLower = false }
            wordLength += 1
        }

        /// A paragraph, list item or cell ends: an unbalanced quote does not leak into the next one.
        mutating func endBlock() {
            quoteDepth = 0
            previous = " "
            wordLength = 0
            beforeWord = " "
        }
    }

    /// Typesets plain text (no markup).
    static func text(_ text: String) -> String {
        var source = text
        return source.withUTF8 { bytes in
            var state = State()
            var output = UTF8Output()
            output.bytes.reserveCapacity(bytes.count + 16)
            apply(bytes, from: 0, to: bytes.count, state: &state, into: &output)
            return output.string
        }
    }

    /// Whether the space after what was written so far must not break.
    static func bindsForward(state: State, next: Unicode.Scalar?, after: Unicode.Scalar?, afterThat: Unicode.Scalar?) -> Bool {
        guard let next, !isSpace(next) else { return false }
        if state.previous == "." {
            // «г. Емва», «ул. Школьная»: a known abbreviation as a whole word.
            if state.wordLength > 0, state.wordLength <= 5, !state.wordFirstUpper, !isLetter(state.beforeWord),
               abbreviationKeys.contains(state.wordKey) {
                return true
            }
            // «А. Ларионова», «О. В. Котлярова»: a single capital and a dot.
            if state.wordLength == 1, state.wordFirstUpper, !isLetter(state.beforeWord), isUpper(next) { return true }
        }
        if state.previous == "№" { return true }
        // «Ларионова А.»: a capitalised word before an initial.
        if isUpper(next), after == ".", !(afterThat.map(isLetter) ?? false), state.wordLength > 1, state.wordFirstUpper,
           state.wordRestLower {
            return true
        }
        // «2023 г.», «15 чел.», «74 %».
        if isDigit(state.previous) {
            if next == "%" { return true }
            if isLower(next) {
                // Only a unit from the list, read up to its dot or the word's end.
                return unitFollows(next: next, after: after, afterThat: afterThat, year: state.digits == 4)
            }
        }
        return false
    }

    private static func unitFollows(next: Unicode.Scalar, after: Unicode.Scalar?, afterThat: Unicode.Scalar?, year: Bool) -> Bool {
        // Short look-ahead: a one- or two-letter unit («г.», «гг.», «ч», «с.»), the longer ones by their first letters.
        var letters: [Unicode.Scalar] = [next]
        if let after, isLetter(after) {
            letters.append(after)
            if let afterThat, isLetter(afterThat) { return ["чел", "руб", "тыс", "млн", "млр", "мин", "раз"].contains(String(String.UnicodeScalarView(letters + [afterThat]))) }
        }
        let end = letters.count == 1 ? after : afterThat
        guard end.map({ !isLetter($0) }) ?? true else { return false }
        let unit = String(String.UnicodeScalarView(letters))
        if unit == "г" || unit == "гг" { return year }
        return boundUnits.contains(unit)
    }

    /// Quotes by nesting: «…„…“…». A straight or English quote opens after a
    /// space or an opening bracket and closes otherwise.
    static func quoteMark(_ scalar: Unicode.Scalar, depth: inout Int, previous: Unicode.Scalar) -> Unicode.Scalar {
        let opens: Bool
        switch scalar {
        case "«", "„": opens = true
        case "»": opens = false
        default: opens = isSpace(previous) || "([{—–-/«„".unicodeScalars.contains(previous)
        }
        if opens {
            depth += 1
            return depth == 1 ? "«" : "„"
        }
        guard depth > 0 else { return scalar == "\"" || scalar == "”" ? "»" : scalar }
        depth -= 1
        return depth == 0 ? "»" : "“"
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == noBreakSpace || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == thinNoBreakSpace
    }
    static func isDash(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == "–" || scalar == "—" }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || ("\u{0400}"..."\u{04FF}").contains(scalar)
    }
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("\u{0410}"..."\u{042F}").contains(scalar) || scalar == "Ё"
    }
    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { ("\u{0400}"..."\u{04FF}").contains(scalar) }
    static func isLower(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) && !isUpper(scalar) }
}
