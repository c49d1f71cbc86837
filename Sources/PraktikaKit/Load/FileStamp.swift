import Foundation

/// A file's size and modification time: enough to tell that an author saved it.
struct FileStamp: Hashable, Sendable {
    var size: Int
    var modified: Double

    init?(_ url: URL) { self.init(path: url.path) }

    /// nil for a folder or a file that cannot be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init?(_ info: stat) {
        guard info.st_mode & S_IFMT != S_IFDIR else { return nil }
        size = Int(info.st_size)
        modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }
}

extension FileStamp {
    /// Every file below `root` (dot files left out) by `prefix/relative path`,
    /// read with readdir and fstatat (each name looked up in its open folder,
    /// not from `/` again): `serve` runs this on every save, over every file.
    static func tree(_ root: String, prefix: String) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        func walk(_ path: String, _ relative: String) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            let folder = dirfd(directory)
            while let entry = readdir(directory) {
                let (name, hidden) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    (String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self)), raw.first == UInt8(ascii: "."))
                }
                if hidden { continue }
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    walk(path + "/" + name, relative + "/" + name)
                    continue
                }
                var info = stat()
                guard fstatat(folder, name, &info, 0) == 0 else { continue }
                if let stamp = FileStamp(info) {
                    stamps[relative + "/" + name] = stamp
                } else {
                    walk(path + "/" + name, relative + "/" + name)  // a folder the file system did not type
                }
            }
        }
        walk(root, prefix)
        return stamps
    }
}
