@testable import PraktikaKit
/// The typographic pass as it was before the byte-level rewrite (a scalar at a
/// time, over arrays of Unicode scalars), its algorithm kept unchanged as the
/// reference that TypographyFastPathTests holds the fast pass to; it reads the
/// same rule tables as the production pass.
///
/// Russian typographic rules for running text: no-break spaces where a line
/// must not break (after «г.», «ул.», «№», between initials and surname,
/// before a dash), the dash itself, and quotes «» with „“ inside them.
/// URLs and e-mail addresses in the text are left exactly as written.
enum TypographyReference {
    // The rule tables and character classes are the production ones: the
    // reference keeps the old algorithm, not a second copy of the data.
    static var noBreakSpace: Unicode.Scalar { RussianTypography.noBreakSpace }
    static var thinNoBreakSpace: Unicode.Scalar { RussianTypography.thinNoBreakSpace }
    static var boundAbbreviations: Set<String> { RussianTypography.boundAbbreviations }
    static var abbreviationKeys: Set<UInt64> { RussianTypography.abbreviationKeys }
    static var boundUnits: Set<String> { RussianTypography.boundUnits }
    static func key(of word: String) -> UInt64 { RussianTypography.key(of: word) }
    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar { RussianTypography.lowercased(scalar) }

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
        var state = State()
        var output = ReferenceOutput()
        apply(Array(text.unicodeScalars), state: &state, into: &output)
        return output.string
    }

    /// Typesets one run of text. `&quot;` is read as a straight quote, so that
    /// escaped HTML text can be passed as it is.
    static func apply(_ input: [Unicode.Scalar], state: inout State, into output: inout ReferenceOutput) {
        var index = 0
        let count = input.count
        func at(_ offset: Int) -> Unicode.Scalar? {
            let position = index + offset
            return position < count ? input[position] : nil
        }
        func emit(_ scalar: Unicode.Scalar) {
            output.append(scalar)
            state.digits = isDigit(scalar) ? state.digits + 1 : 0
            if isLetter(scalar) {
                if !isLetter(state.previous) {
                    state.wordLength = 0; state.wordKey = 0; state.wordRestLower = true
                    state.beforeWord = state.previous
                }
                if state.wordLength < 5 { state.wordKey |= UInt64(lowercased(scalar).value) << (12 * UInt64(state.wordLength)) }
                if state.wordLength == 0 { state.wordFirstUpper = isUpper(scalar) } else if isUpper(scalar) { state.wordRestLower = false }
                state.wordLength += 1
            } else {
                if scalar != "." { state.wordLength = 0 }
            }
            state.previous = scalar
        }
        while index < count {
            let scalar = input[index]
            // A URL or an address is copied as written, up to the next space.
            if isSpace(state.previous) || state.previous == "(" || state.previous == "<" || state.previous == ">",
               startsAddress(input, at: index) {
                while index < count, !isSpace(input[index]) { emit(input[index]); index += 1 }
                continue
            }
            if scalar == "&", hasPrefix(input, at: index, "&quot;") {
                var depth = state.quoteDepth
                let quote = quoteMark("\"", depth: &depth, previous: state.previous)
                state.quoteDepth = depth
                emit(quote)
                index += 6
                continue
            }
            switch scalar {
            case "\"", "«", "»", "„", "“", "”":
                var depth = state.quoteDepth
                let quote = quoteMark(scalar, depth: &depth, previous: state.previous)
                state.quoteDepth = depth
                emit(quote)
            case " ":
                let next = at(1)
                if let next, isDash(next), at(2).map(isSpace) ?? true, !isSpace(state.previous) {
                    // «слово - слово», «слово – слово» → «слово — слово», never starting a line.
                    emit(noBreakSpace); emit("—")
                    index += 2
                    continue
                }
                emit(bindsForward(state: state, next: next, after: at(2), afterThat: at(3)) ? noBreakSpace : " ")
            case "-" where state.joinsCompounds && isCyrillic(state.previous) && (at(1).map(isCyrillic) ?? false):
                emit("\u{2011}")
            case "%" where isDigit(state.previous):
                emit(noBreakSpace); emit("%")
            case "№":
                emit("№")
                if let next = at(1), isDigit(next) { emit(noBreakSpace) }
                if at(1) == " " { emit(noBreakSpace); index += 1 }
            default:
                emit(scalar)
            }
            index += 1
        }
    }

    /// Whether the space after what was written so far must not break.
    private static func bindsForward(state: State, next: Unicode.Scalar?, after: Unicode.Scalar?, afterThat: Unicode.Scalar?) -> Bool {
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
    private static func quoteMark(_ scalar: Unicode.Scalar, depth: inout Int, previous: Unicode.Scalar) -> Unicode.Scalar {
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

    private static func startsAddress(_ input: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < input.count, isASCIILetter(input[index]) else { return false }
        if hasPrefix(input, at: index, "http://") || hasPrefix(input, at: index, "https://")
            || hasPrefix(input, at: index, "www.") || hasPrefix(input, at: index, "mailto:") { return true }
        // An e-mail address (an @ before the next space), or a Latin token with
        // a dot or slash inside: a domain, a path, a file name.
        var position = index
        var dotOrSlash = false
        while position < input.count, !isSpace(input[position]) {
            let scalar = input[position]
            if scalar == "@" { return true }
            if !scalar.isASCII { return false }
            if (scalar == "." || scalar == "/"), position + 1 < input.count, !isSpace(input[position + 1]) { dotOrSlash = true }
            position += 1
        }
        return dotOrSlash
    }

    static func hasPrefix(_ input: [Unicode.Scalar], at index: Int, _ prefix: String) -> Bool {
        var position = index
        for scalar in prefix.unicodeScalars {
            guard position < input.count, input[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { RussianTypography.isSpace(scalar) }
    static func isDash(_ scalar: Unicode.Scalar) -> Bool { RussianTypography.isDash(scalar) }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { RussianTypography.isDigit(scalar) }
    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { RussianTypography.isASCIILetter(scalar) }
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { RussianTypography.isLetter(scalar) }
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool { RussianTypography.isUpper(scalar) }
    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { RussianTypography.isCyrillic(scalar) }
    static func isLower(_ scalar: Unicode.Scalar) -> Bool { RussianTypography.isLower(scalar) }
}

/// The typographic pass over HTML: only text between tags is changed; tags,
/// attributes (URLs among them), comments and the text of code, pre, script,
/// style and svg are copied as they are.
extension TypographyReference {
    static var verbatimElements: Set<String> { RussianTypography.verbatimElements }
    static var blockElements: Set<String> { RussianTypography.blockElements }

    static func html(_ html: String, joinsCompounds: Bool = false) -> String {
        let input = Array(html.unicodeScalars)
        var output = ReferenceOutput()
        output.bytes.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var state = State()
        state.joinsCompounds = joinsCompounds
        var text: [Unicode.Scalar] = []
        var verbatimUntil: String? = nil
        var index = 0
        func flushText() {
            guard !text.isEmpty else { return }
            if verbatimUntil == nil {
                apply(text, state: &state, into: &output)
            } else {
                output.appendEach(text)
            }
            text.removeAll(keepingCapacity: true)
        }
        while index < input.count {
            let scalar = input[index]
            guard scalar == "<" else { text.append(scalar); index += 1; continue }
            flushText()
            if hasPrefix(input, at: index, "<!--") {
                let end = find(input, "-->", from: index + 4).map { $0 + 3 } ?? input.count
                output.appendEach(input[index..<end])
                index = end
                continue
            }
            let end = tagEnd(input, from: index)
            let tag = input[index..<end]
            output.appendEach(tag)
            index = end
            let (name, closing) = tagName(tag)
            if let until = verbatimUntil {
                if closing, name == until { verbatimUntil = nil }
                continue
            }
            if !closing, verbatimElements.contains(name), tag.dropLast().last != "/" {
                verbatimUntil = name
            } else if blockElements.contains(name) || name == "br" {
                if closing || name == "br" || name == "li" || name == "p" { state.endBlock() }
            }
        }
        flushText()
        return output.string
    }

    /// The index after a tag's `>`, past `>` inside quoted attribute values.
    private static func tagEnd(_ input: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        var quote: Unicode.Scalar? = nil
        while index < input.count {
            let scalar = input[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index + 1
            }
            index += 1
        }
        return input.count
    }

    private static func tagName(_ tag: ArraySlice<Unicode.Scalar>) -> (String, closing: Bool) {
        var index = tag.startIndex + 1
        let closing = index < tag.endIndex && tag[index] == "/"
        if closing { index += 1 }
        var name = String.UnicodeScalarView()
        while index < tag.endIndex, isASCIILetter(tag[index]) || isDigit(tag[index]) {
            name.append(tag[index])
            index += 1
        }
        return (String(name).lowercased(), closing)
    }

    private static func find(_ input: [Unicode.Scalar], _ needle: String, from start: Int) -> Int? {
        var index = start
        while index < input.count {
            if hasPrefix(input, at: index, needle) { return index }
            index += 1
        }
        return nil
    }
}

/// The pass's output as UTF-8 bytes: appending a scalar to a String costs a
/// dozen calls (validation, counts, flags) and was most of the pass's time.
struct ReferenceOutput {
    var bytes: [UInt8] = []

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            bytes.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    mutating func appendEach<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { append(scalar) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
