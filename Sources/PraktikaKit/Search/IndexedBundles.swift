import Foundation

/// What the bundles of the output hold, as they were indexed: beside them in
/// `pagefind/.praktika-shards`, so that the next build knows which it may keep
/// and which pages changed since. Each bundle has a digest (its pages, their
/// records' hashes and the Pagefind binary) and its number of files (a bundle
/// is kept whole or not at all), and each page its record's hash. The
/// recent-edits bundle (`delta`) has the same.
struct IndexedBundles: Equatable {
    struct Stamp: Equatable {
        var digest: String
        var files: Int
    }

    var shards: Int
    var stamps: [Int: Stamp] = [:]
    /// Bundle → page path → record hash, as indexed.
    var pages: [Int: [String: String]] = [:]
    var delta: Stamp?
    var deltaPages: [String: String] = [:]

    /// The digest of a bundle: its pages and their records, and what indexes them.
    static func digest(_ pages: [String: String], indexer: String) -> String {
        var hash = ContentHash()
        hash.add(indexer)
        for path in pages.keys.sorted() { hash.add(path); hash.add(pages[path] ?? "") }
        return hash.hex
    }

    /// The file's text: the shard count, one line per bundle, then one per page.
    var text: String {
        var lines = ["shards \(shards)"]
        for shard in stamps.keys.sorted() { lines.append("\(shard) \(Self.stampText(stamps[shard]!))") }
        if let delta { lines.append("delta \(Self.stampText(delta))") }
        for shard in pages.keys.sorted() {
            for (path, hash) in pages[shard]!.sorted(by: { $0.key < $1.key }) { lines.append("page \(shard) \(hash) \(path)") }
        }
        for (path, hash) in deltaPages.sorted(by: { $0.key < $1.key }) { lines.append("page delta \(hash) \(path)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func stampText(_ stamp: Stamp) -> String { "\(stamp.digest)-\(stamp.files)" }

    private static func stamp(_ text: Substring) -> Stamp? {
        guard let dash = text.lastIndex(of: "-"), let files = Int(text[text.index(after: dash)...]) else { return nil }
        return Stamp(digest: String(text[..<dash]), files: files)
    }

    /// The state a previous build wrote; nil when there is none or it is unreadable.
    static func read(_ text: String) -> IndexedBundles? {
        var lines = text.split(separator: "\n")[...]
        guard let first = lines.popFirst(), first.hasPrefix("shards "), let shards = Int(first.dropFirst("shards ".count)) else { return nil }
        var state = IndexedBundles(shards: shards)
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 3)
            if parts.count == 2 {
                guard let stamp = stamp(parts[1]) else { return nil }
                if parts[0] == "delta" { state.delta = stamp } else if let shard = Int(parts[0]) { state.stamps[shard] = stamp } else { return nil }
            } else if parts.count == 4, parts[0] == "page" {
                if parts[1] == "delta" { state.deltaPages[String(parts[3])] = String(parts[2]) }
                else if let shard = Int(parts[1]) { state.pages[shard, default: [:]][String(parts[3])] = String(parts[2]) }
                else { return nil }
            } else {
                return nil
            }
        }
        return state
    }

    /// Page path → record hash, over every bundle but the recent edits': what
    /// a page's record is compared with to tell whether it changed since its bundle was indexed.
    var indexedRecords: [String: String] {
        var all: [String: String] = [:]
        for shardPages in pages.values { all.merge(shardPages) { first, _ in first } }
        return all
    }
}

/// The previous build's index state, read once per build: what its bundles
/// hold (for the records, the plan) and its text, by whose digest the
/// words' state names it (`SearchWordState`).
struct PreviousIndex {
    let text: Data
    let bundles: IndexedBundles

    /// Nil when there is none, it is unreadable, or it was made for another number of shards.
    static func read(in folder: OutputFolder, shards: Int) -> PreviousIndex? {
        guard let text = folder.previousFile(SearchShards.digestsFile),
              let bundles = IndexedBundles.read(String(decoding: text, as: UTF8.self)), bundles.shards == shards else { return nil }
        return PreviousIndex(text: text, bundles: bundles)
    }
}
