import Foundation

/// The search words a build counted, left beside the index for the next
/// build: each record's hash and size, and each word's page counts per shard
/// (`SearchVocabulary.stateLines`). After edits to practices' text only
/// (`BodyEdits`), the pages that do not show them are the previous build's
/// files, so their records and words are the previous build's too: the next
/// build starts from these counts and takes away the previous words of the
/// pages it renders again, instead of reading every kept page (about a third
/// of such a rebuild at 10,000 practices).
///
/// The first line names the index state it was written with
/// (`pagefind/.praktika-shards`, by digest): the counts of changed and
/// unchanged pages are relative to the records its bundles indexed.
struct SearchWordState {
    static let file = "pagefind/.praktika-words"

    /// Page path → its record's hash and size.
    var records: [String: (hash: String, size: Int)] = [:]
    var wordLines: [Substring] = []

    /// The file's text; `indexState`: the text of `SearchShards.digestsFile` written beside it.
    static func text(shards: Int, indexState: String, body: String) -> String {
        "praktika-words \(shards) \(ContentHash.of(Data(indexState.utf8)))\n" + body
    }

    /// The body: `r hash size path` per record, then `w word slot:count …` per word.
    static func body(records: [(path: String, hash: String, size: Int)], wordLines: [String]) -> String {
        var lines = records.sorted { $0.path < $1.path }.map { "r \($0.hash) \($0.size) \($0.path)" }
        lines += wordLines.map { "w " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The previous build's state, when it was written with the index state
    /// that build left (`indexState`, its text) and for as many shards; nil otherwise.
    static func previous(in folder: OutputFolder, shards: Int, indexState: Data) -> SearchWordState? {
        guard let data = folder.previousFile(file) else { return nil }
        return read(String(decoding: data, as: UTF8.self), shards: shards, indexState: indexState)
    }

    static func read(_ text: String, shards: Int, indexState: Data) -> SearchWordState? {
        var lines = text.split(separator: "\n")[...]
        guard lines.popFirst() == Substring("praktika-words \(shards) \(ContentHash.of(indexState))") else { return nil }
        var state = SearchWordState()
        for line in lines {
            if line.hasPrefix("w ") {
                state.wordLines.append(line.dropFirst(2))
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 3)
            guard parts.count == 4, parts[0] == "r", let size = Int(parts[2]) else { return nil }
            state.records[String(parts[3])] = (String(parts[1]), size)
        }
        return state
    }
}
