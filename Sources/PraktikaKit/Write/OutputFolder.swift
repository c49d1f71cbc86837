import Foundation
import ZIPFoundation

/// The write stage. The new tree is built completely in a staging folder
/// beside the output folder (never inside it); files whose bytes did not
/// change are hard links to the previous ones, so they keep their time and
/// rsync-style deploys skip them. Only when everything succeeded, the staged
/// tree takes the output's place with a rename (an atomic exchange where
/// Linux offers it). A lock file beside the output keeps a second build
/// out; the next build repairs whatever an interrupted one left (see
/// `TreeSwitch.recover`). The output carries a marker listing every file
/// praktika wrote, so a folder praktika did not make is never taken over and
/// a file it did not write is carried into every new tree, never deleted.
public final class OutputFolder: PageSink, @unchecked Sendable {
    public static let markerName = ".praktika-output"
    static let markerHeader = "# Written by praktika. Files listed here are replaced on the next build; others are left alone."

    public let destination: URL
    let places: OutputPlaces
    let staging: URL
    /// `staging.path`, made once: URL arithmetic per page showed in profiles.
    private let stagingPath: String
    private let destinationPath: String
    /// What the previous build wrote: path → content hash.
    let previous: Manifest
    /// Recorded in the marker, so an unchanged site is not rebuilt.
    public var fingerprint = ""
    /// Said once in the summary: what the start repaired after an interrupted build.
    public private(set) var recoveryNotes: [String] = []
    let faults: FaultInjection?
    private var lockFile: OutputLock?
    /// What this build has written so far; filled from the writer threads.
    private struct Written {
        /// Output path → content hash.
        var entries: [String: String] = [:]
        /// Files kept from the previous output (their bytes did not change).
        var unchanged: Set<String> = []
        var directories: Set<String> = [""]
        var firstWrite = true
    }
    private let written = Locked(Written())

    public enum Problem: Error, CustomStringConvertible {
        case foreignFolder(String)
        case notAFolder(String)
        case wouldOverwrite([String])
        case busy(String, String)
        case parentNotWritable(String, String)
        case mountPoint(String)
        case cannotCarry(String)
        case notOwnFile(String, String)

        public var description: String {
            switch self {
            case .foreignFolder(let path):
                return "\(path) is not empty and was not written by praktika (no \(OutputFolder.markerName) file); refusing to replace it. Choose an empty folder with --output, or empty this one."
            case .notAFolder(let path):
                return "\(path) exists and is not a folder"
            case .wouldOverwrite(let paths):
                return "the build would overwrite files praktika did not write: \(paths.prefix(5).joined(separator: ", "))"
            case .busy(let path, let holder):
                return "another praktika build\(holder.isEmpty ? "" : " (process \(holder))") is writing \(path); nothing was changed. Run the build again when it has finished."
            case .parentNotWritable(let path, let parent):
                return "cannot build into \(path): praktika builds the new site beside it and switches folders with a rename, so \(parent) must be writable. Give write access to \(parent), or build into a folder inside a writable one and point the web server there."
            case .mountPoint(let path):
                return "\(path) is a mount point: praktika switches the whole folder with a rename, which a mount point does not allow. Build into a folder inside it (e.g. --output \(path)/site)."
            case .cannotCarry(let path):
                return "\(path) in the output folder is neither a file, a folder nor a symlink; praktika cannot keep it in the new output. Move it elsewhere."
            case .notOwnFile(let path, let what):
                return "\(path) exists and is not \(what) written by praktika; refusing to replace it. Choose another name or move it."
            }
        }
    }

    /// Takes the lock, repairs what an interrupted build left, checks the
    /// output folder and makes an empty staging folder beside it.
    public init(destination: URL, faults: FaultInjection? = nil) throws {
        var path = destination.standardizedFileURL.path
        // An output named through a symlink is built where the link points.
        if FileSystem.kind(path) == .symlink, let real = realpath(path, nil) {
            path = String(cString: real); free(real)
        }
        self.destination = URL(fileURLWithPath: path, isDirectory: true)
        destinationPath = path
        places = OutputPlaces(output: self.destination)
        self.faults = faults
        try FileManager.default.createDirectory(atPath: places.parent, withIntermediateDirectories: true)
        guard access(places.parent, W_OK) == 0 else { throw Problem.parentNotWritable(path, places.parent) }
        lockFile = try OutputLock(places.lock, output: path)
        recoveryNotes = try TreeSwitch.recover(places)
        switch FileSystem.kind(path) {
        case .missing: break
        case .folder:
            if let here = FileSystem.status(path), let above = FileSystem.status(places.parent), here.st_dev != above.st_dev {
                throw Problem.mountPoint(path)
            }
            let entries = try FileManager.default.contentsOfDirectory(atPath: path).filter { !OutputPlaces.isLegacyLeftover($0) }
            if !entries.isEmpty && !entries.contains(Self.markerName) { throw Problem.foreignFolder(path) }
        default: throw Problem.notAFolder(path)
        }
        previous = Manifest.read(in: self.destination)
        staging = URL(fileURLWithPath: places.staging, isDirectory: true)
        stagingPath = places.staging
        guard mkdir(stagingPath, 0o755) == 0 else { throw FileSystem.error() }
        try faults.check("staging")
    }

    /// Stages a file. If the previous build wrote the same bytes there, the
    /// staged file is a hard link to the old one (same file, same time).
    public func write(_ relativePath: String, _ given: Data) throws {
        guard let safe = Self.safeRelativePath(relativePath), safe != Self.markerName else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: relativePath])
        }
        let contents = OutputText.isMarkup(safe) ? OutputText.scrub(given) : given
        let hash = ContentHash.of(contents)
        let folder = safe.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(safe[..<$0]) } ?? ""
        let (isNew, first) = written.withLock { written in
            written.entries[safe] = hash
            defer { written.firstWrite = false }
            return (written.directories.insert(folder).inserted, written.firstWrite)
        }
        if first { try faults.check("write") }
        if isNew && !folder.isEmpty {
            try Self.makeFolder(stagingPath + "/" + folder)
        }
        if previous.files[safe] == hash, linkPrevious(safe, size: contents.count) {
            written.withLock { _ = $0.unchanged.insert(safe) }
            return
        }
        do {
            try Self.writeFile(stagingPath + "/" + safe, contents)
        } catch let error as POSIXError where error.code == .ENOENT && !isNew {
            // The other writer thread recorded this folder first and may not have made it yet.
            try Self.makeFolder(stagingPath + "/" + folder)
            try Self.writeFile(stagingPath + "/" + safe, contents)
        }
    }

    /// Hard-links the previous build's file into the staged tree. False when
    /// there is none of that size, or the file system has no hard links (the
    /// caller then writes the bytes).
    private func linkPrevious(_ safe: String, size: Int) -> Bool {
        let old = destinationPath + "/" + safe
        guard let info = FileSystem.status(old), info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else { return false }
        return link(old, stagingPath + "/" + safe) == 0
    }

    /// mkdir(2), parents first when missing: one system call for the usual
    /// case of a page folder whose parent exists, where FileManager made several.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/") else { throw FileSystem.error() }
        try makeFolder(String(path[..<slash]))
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        throw FileSystem.error()
    }

    /// A plain write(2) to a new file (O_EXCL: never through a link): Foundation's
    /// `Data.write` syncs every file to disk, which costs more than rendering
    /// the page. Durability after a power cut is the file system's job.
    static func writeFile(_ path: String, _ contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystem.error() }
        defer { close(descriptor) }
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { throw FileSystem.error() }
                offset += written
            }
        }
    }

    /// Whether this build wrote the same bytes to `relativePath` as the previous one.
    public func isUnchanged(_ relativePath: String) -> Bool {
        written.withLock { $0.unchanged.contains(relativePath) }
    }

    /// Keeps a file of the previous build as it is; returns its size, or nil if there is none.
    public func keep(_ relativePath: String) -> Int? {
        let old = destinationPath + "/" + relativePath, new = stagingPath + "/" + relativePath
        guard let hash = previous.files[relativePath], let info = FileSystem.status(old), info.st_mode & S_IFMT == S_IFREG,
              (try? Self.makeFolder((new as NSString).deletingLastPathComponent)) != nil, link(old, new) == 0 else { return nil }
        written.withLock { $0.entries[relativePath] = hash; $0.unchanged.insert(relativePath) }
        return Int(info.st_size)
    }

    /// Files the previous build wrote, relative to the output folder.
    var previousFiles: [String] { Array(previous.files.keys) }

    /// Whether a file the previous build wrote is still a plain file there.
    func previousFileExists(_ relativePath: String) -> Bool {
        previous.files[relativePath] != nil && FileSystem.kind(destinationPath + "/" + relativePath) == .file
    }

    /// The bytes of a file the previous build wrote, if it is still there.
    func previousFile(_ relativePath: String) -> Data? {
        guard previousFileExists(relativePath) else { return nil }
        return FileManager.default.contents(atPath: destinationPath + "/" + relativePath)
    }

    /// Where a tool that writes its own file (WeasyPrint) should put `relativePath`.
    public func stagingURL(for relativePath: String) throws -> URL {
        guard let safe = Self.safeRelativePath(relativePath) else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: relativePath])
        }
        let url = staging.appendingPathComponent(safe)
        try Self.makeFolder(url.deletingLastPathComponent().path)
        return url
    }

    /// The staged tree, for a tool that reads it (Pagefind) before the switch.
    public var stagedTree: URL { staging }

    /// Registers a file such a tool wrote into the staging folder; returns its size.
    public func adopt(_ relativePath: String) throws -> Int {
        let path = stagingPath + "/" + relativePath
        guard FileSystem.kind(path) == .file else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let hash = ContentHash.of(data)
        written.withLock { $0.entries[relativePath] = hash }
        if previous.files[relativePath] == hash, unlink(path) == 0 {
            if linkPrevious(relativePath, size: data.count) {
                written.withLock { _ = $0.unchanged.insert(relativePath) }
            } else {
                try Self.writeFile(path, data)
            }
        }
        return data.count
    }

    /// Registers every file a tool wrote under `prefix/` of the staged tree; returns how many.
    public func adoptTree(_ prefix: String) throws -> Int {
        var count = 0
        let root = stagingPath + "/" + prefix
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return 0 }
        while let relative = enumerator.nextObject() as? String {
            let path = prefix + "/" + relative
            switch FileSystem.kind(stagingPath + "/" + path) {
            case .file:
                // A file kept from the previous build is registered already.
                if !written.withLock({ $0.entries[path] != nil }) { _ = try adopt(path) }
                count += 1
            case .folder: continue
            default: throw Problem.cannotCarry(path)
            }
        }
        return count
    }

    public func copyFile(from source: URL, to relativePath: String) throws {
        try write(relativePath, try Data(contentsOf: source))
    }

    /// Every file of this build, relative to the output folder.
    public var files: Set<String> {
        written.withLock { Set($0.entries.keys) }
    }

    /// Files whose bytes differ from the previous build's.
    public var changedCount: Int {
        written.withLock { $0.entries.count - $0.unchanged.count }
    }

    /// Completes the staged tree (files praktika did not write, the marker,
    /// the archive) and switches it in. Any failure before the switch leaves
    /// the previous output as it was; after the switch nothing can fail the
    /// build (the previous tree, beside the output, is removed now or by the next run).
    public func commit(archive: URL? = nil) throws -> [String] {
        try faults.check("carry")
        let hashes = written.withLock { $0.entries }
        try ForeignFiles.carry(from: destinationPath, to: stagingPath, praktikas: previous.files, staged: hashes)
        try faults.check("marker")
        let text = Manifest(fingerprint: fingerprint, files: hashes).text
        let marker = stagingPath + "/" + Self.markerName
        if text != previous.text || link(destinationPath + "/" + Self.markerName, marker) != 0 {
            try Self.writeFile(marker, Data(text.utf8))
        }
        var packed: String?
        if let archive {
            try faults.check("zip")
            packed = try Self.pack(tree: staging, files: hashes.keys.sorted(), beside: archive)
        }
        try faults.check("switch")
        var notes: [String] = []
        if let note = try TreeSwitch.publish(places: places, between: { try faults.check("between") }) { notes.append(note) }
        if let packed, let archive {
            do { try TreeSwitch.rename(packed, archive.path) } catch {
                notes.append("the archive could not be moved to \(archive.path): \(error); it is at \(packed)")
            }
        }
        if (try? faults.check("cleanup")) != nil, FileSystem.kind(places.old) != .missing,
           !TreeRemoval.removeLeftover(places.old, published: destinationPath, manifest: previous) {
            notes.append("the previous output is kept at \(places.old): it holds files praktika did not write")
        }
        lockFile = nil
        return notes
    }

    /// Drops the staged files; the previous output stays as it was.
    public func discard() {
        TreeRemoval.removeAll(stagingPath)
        lockFile = nil
    }

    /// The name of the archive being packed: beside it, removed or renamed over it.
    static func packingName(_ archive: URL) -> String {
        archive.deletingLastPathComponent().path + "/." + archive.lastPathComponent + ".praktika-packing"
    }

    /// Packs the staged tree into an archive beside `archive`, renamed over
    /// it after the switch. The marker goes in too: it is how a later build
    /// knows the archive is its own to replace.
    private static func pack(tree: URL, files: [String], beside archive: URL) throws -> String {
        let path = packingName(archive)
        TreeRemoval.removeAll(path)
        do {
            let zip = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
            for file in files + [markerName] {
                try zip.addEntry(with: file, relativeTo: tree, compressionMethod: .deflate)
            }
        } catch {
            TreeRemoval.removeAll(path)
            throw error
        }
        return path
    }

    /// Refuses an archive path that is not praktika's own earlier archive:
    /// a folder, a symlink, or any file that lacks the marker entry.
    public static func checkArchiveTarget(_ archive: URL, output: URL) throws {
        let path = archive.standardizedFileURL.path, out = output.standardizedFileURL.path
        if path == out || path.hasPrefix(out + "/") || out.hasPrefix(path + "/") {
            throw Problem.notOwnFile(path, "an archive outside the output folder")
        }
        switch FileSystem.kind(path) {
        case .missing: return
        case .file:
            if let zip = try? Archive(url: archive, accessMode: .read), zip[markerName] != nil { return }
            throw Problem.notOwnFile(path, "a zip archive")
        default: throw Problem.notOwnFile(path, "a zip archive")
        }
    }

    /// The path itself if it stays inside the output folder, else nil.
    static func safeRelativePath(_ path: String) -> String? {
        // On bytes: this runs for every page written.
        var segmentLength = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), 0: return nil
            case UInt8(ascii: "/"):
                // An empty segment (also a leading `/`), `.` or `..`.
                guard segmentLength > 0, dots != segmentLength || dots > 2 else { return nil }
                segmentLength = 0; dots = 0
            default:
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        guard segmentLength > 0, dots != segmentLength || dots > 2 else { return nil }
        return path
    }
}
