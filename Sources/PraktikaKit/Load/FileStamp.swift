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

extension FileStamp {
    /// Every file below `root` (dot files left out) by `prefix/relative path`,
    /// read with readdir and stat: FileManager's enumerator was several times slower.
    static func tree(_ root: String, prefix: String) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        func walk(_ path: String, _ relative: String) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name.hasPrefix(".") { continue }
                let child = path + "/" + name, key = relative + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    walk(child, key)
                } else if let stamp = FileStamp(path: child) {
                    stamps[key] = stamp
                }
            }
        }
        walk(root, prefix)
        return stamps
    }
}
