import Foundation

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
    private let createdDestination: Bool
    private let lock = NSLock()
    private var written: Set<String> = []
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
        staging = self.destination.appendingPathComponent(".praktika-staging-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    public func write(_ relativePath: String, _ contents: Data) throws {
        let target = try prepare(relativePath)
        try contents.write(to: target)
    }

    public func copyFile(from source: URL, to relativePath: String) throws {
        let target = try prepare(relativePath)
        try FileManager.default.copyItem(at: source, to: target)
    }

    /// Files written so far, relative to the output folder.
    public var files: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return written
    }

    private func prepare(_ relativePath: String) throws -> URL {
        guard let safe = Self.safeRelativePath(relativePath), safe != Self.markerName else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: relativePath])
        }
        let folder = (safe as NSString).deletingLastPathComponent
        lock.lock()
        written.insert(safe)
        let isNew = directories.insert(folder).inserted
        lock.unlock()
        if isNew {
            try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder, isDirectory: true), withIntermediateDirectories: true)
        }
        return staging.appendingPathComponent(safe)
    }

    /// Replaces the previous output with the staged one.
    public func commit() throws {
        let fm = FileManager.default
        let previous = Self.readManifest(in: destination)
        let newFiles = files
        let clashes = newFiles.filter { !previous.contains($0) && fm.fileExists(atPath: destination.appendingPathComponent($0).path) }
        guard clashes.isEmpty else { throw Problem.wouldOverwrite(clashes.sorted()) }

        for path in previous.subtracting(newFiles) {
            try? fm.removeItem(at: destination.appendingPathComponent(path))
        }
        for path in newFiles.sorted() {
            let target = destination.appendingPathComponent(path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.moveItem(at: staging.appendingPathComponent(path), to: target)
        }
        Self.removeEmptyFolders(previous.subtracting(newFiles), in: destination)
        let manifest = ([Self.markerHeader] + newFiles.sorted()).joined(separator: "\n") + "\n"
        try Data(manifest.utf8).write(to: destination.appendingPathComponent(Self.markerName))
        try fm.removeItem(at: staging)
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
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else { return nil }
        return path
    }

    static func readManifest(in folder: URL) -> Set<String> {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(markerName), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init).filter {
            !$0.hasPrefix("#") && safeRelativePath($0) != nil
        })
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
