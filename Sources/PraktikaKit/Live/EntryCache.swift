import Foundation

/// A file's size and modification time: enough to tell that an author saved it.
struct FileStamp: Hashable, Sendable {
    var size: Int
    var modified: Double

    init?(_ url: URL) { self.init(path: url.path) }

    /// nil for a folder or a file that cannot be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        size = Int(info.st_size)
        modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }
}

/// Parsed entries by file, for serve mode: after an edit only the saved file is parsed again.
final class EntryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String: (FileStamp, Any, [Diagnostic])] = [:]
    /// Stamps just read by serve's scan (relative paths), so files are not stat'ed twice.
    var knownStamps: [String: FileStamp] = [:]

    func stamp(_ relativePath: String, url: URL) -> FileStamp? {
        knownStamps[relativePath] ?? FileStamp(url)
    }

    func entry<T>(_ path: String, stamp: FileStamp) -> (T, [Diagnostic])? {
        lock.lock(); defer { lock.unlock() }
        guard let (known, value, warnings) = items[path], known == stamp, let entry = value as? T else { return nil }
        return (entry, warnings)
    }

    func store(_ path: String, stamp: FileStamp, entry: Any, warnings: [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        items[path] = (stamp, entry, warnings)
    }
}
