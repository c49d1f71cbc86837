import Foundation

/// Lean copies of the indexed pages for Pagefind: of each page that has a
/// `data-pagefind-body` element, only that element (with the page's language)
/// is written into a scratch folder with the page's own path, so Pagefind
/// makes the same fragments and URLs while parsing about half the bytes (on
/// the generated corpus its CPU time fell by about a quarter). Pages pass
/// through to the real sink unchanged; the copies are made on the render
/// threads as the pages stream by.
final class SearchRecords: PageSink, @unchecked Sendable {
    let folder: URL
    let shards: SearchShards
    private let inner: PageSink
    private let madeFolders = Locked<Set<String>>([])
    /// Per shard: each record's path, the hash of its bytes, their count, and
    /// whether the record was written (a record its bundle indexed as it is
    /// is written only if that bundle must be indexed anew: `completeRecords`).
    private let recorded: Locked<[[(path: String, hash: String, size: Int, written: Bool)]]>
    /// The records' words: the search page's word lists are made from them.
    let vocabulary: SearchVocabulary
    /// The previous build's index state, if it was made for these shards.
    let previousIndex: PreviousIndex?
    /// Page path → hash of the record its shard's bundle indexed (from
    /// `previousIndex`): a page whose record differs may go to the recent-edits bundle.
    private let indexed: [String: String]
    /// The previous build's records, when this build's words started from its
    /// counts: a kept page's record is the one it had then. Set before the
    /// pages are rendered, read after.
    private var previousRecords: [String: (hash: String, size: Int)]?
    /// What `SearchWordState.file` is to hold, once the plan is known.
    private(set) var wordState: String?

    init(folder: URL, shards: SearchShards, previousIndex: PreviousIndex? = nil, forwardingTo inner: PageSink) throws {
        self.folder = folder
        self.shards = shards
        self.previousIndex = previousIndex
        indexed = previousIndex?.bundles.indexedRecords ?? [:]
        self.inner = inner
        recorded = Locked(Array(repeating: [], count: shards.count))
        vocabulary = SearchVocabulary(shards: shards.count)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Where the records of `shard` are, each under its page's own path.
    func folder(of shard: Int) -> URL {
        folder.appendingPathComponent("\(shard)", isDirectory: true)
    }

    func write(_ relativePath: String, _ contents: Data) throws {
        try inner.write(relativePath, contents)
        try record(relativePath, contents)
    }

    private func record(_ relativePath: String, _ contents: Data) throws {
        guard relativePath.hasSuffix(".html"), let (lean, text) = Self.leanRecord(contents) else { return }
        let shard = shards.shard(of: relativePath)
        let hash = ContentHash.of(lean)
        let changed = indexed[relativePath] != hash
        vocabulary.add(lean, text, shard: shard, changed: changed)
        // An unchanged record is most often not needed: its bundle is kept.
        if changed { try writeRecord(lean, relativePath, shard: shard) }
        recorded.withLock { $0[shard].append((relativePath, hash, lean.count, changed)) }
    }

    private func writeRecord(_ lean: Data, _ relativePath: String, shard: Int) throws {
        let url = recordURL(relativePath, shard: shard)
        try makeFolder(url)
        try OutputFolder.writeFile(url.path, lean)
    }

    /// Writes the records of a shard that were left out, made again from the
    /// pages in `site` (the staged tree): its bundle is to be indexed anew.
    func completeRecords(of shard: Int, from site: URL) throws {
        try completeRecords(from: site) { candidate, _ in candidate == shard }
    }

    /// The same for the recent edits' pages: they are indexed anew together.
    func completeRecords(of paths: Set<String>, from site: URL) throws {
        try completeRecords(from: site) { _, path in paths.contains(path) }
    }

    private func completeRecords(from site: URL, _ include: (Int, String) -> Bool) throws {
        let missing = recorded.withLock { shards in
            shards.indices.flatMap { shard in shards[shard].filter { !$0.written && include(shard, $0.path) }.map { (shard, $0.path) } }
        }
        for (shard, path) in missing {
            guard let (lean, _) = Self.leanRecord(try Data(contentsOf: site.appendingPathComponent(path))) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
            }
            try writeRecord(lean, path, shard: shard)
        }
        recorded.withLock { shards in
            for shard in shards.indices {
                for entry in shards[shard].indices where include(shard, shards[shard][entry].path) { shards[shard][entry].written = true }
            }
        }
    }

    /// Starts the words from the previous build's counts (`SearchWordState`),
    /// less the previous words of the pages this build renders again, so that
    /// the kept pages need not be read (`recordKept`). False, with nothing
    /// counted, when the state is missing or does not match those pages.
    func adoptPreviousWords(from folder: OutputFolder, rendering pages: [String]) -> Bool {
        guard let previousIndex, let previous = SearchWordState.previous(in: folder, shards: shards.count, indexState: previousIndex.text),
              vocabulary.load(previous.wordLines) else { return false }
        for path in pages where path.hasSuffix(".html") {
            let before = previous.records[path]
            let lean = folder.previousFile(path).flatMap(Self.leanRecord)
            guard lean.map({ ContentHash.of($0.record) }) == before?.hash else {
                vocabulary.reset()
                return false
            }
            if let (record, text) = lean, let before,
               !vocabulary.subtract(record, text, shard: shards.shard(of: path), changed: indexed[path] != before.hash) {
                vocabulary.reset()
                return false
            }
        }
        previousRecords = previous.records
        return true
    }

    /// The state the next build starts its words from, once this build's
    /// plan says which bundles are indexed anew (`SearchWordState`).
    func prepareWordState(reindexed: Set<Int>) {
        let all = recorded.withLock { $0.joined().map { ($0.path, $0.hash, $0.size) } }
        wordState = SearchWordState.body(records: all, wordLines: vocabulary.stateLines(reindexed: reindexed))
    }

    /// Records the pages kept from the previous build (`BodyEdits`) as if they
    /// had been written now: from the previous build's state when the words
    /// started from it, otherwise read from `site` (the staged tree), two at a time.
    func recordKept(_ paths: [String], in site: URL) throws {
        if let previousRecords {
            recorded.withLock { recorded in
                for path in paths {
                    guard let record = previousRecords[path] else { continue }
                    recorded[shards.shard(of: path)].append((path, record.hash, record.size, false))
                }
            }
            return
        }
        let failure = Locked<Error?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for index in stride(from: lane, to: paths.count, by: 2) {
                do { try record(paths[index], try Data(contentsOf: site.appendingPathComponent(paths[index]))) } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Where the record of the page at `relativePath` is written.
    func recordURL(_ relativePath: String, shard: Int) -> URL {
        folder(of: shard).appendingPathComponent(relativePath)
    }

    /// Each shard's pages: path → record hash.
    var pages: [[String: String]] {
        recorded.withLock { shards in
            shards.map { records in Dictionary(records.map { ($0.path, $0.hash) }) { first, _ in first } }
        }
    }

    /// How many bytes of records each shard holds.
    var bytes: [Int] { recorded.withLock { $0.map { $0.reduce(0) { $0 + $1.size } } } }

    /// How many bytes the records of these pages hold.
    func bytes(of paths: Set<String>) -> Int {
        recorded.withLock { $0.joined().reduce(0) { paths.contains($1.path) ? $0 + $1.size : $0 } }
    }

    /// Made under the lock: another render thread must not write into a
    /// folder that is recorded as made but does not exist yet.
    func makeFolder(_ file: URL) throws {
        let parent = file.deletingLastPathComponent()
        try madeFolders.withLock { made in
            guard !made.contains(parent.path) else { return }
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            made.insert(parent.path)
        }
    }

    /// Foundation's removeItem took about a second for the records of 10,000 practices.
    func remove() {
        TreeRemoval.removeAll(folder.path)
    }

    private static let marker = Data("data-pagefind-body".utf8)

    /// The page reduced to its `data-pagefind-body` element, or nil when it has none.
    static func lean(_ page: Data) -> Data? {
        leanRecord(page)?.record
    }

    /// The lean record, and where in it is the text Pagefind indexes: the
    /// element without the ignored blocks kept for their meta.
    static func leanRecord(_ page: Data) -> (record: Data, text: [Range<Int>])? {
        guard let mark = find(marker, in: page, page.startIndex..<page.endIndex),
              let open = page[page.startIndex..<mark.lowerBound].lastIndex(of: UInt8(ascii: "<")) else { return nil }
        let nameEnd = page[(open + 1)...].firstIndex { !isNameByte($0) } ?? page.endIndex
        guard nameEnd > open + 1, let end = closing(page, tag: Data(page[(open + 1)..<nameEnd]), from: open) else { return nil }
        var lean = Data("<!DOCTYPE html><html lang=\"".utf8)
        lean.append(language(page))
        lean.append(Data("\"><head><meta charset=\"utf-8\"></head><body>".utf8))
        let start = lean.count
        let kept = appendIndexed(page, open..<end, to: &lean)
        var text: [Range<Int>] = [], from = start
        for block in kept {
            text.append(from..<block.lowerBound)
            from = block.upperBound
        }
        text.append(from..<lean.count)
        lean.append(Data("</body></html>\n".utf8))
        return (lean, text)
    }

    private static let ignoreMarker = Data("data-pagefind-ignore".utf8)
    private static let keptInsideIgnored = ["data-pagefind-meta", "data-pagefind-filter", "data-pagefind-sort"].map { Data($0.utf8) }

    /// Appends the element in `range` without the elements Pagefind ignores
    /// (cards, contact blocks), unless they hold meta or filters, which
    /// Pagefind still reads there. The index is the same; a card that changes
    /// on a school's page then leaves that page's record, and its shard, as they were.
    /// Returns where the kept ignored blocks are in `lean`: their text is not indexed.
    private static func appendIndexed(_ page: Data, _ range: Range<Int>, to lean: inout Data) -> [Range<Int>] {
        var copied = range.lowerBound, searchFrom = range.lowerBound, kept: [Range<Int>] = []
        while let mark = find(ignoreMarker, in: page, searchFrom..<range.upperBound) {
            searchFrom = mark.upperBound
            guard let open = page[copied..<mark.lowerBound].lastIndex(of: UInt8(ascii: "<")),
                  !page[open..<mark.lowerBound].contains(UInt8(ascii: ">")) else { continue }
            let nameEnd = page[(open + 1)...].firstIndex { !isNameByte($0) } ?? page.endIndex
            guard nameEnd > open + 1, let end = closing(page, tag: Data(page[(open + 1)..<nameEnd]), from: open),
                  end <= range.upperBound else { continue }
            searchFrom = end
            if keptInsideIgnored.contains(where: { find($0, in: page, open..<end) != nil }) {
                // Copied whole when the next block is cut or at the end: its place in `lean` is known now.
                let at = lean.count + (open - copied)
                kept.append(at..<(at + (end - open)))
                continue
            }
            lean.append(page[copied..<open])
            copied = end
        }
        lean.append(page[copied..<range.upperBound])
        return kept
    }

    /// The end of the element opened at `start`, counting nested elements of the same name.
    private static func closing(_ page: Data, tag: Data, from start: Int) -> Int? {
        let opening = Data("<".utf8) + tag, closing = Data("</".utf8) + tag
        var depth = 0, position = start
        while position < page.endIndex {
            let nextOpen = find(opening, in: page, position..<page.endIndex)
            let nextClose = find(closing, in: page, position..<page.endIndex)
            guard let close = nextClose else { return nil }
            if let open = nextOpen, open.lowerBound < close.lowerBound {
                position = open.upperBound
                if position < page.endIndex, !isNameByte(page[position]) { depth += 1 }
            } else {
                position = close.upperBound
                depth -= 1
                if depth == 0 { return (page[position...].firstIndex(of: UInt8(ascii: ">")) ?? page.endIndex - 1) + 1 }
            }
        }
        return nil
    }

    private static func language(_ page: Data) -> Data {
        let key = Data("<html lang=\"".utf8)
        guard let found = find(key, in: page, page.startIndex..<min(page.endIndex, page.startIndex + 512)),
              let quote = page[found.upperBound...].firstIndex(of: UInt8(ascii: "\"")) else { return Data("ru".utf8) }
        return Data(page[found.upperBound..<quote])
    }

    /// memchr(3) for the first byte, memcmp(3) for the rest: `Data.range(of:)`
    /// on Linux compares byte by byte through NSData, which cost more than
    /// rendering the page.
    private static func find(_ needle: Data, in page: Data, _ range: Range<Int>) -> Range<Int>? {
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        let offset = page.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { wanted in
                find(wanted, in: haystack, from: range.lowerBound - page.startIndex, to: range.upperBound - page.startIndex)
            }
        }
        return offset.map { (page.startIndex + $0)..<(page.startIndex + $0 + needle.count) }
    }

    private static func find(_ wanted: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        let base = haystack.baseAddress!, first = Int32(wanted.load(as: UInt8.self))
        var at = start
        let last = end - wanted.count
        while at <= last {
            guard let hit = memchr(base + at, first, last - at + 1) else { return nil }
            at = UnsafeRawPointer(hit) - base
            if memcmp(hit, wanted.baseAddress!, wanted.count) == 0 { return at }
            at += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
}
