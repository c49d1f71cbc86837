import Foundation

/// Where a build of an output folder `DIR/NAME` keeps its own things: all of
/// them are siblings of the output, never inside it, so nothing praktika
/// makes for itself is published, deployed or indexed.
///
/// - `DIR/.NAME.praktika-lock`: held (flock) while a build writes; the kernel
///   drops it when the process dies, also after kill -9.
/// - `DIR/.NAME.praktika-staging`: the new tree, built completely.
/// - `DIR/.NAME.praktika-old`: the previous tree, just after the switch.
struct OutputPlaces {
    let output: String
    let parent: String
    let lock: String
    let staging: String
    let old: String

    init(output url: URL) {
        output = url.standardizedFileURL.path
        parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        lock = parent + "/." + name + ".praktika-lock"
        staging = parent + "/." + name + ".praktika-staging"
        old = parent + "/." + name + ".praktika-old"
    }

    /// Names an earlier praktika used for its temporary folders inside the output.
    static func isLegacyLeftover(_ topLevelName: String) -> Bool {
        topLevelName.hasPrefix(".praktika-staging-") || topLevelName.hasPrefix(".praktika-pagefind-")
    }
}

/// An exclusive flock on the lock file beside the output folder.
final class OutputLock {
    private let descriptor: Int32

    init(_ path: String, output: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EACCES || code == EROFS || code == EPERM {
                throw OutputFolder.Problem.parentNotWritable(output, (path as NSString).deletingLastPathComponent)
            }
            throw FileSystem.error(code)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw OutputFolder.Problem.busy(output, holder)
        }
        self.descriptor = descriptor
        let pid = Data("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit { close(descriptor) }
}

/// Renames that switch trees, and the repair of an interrupted switch.
enum TreeSwitch {
    /// Linux's renameat2(2), looked up at run time (glibc ≥ 2.28): with
    /// RENAME_EXCHANGE the published folder is never missing, not even for
    /// the moment between two renames.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: RenameAt2? = {
        guard ProcessInfo.processInfo.environment["PRAKTIKA_NO_EXCHANGE"] == nil,
              let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    private static let atCurrentFolder: Int32 = -100
    private static let exchangeFlag: UInt32 = 2

    static func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw FileSystem.error() }
    }

    /// Puts `staging` in place of `output`; the previous tree ends up at `old`.
    /// `between` runs after the first step (for fault injection); when it
    /// fails, the first step is undone, so a failed switch changes nothing.
    /// Returns a note when the switch succeeded but the previous tree could
    /// not be moved aside (the next run removes it).
    static func publish(places: OutputPlaces, between: () throws -> Void) throws -> String? {
        guard FileSystem.kind(places.output) != .missing else {
            try between()
            try rename(places.staging, places.output)
            return nil
        }
        if let renameat2, renameat2(atCurrentFolder, places.staging, atCurrentFolder, places.output, exchangeFlag) == 0 {
            // The old tree is now at the staging name; an interrupted run is
            // repaired by `recover` (a leftover is removed only file by file).
            do { try between() } catch {
                _ = renameat2(atCurrentFolder, places.staging, atCurrentFolder, places.output, exchangeFlag)
                throw error
            }
            do { try rename(places.staging, places.old) } catch {
                return "the previous output stays at \(places.staging) until the next build: \(error)"
            }
            return nil
        }
        try rename(places.output, places.old)
        do {
            try between()
            try rename(places.staging, places.output)
        } catch {
            try? rename(places.old, places.output)
            throw error
        }
        return nil
    }

    /// Run under the lock before a build: finishes or rolls back a switch
    /// that was interrupted, then removes what is left of an earlier run.
    /// Returns notes for the summary.
    static func recover(_ places: OutputPlaces) throws -> [String] {
        var notes: [String] = []
        if FileSystem.kind(places.output) == .missing, FileSystem.kind(places.old) == .folder {
            // Interrupted between the two renames: the staged tree is complete
            // when it has its marker (written last, before the switch).
            if FileSystem.kind(places.staging + "/" + OutputFolder.markerName) == .file {
                try rename(places.staging, places.output)
                notes.append("finished the switch of an interrupted build")
            } else {
                try rename(places.old, places.output)
                notes.append("restored the previous output after an interrupted build")
            }
        }
        for leftover in [places.staging, places.old] where FileSystem.kind(leftover) != .missing {
            if !TreeRemoval.removeLeftover(leftover, published: places.output) {
                let kept = leftover + "-kept-\(Int(Date().timeIntervalSince1970))"
                try rename(leftover, kept)
                notes.append("kept \(kept): it holds files praktika did not write")
            }
        }
        return notes
    }
}

/// Removing what praktika made, and nothing else.
enum TreeRemoval {
    /// A leftover tree (a staging folder or a previous tree) goes when every
    /// file in it is praktika's: listed in its own marker, or the same file
    /// as the one at the same place in the published tree (foreign files are
    /// carried into each new tree, as hard links or copies). A staging folder
    /// without a marker was interrupted while praktika filled it, so all of
    /// it is praktika's. Returns whether the tree is gone.
    /// `manifest`: the tree's marker, when the caller has read it already
    /// (the previous output, read when the build started).
    static func removeLeftover(_ root: String, published: String, manifest known: Manifest? = nil) -> Bool {
        guard FileSystem.kind(root) == .folder else {
            return FileSystem.kind(root) == .missing || unlink(root) == 0
        }
        guard FileSystem.kind(root + "/" + OutputFolder.markerName) == .file else {
            removeAll(root)
            return FileSystem.kind(root) == .missing
        }
        // Its lines need not be checked against the tree (an lstat each, 27,000 on a
        // large site): `removeKnown` looks at every entry itself and unlinks plain files only.
        let manifest = known ?? Manifest.read(in: URL(fileURLWithPath: root, isDirectory: true), requireFiles: false)
        // The top folders two at a time: unlinking is the kernel's work, and
        // folders apart take it on both cores (a large site's pages and its index).
        let top = FileSystem.entries(root) ?? []
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: min(2, max(1, top.count))) { _ in
            while let index = next.take(below: top.count) {
                removeKnown(root, relative: top[index].name, kind: top[index].kind, manifest: manifest, published: published)
            }
        }
        if (FileSystem.entries(root) ?? []).map(\.name) == [OutputFolder.markerName] {
            // The marker last: while anything else is left, the tree stays recognisable.
            unlink(root + "/" + OutputFolder.markerName)
        }
        rmdir(root)
        return FileSystem.kind(root) == .missing
    }

    /// Removes the entry at `path` (relative to `root`) when it is praktika's; a folder entry by entry.
    private static func removeKnown(_ root: String, relative path: String, kind: FileSystem.Kind, manifest: Manifest, published: String) {
        let here = root + "/" + path, there = published + "/" + path
        switch kind {
        case .folder:
            if !path.contains("/") && OutputPlaces.isLegacyLeftover(path) {
                removeAll(here)
                return
            }
            for entry in FileSystem.entries(here) ?? [] {
                removeKnown(root, relative: path + "/" + entry.name, kind: entry.kind, manifest: manifest, published: published)
            }
            rmdir(here)
        case .file:
            if path == OutputFolder.markerName { return }
            if manifest.files[path] != nil || sameFile(here, there) { unlink(here) }
        case .symlink:
            if FileSystem.kind(there) == .symlink, linkTarget(here) == linkTarget(there) { unlink(here) }
        default: break
        }
    }

    /// Recursive removal that never follows a symlink.
    static func removeAll(_ path: String) {
        if FileSystem.kind(path) == .folder {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                removeAll(path + "/" + name)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }

    /// The same inode, or two regular files with the same bytes.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let left = FileSystem.status(a), let right = FileSystem.status(b),
              left.st_mode & S_IFMT == S_IFREG, right.st_mode & S_IFMT == S_IFREG else { return false }
        if left.st_dev == right.st_dev && left.st_ino == right.st_ino { return true }
        guard left.st_size == right.st_size,
              let one = FileManager.default.contents(atPath: a), let two = FileManager.default.contents(atPath: b) else { return false }
        return one == two
    }
}
