import Foundation

/// The marker file: which files praktika wrote, their content hashes, and the
/// fingerprint of the inputs they were built from. It is the only file
/// praktika keeps inside the output for itself, and it travels with the tree
/// (it is written into the staged tree and switched in with it), so the
/// marker always describes the tree it is in.
struct Manifest: Sendable {
    public var fingerprint: String
    public var files: [String: String]

    var text: String {
        var lines = [OutputFolder.markerHeader, "fingerprint: \(fingerprint)"]
        lines += files.keys.sorted().map { "\(files[$0]!) \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the marker of `folder`. A line is believed only when it names a
    /// plain relative path inside the folder (no `..`, no absolute path, no
    /// empty segment), and, when `requireFiles` holds, when that path is a
    /// regular file reached without passing a symlink: a forged or stale line
    /// can never make praktika replace or delete a folder, a link's target or
    /// anything outside.
    public static func read(in folder: URL, requireFiles: Bool = true) -> Manifest {
        var manifest = Manifest(fingerprint: "", files: [:])
        let markerPath = folder.appendingPathComponent(OutputFolder.markerName).path
        guard FileSystem.kind(markerPath) == .file,
              let text = try? String(contentsOfFile: markerPath, encoding: .utf8) else { return manifest }
        // The folders on the way, checked once each: a large site lists 27,000 files in 10,000 folders.
        var plainFolders: Set<Substring> = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("fingerprint: ") {
                manifest.fingerprint = String(line.dropFirst("fingerprint: ".count))
            } else if let space = line.firstIndex(of: " ") {
                let path = String(line[line.index(after: space)...])
                guard OutputFolder.safeRelativePath(path) != nil, path != OutputFolder.markerName else { continue }
                if requireFiles && !FileSystem.isPlainFile(path, in: folder.path, plainFolders: &plainFolders) { continue }
                manifest.files[path] = String(line[..<space])
            }
        }
        return manifest
    }
}

/// lstat-based questions, so that no answer ever follows a symlink.
enum FileSystem {
    enum Kind: Equatable { case missing, file, folder, symlink, other }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// A folder's entries with their kinds, from readdir(3)'s file type where
    /// the file system gives one (an lstat each otherwise); nil when it cannot be read.
    static func entries(_ path: String) -> [(name: String, kind: Kind)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): entries.append((name, .file))
            case Int32(DT_DIR): entries.append((name, .folder))
            case Int32(DT_LNK): entries.append((name, .symlink))
            case Int32(DT_UNKNOWN): entries.append((name, kind(path + "/" + name)))
            default: entries.append((name, .other))
            }
        }
        return entries
    }

    static func status(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    /// `relative` is a regular file under `root`, and no folder on the way is a
    /// symlink; `plainFolders`: the folders (relative paths) found plain on earlier calls.
    static func isPlainFile(_ relative: String, in root: String, plainFolders: inout Set<Substring>) -> Bool {
        guard let slash = relative.lastIndex(of: "/") else { return kind(root + "/" + relative) == .file }
        var end = relative.startIndex
        while end < slash {
            end = relative[relative.index(after: end)...].firstIndex(of: "/") ?? slash
            let folder = relative[..<end]
            if plainFolders.contains(folder) { continue }
            guard kind(root + "/" + folder) == .folder else { return false }
            plainFolders.insert(folder)
        }
        return kind(root + "/" + relative) == .file
    }

    static func error(_ code: Int32 = errno) -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}
