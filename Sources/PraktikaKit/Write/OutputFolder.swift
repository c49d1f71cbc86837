import Foundation
import ZIPFoundation

/// The write stage. Pages are written into a staging folder inside the
/// output folder; only when the whole build succeeded do they replace the
/// previous output. The output folder carries a marker listing every file
/// praktika wrote, so a folder praktika did not make is never taken over and
/// a file it did not write is never deleted.
public final class OutputFolder: PageSink, @unchecked Sendable {
    public static let markerName = ".praktika-output"
    static let markerHeader = "# Written by praktika. Files listed here are replaced on the next build; others are left alone."

    public let destination: URL
    let staging: URL
    /// `staging.path`, made once: URL arithmetic per page showed in profiles.
    private let stagingPath: String
    private let createdDestination: Bool
    /// What the previous build wrote: path → content hash.
    let previous: Manifest
    /// Recorded in the marker, so an unchanged site is not rebuilt.
    public var fingerprint = ""
    /// Folders another tool rewrites after the commit (Pagefind's `pagefind`):
    /// the commit leaves their files and records in place.
    public var managedElsewhere: [String] = []
    private let lock = NSLock()
    private var entries: [String: String] = [:]
    private var unchanged: Set<String> = []
    private var directories: Set<String> = [""]

    public enum Problem: Error, CustomStringConvertible {
        case foreignFolder(String)
        case notAFolder(String)
        case wouldOverwrite([String])

        public var description: String {
            switch self {
            case .foreignFolder(let path):
                return "\(path) is not empty and was not written by praktika (no \(OutputFolder.markerName) file); refusing to replace it. Choose an empty folder with --output, or empty this one."
            case .notAFolder(let path):
                return "\(path) exists and is not a folder"
            case .wouldOverwrite(let paths):
                return "the build would overwrite files praktika did not write: \(paths.prefix(5).joined(separator: ", "))"
            }
        }
    }

    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: self.destination.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Problem.notAFolder(self.destination.path) }
            let entries = try fm.contentsOfDirectory(atPath: self.destination.path)
                .filter { !$0.hasPrefix(".praktika-staging-") }
            if !entries.isEmpty && !entries.contains(Self.markerName) {
                throw Problem.foreignFolder(self.destination.path)
            }
            createdDestination = false
        } else {
            try fm.createDirectory(at: self.destination, withIntermediateDirectories: true)
            createdDestination = true
        }
        previous = Manifest.read(in: self.destination)
        staging = self.destination.appendingPathComponent(".praktika-staging-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        stagingPath = staging.path
    }

    /// Stages a file, unless the previous build wrote the same bytes there:
    /// that file is then kept as it is, with its modification time, so
    /// rsync-style deploys copy only what changed.
    public func write(_ relativePath: String, _ contents: Data) throws {
        guard let safe = Self.safeRelativePath(relativePath), safe != Self.markerName else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: relativePath])
        }
        let hash = ContentHash.of(contents)
        if previous.files[safe] == hash, Self.size(of: destination.appendingPathComponent(safe)) == contents.count {
            lock.lock(); entries[safe] = hash; unchanged.insert(safe); lock.unlock()
            return
        }
        let folder = safe.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(safe[..<$0]) } ?? ""
        lock.lock()
        entries[safe] = hash
        let isNew = directories.insert(folder).inserted
        lock.unlock()
        if isNew && !folder.isEmpty {
            try Self.makeFolder(stagingPath + "/" + folder)
        }
        try Self.writeFile(stagingPath + "/" + safe, contents)
    }

    /// mkdir(2), parents first when missing: one system call for the usual
    /// case of a page folder whose parent exists, where FileManager made several.
    private static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/") else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        try makeFolder(String(path[..<slash]))
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }

    /// A plain write(2): Foundation's `Data.write` syncs every file to disk,
    /// which costs more than rendering the page. The swap makes the build
    /// all-or-nothing; durability after a power cut is the file system's job.
    private static func writeFile(_ path: String, _ contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                offset += written
            }
        }
    }

    /// Whether this build wrote the same bytes to `relativePath` as the previous one.
    public func isUnchanged(_ relativePath: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return unchanged.contains(relativePath)
    }

    /// Keeps a file of the previous build as it is; returns its size, or nil if there is none.
    public func keep(_ relativePath: String) -> Int? {
        guard let hash = previous.files[relativePath],
              let size = Self.size(of: destination.appendingPathComponent(relativePath)) else { return nil }
        lock.lock(); entries[relativePath] = hash; unchanged.insert(relativePath); lock.unlock()
        return size
    }

    /// Where a tool that writes its own file (WeasyPrint) should put `relativePath`.
    public func stagingURL(for relativePath: String) throws -> URL {
        guard let safe = Self.safeRelativePath(relativePath) else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: relativePath])
        }
        let url = staging.appendingPathComponent(safe)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url
    }

    /// Registers a file such a tool wrote into the staging folder.
    public func adopt(_ relativePath: String) throws -> Int {
        let data = try Data(contentsOf: staging.appendingPathComponent(relativePath))
        lock.lock(); entries[relativePath] = ContentHash.of(data); lock.unlock()
        return data.count
    }

    public func copyFile(from source: URL, to relativePath: String) throws {
        try write(relativePath, try Data(contentsOf: source))
    }

    /// Every file of this build, relative to the output folder.
    public var files: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return Set(entries.keys)
    }

    /// Files whose bytes differ from the previous build's.
    public var changedCount: Int {
        lock.lock(); defer { lock.unlock() }
        return entries.count - unchanged.count
    }

    private static func size(of url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
    }

    /// Replaces the previous output with the staged one.
    public func commit() throws {
        let fm = FileManager.default
        let previousFiles = Set(previous.files.keys)
        let newFiles = files
        let clashes = newFiles.filter { !previousFiles.contains($0) && fm.fileExists(atPath: destination.appendingPathComponent($0).path) }
        guard clashes.isEmpty else { throw Problem.wouldOverwrite(clashes.sorted()) }

        let carried = previousFiles.filter { path in managedElsewhere.contains { path.hasPrefix($0 + "/") } }
        for path in previousFiles.subtracting(newFiles).subtracting(carried) {
            try? fm.removeItem(at: destination.appendingPathComponent(path))
        }
        lock.lock(); var hashes = entries; lock.unlock()
        for path in carried { hashes[path] = previous.files[path] }
        try Self.merge(staging, into: destination)
        Self.removeEmptyFolders(previousFiles.subtracting(newFiles).subtracting(carried), in: destination)
        let manifest = Manifest(fingerprint: fingerprint, files: hashes)
        let text = manifest.text
        if text != previous.text {
            try Data(text.utf8).write(to: destination.appendingPathComponent(Self.markerName))
        }
        try fm.removeItem(at: staging)
    }

    /// After `commit`: replaces the files under `prefix/` with those of `folder`
    /// (made by another tool inside the output folder) and records them.
    public func replaceCommitted(prefix: String, with folder: URL) throws -> Int {
        let fm = FileManager.default
        var manifest = Manifest.read(in: destination)
        let previousFiles = manifest.files.filter { $0.key.hasPrefix(prefix + "/") }
        var fresh: Set<String> = []
        let target = destination.appendingPathComponent(prefix, isDirectory: true)
        if fm.fileExists(atPath: target.path), (try? fm.contentsOfDirectory(atPath: target.path))?.isEmpty == true {
            try fm.removeItem(at: target)
        }
        var count = 0
        if let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let relative = prefix + "/" + String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
                let hash = ContentHash.of(try Data(contentsOf: url))
                // The same bytes as before: keep the old file and its time.
                if previousFiles[relative] == hash, fm.fileExists(atPath: destination.appendingPathComponent(relative).path) {
                    try fm.removeItem(at: url)
                }
                manifest.files[relative] = hash
                fresh.insert(relative)
                count += 1
            }
        }
        for path in previousFiles.keys where !fresh.contains(path) {
            try? fm.removeItem(at: destination.appendingPathComponent(path))
            manifest.files[path] = nil
        }
        if fm.fileExists(atPath: target.path) {
            try Self.merge(folder, into: target)
            try fm.removeItem(at: folder)
        } else {
            try fm.moveItem(at: folder, to: target)
        }
        try Data(manifest.text.utf8).write(to: destination.appendingPathComponent(Self.markerName))
        return count
    }

    /// Packs every file of the output into a zip archive, for schools without reliable internet.
    public func zip(to archive: URL) throws {
        try? FileManager.default.removeItem(at: archive)
        let zip = try Archive(url: archive, accessMode: .create)
        for path in Manifest.read(in: destination).files.keys.sorted() {
            try zip.addEntry(with: path, relativeTo: destination, compressionMethod: .deflate)
        }
    }

    /// Drops the staged files; the previous output stays as it was.
    public func discard() {
        let fm = FileManager.default
        try? fm.removeItem(at: staging)
        if createdDestination, (try? fm.contentsOfDirectory(atPath: destination.path))?.isEmpty == true {
            try? fm.removeItem(at: destination)
        }
    }

    /// The path itself if it stays inside the output folder, else nil.
    static func safeRelativePath(_ path: String) -> String? {
        // On bytes: this runs for every page written.
        var segmentLength = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): return nil
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

    /// Moves the staged tree into place: a folder the destination lacks moves
    /// in one rename; only folders present on both sides are walked.
    private static func merge(_ source: URL, into target: URL) throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(name), to = target.appendingPathComponent(name)
            var targetIsFolder: ObjCBool = false
            if !fm.fileExists(atPath: to.path, isDirectory: &targetIsFolder) {
                try fm.moveItem(at: from, to: to)
                continue
            }
            var sourceIsFolder: ObjCBool = false
            fm.fileExists(atPath: from.path, isDirectory: &sourceIsFolder)
            if sourceIsFolder.boolValue && targetIsFolder.boolValue {
                try merge(from, into: to)
            } else {
                try fm.removeItem(at: to)
                try fm.moveItem(at: from, to: to)
            }
        }
    }

    /// Folders that held only files of the previous build are removed once empty.
    private static func removeEmptyFolders(_ removedFiles: Set<String>, in root: URL) {
        var folders: Set<String> = []
        for path in removedFiles {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let url = root.appendingPathComponent(folder)
            if (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }
}

/// The marker file: which files praktika wrote, their content hashes, and the
/// fingerprint of the inputs they were built from.
public struct Manifest: Sendable {
    public var fingerprint: String
    public var files: [String: String]

    var text: String {
        var lines = [OutputFolder.markerHeader, "fingerprint: \(fingerprint)"]
        lines += files.keys.sorted().map { "\(files[$0]!) \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func read(in folder: URL) -> Manifest {
        var manifest = Manifest(fingerprint: "", files: [:])
        guard let text = try? String(contentsOf: folder.appendingPathComponent(OutputFolder.markerName), encoding: .utf8) else {
            return manifest
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("fingerprint: ") {
                manifest.fingerprint = String(line.dropFirst("fingerprint: ".count))
            } else if let space = line.firstIndex(of: " ") {
                let path = String(line[line.index(after: space)...])
                if OutputFolder.safeRelativePath(path) != nil { manifest.files[path] = String(line[..<space]) }
            }
        }
        return manifest
    }
}
