import Foundation

/// The words of the lean records, read as they are written: exactly the text
/// Pagefind indexes (the graph's texts miss plan items, people's roles,
/// registers), and which bundles hold each word. Pagefind widens a word that
/// a bundle lacks to the longest prefix that bundle has, so on a site of
/// several bundles the search page asks a bundle only for the words it holds;
/// the word lists carry each word's bundles for that.
final class SearchVocabulary: @unchecked Sendable {
    let shards: Int
    /// Counts per word: one per shard for its pages unchanged since their
    /// bundle was indexed, then one per shard for its others. Which bundle
    /// the others' words belong to is known only once the build has decided
    /// which bundles it keeps (`SearchIndexPlan`). Counts, not bits, so that
    /// a page rendered again can take its previous words away (`subtract`)
    /// from the counts the previous build left (`SearchWordState`).
    private let slots: Int
    private let state = Locked(State())

    private struct State {
        var words = WordTable()
        /// Word × slot: how many pages hold the word.
        var counts: [UInt32] = []
    }

    init(shards: Int) {
        self.shards = max(1, shards)
        slots = 2 * self.shards
    }

    /// Adds the words of a record's text in `ranges` (the indexed element,
    /// without the ignored blocks Pagefind still reads meta from); `changed`:
    /// the page's record differs from the one its shard's bundle indexed.
    func add(_ record: Data, _ ranges: [Range<Int>], shard: Int, changed: Bool = true) {
        _ = count(record, ranges, slot: slot(shard, changed), by: 1)
    }

    /// Takes away the words of a page's previous record, counted in the
    /// previous build's state; false when one of them was not counted there.
    func subtract(_ record: Data, _ ranges: [Range<Int>], shard: Int, changed: Bool) -> Bool {
        count(record, ranges, slot: slot(shard, changed), by: -1)
    }

    private func slot(_ shard: Int, _ changed: Bool) -> Int { changed ? shards + shard : shard }

    private func count(_ record: Data, _ ranges: [Range<Int>], slot: Int, by step: Int) -> Bool {
        let base = record.startIndex
        let local = record.withUnsafeBytes { RecordWords.distinct($0, ranges.map { ($0.lowerBound - base)..<($0.upperBound - base) }) }
            ?? referenceWords(record, ranges)
        return state.withLock { state in
            var counted = true
            for index in 0..<local.count {
                let (at, isNew) = local.withWord(index) { state.words.insert($0) }
                if isNew { state.counts.append(contentsOf: repeatElement(0, count: slots)) }
                let cell = at * slots + slot
                guard step > 0 || state.counts[cell] > 0 else { counted = false; continue }
                state.counts[cell] = UInt32(Int(state.counts[cell]) + step)
            }
            return counted
        }
    }

    /// A text with letters beyond Russian and ASCII, read Character by Character.
    private func referenceWords(_ record: Data, _ ranges: [Range<Int>]) -> WordTable {
        var table = WordTable()
        SearchWords.tokens(Self.visibleText(record, ranges)) { token in
            var token = token
            token.withUTF8 { _ = table.insert($0) }
        }
        return table
    }

    /// The counts as the next build starts from them, one line per word:
    /// `word slot:count …`. A shard indexed anew holds all its pages as
    /// indexed, so its changed pages' counts join its unchanged ones.
    func stateLines(reindexed: Set<Int>) -> [String] {
        state.withLock { state in
            // In byte order: the same counts make the same file, whichever pages were read.
            (0..<state.words.count).sorted(by: state.words.precedes).compactMap { at -> String? in
                var counts = Array(state.counts[(at * slots)..<((at + 1) * slots)])
                for shard in reindexed where shard < shards {
                    counts[shard] += counts[shards + shard]
                    counts[shards + shard] = 0
                }
                let cells = counts.indices.filter { counts[$0] > 0 }.map { "\($0):\(counts[$0])" }
                return cells.isEmpty ? nil : state.words.string(at) + " " + cells.joined(separator: " ")
            }
        }
    }

    /// Starts from the counts of `stateLines`; false (and nothing counted) when a line is not one.
    func load(_ lines: some Sequence<Substring>) -> Bool {
        state.withLock { state in
            for line in lines {
                let parts = line.split(separator: " ")
                guard parts.count >= 2 else { state = State(); return false }
                var word = parts[0]
                let (at, isNew) = word.withUTF8 { state.words.insert($0) }
                if isNew { state.counts.append(contentsOf: repeatElement(0, count: slots)) }
                for cell in parts.dropFirst() {
                    let pair = cell.split(separator: ":")
                    guard pair.count == 2, let slot = Int(pair[0]), slot >= 0, slot < slots, let count = UInt32(pair[1]) else {
                        state = State()
                        return false
                    }
                    state.counts[at * slots + slot] = count
                }
            }
            return true
        }
    }

    /// Forgets every count: the build reads every page's words instead.
    func reset() {
        state.withLock { $0 = State() }
    }

    /// The words, most frequent first (ties alphabetical, so the lists are
    /// the same for the same content), each with the hex mask of the bundles
    /// that hold it, or nil when every bundle does (and on a one-bundle site).
    /// `bundles`: how many bundles the search page merges; `bundleOfChanged`:
    /// the bundle of a shard's changed pages (its own, or the recent edits').
    /// Empties the vocabulary: it is as large as the bank's text.
    func take(bundles: Int, bundleOfChanged: (Int) -> Int) -> [(word: String, bundles: String?)] {
        let taken = state.withLock { state -> State in
            defer { state = State() }
            return state
        }
        let changedBundle = (0..<shards).map(bundleOfChanged)
        let outStride = (bundles + 63) / 64
        let pages = (0..<taken.words.count).map { at in taken.counts[(at * slots)..<((at + 1) * slots)].reduce(0) { $0 + Int($1) } }
        // A word whose last page lost it in an edit is no word of the site.
        let order = pages.indices.filter { pages[$0] > 0 }.sorted {
            pages[$0] != pages[$1] ? pages[$0] > pages[$1] : taken.words.precedes($0, $1)
        }
        return order.map { at in
            var mask = [UInt64](repeating: 0, count: outStride)
            let base = at * slots
            func set(_ bundle: Int) { mask[bundle / 64] |= UInt64(1) << UInt64(bundle % 64) }
            for shard in 0..<shards {
                if taken.counts[base + shard] > 0 { set(shard) }
                if taken.counts[base + shards + shard] > 0 { set(changedBundle[shard]) }
            }
            let every = (0..<bundles).allSatisfy { mask[$0 / 64] & (UInt64(1) << UInt64($0 % 64)) != 0 }
            return (taken.words.string(at), bundles > 1 && !every ? Self.hex(mask[...]) : nil)
        }
    }

    /// Most significant digit first, no leading zeros: bundle 0 is the lowest bit of the last digit.
    static func hex(_ bits: ArraySlice<UInt64>) -> String {
        var digits = ""
        for word in bits.reversed() {
            let part = String(word, radix: 16)
            digits += digits.isEmpty ? part : String(repeating: "0", count: 16 - part.count) + part
        }
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// The text of the HTML in `ranges`: tags and character references
    /// become spaces (a reference is never a letter or digit in cmark's
    /// output or the theme's), so `&amp;` is not the word «amp».
    static func visibleText(_ html: Data, _ ranges: [Range<Int>]) -> String {
        var text: [UInt8] = []
        html.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let base = html.startIndex
            text.reserveCapacity(ranges.reduce(0) { $0 + $1.count })
            for range in ranges {
                var at = range.lowerBound - base, inTag = false
                let end = range.upperBound - base
                while at < end {
                    let byte = bytes[at]
                    if inTag {
                        if byte == UInt8(ascii: ">") { inTag = false; text.append(UInt8(ascii: " ")) }
                    } else if byte == UInt8(ascii: "<") {
                        inTag = true
                    } else if byte == UInt8(ascii: "&"), let after = referenceEnd(bytes, from: at + 1, to: end) {
                        text.append(UInt8(ascii: " "))
                        at = after
                        continue
                    } else {
                        text.append(byte)
                    }
                    at += 1
                }
                text.append(UInt8(ascii: " "))
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Just past the `;` of a character reference starting after `&`, or nil.
    static func referenceEnd(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        var at = start
        while at < end, at - start <= 10 {
            let byte = bytes[at]
            if byte == UInt8(ascii: ";") { return at > start ? at + 1 : nil }
            let isName = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "#")
            guard isName else { return nil }
            at += 1
        }
        return nil
    }
}
