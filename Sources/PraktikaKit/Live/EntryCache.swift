import Foundation

/// Parsed entries by file, for serve mode: after an edit only the saved file is parsed again.
final class EntryCache: @unchecked Sendable {
    private let items = Locked<[String: (FileStamp, Any, [Diagnostic])]>([:])
    /// Stamps just read by serve's scan (relative paths), so files are not stat'ed twice.
    /// Set between builds, read during one.
    var knownStamps: [String: FileStamp] = [:]

    func stamp(_ relativePath: String, url: URL) -> FileStamp? {
        knownStamps[relativePath] ?? FileStamp(url)
    }

    func entry<T>(_ path: String, stamp: FileStamp) -> (T, [Diagnostic])? {
        guard let (known, value, warnings) = items.withLock({ $0[path] }), known == stamp, let entry = value as? T else { return nil }
        return (entry, warnings)
    }

    func store(_ path: String, stamp: FileStamp, entry: Any, warnings: [Diagnostic]) {
        items.withLock { $0[path] = (stamp, entry, warnings) }
    }
}
