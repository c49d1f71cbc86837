import Foundation

/// Files in the output folder that praktika did not write (an `.htaccess`,
/// a `CNAME`, a folder of scans someone put there) are carried into every new
/// tree before the switch: hard links (the same file), else copies with the
/// same permissions and time; symlinks are copied as links, never followed.
enum ForeignFiles {
    static func carry(from published: String, to staged: String, praktikas: [String: String], staged files: [String: String]) throws {
        guard FileSystem.kind(published) == .folder else { return }
        var clashes: [String] = []
        try carry(published, staged, relative: "", praktikas: praktikas, staged: files, clashes: &clashes)
        guard clashes.isEmpty else { throw OutputFolder.Problem.wouldOverwrite(clashes.sorted()) }
    }

    private static func carry(_ published: String, _ staged: String, relative: String, praktikas: [String: String],
                              staged files: [String: String], clashes: inout [String]) throws {
        let folder = relative.isEmpty ? published : published + "/" + relative
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        if names.isEmpty, !relative.isEmpty {
            // An empty folder is never praktika's (it removes its folders once empty).
            switch FileSystem.kind(staged + "/" + relative) {
            case .missing: try OutputFolder.makeFolder(staged + "/" + relative)
            case .folder: break
            default: clashes.append(relative)
            }
            return
        }
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            if relative.isEmpty && (name == OutputFolder.markerName || OutputPlaces.isLegacyLeftover(name)) { continue }
            let source = published + "/" + path, target = staged + "/" + path
            switch FileSystem.kind(source) {
            case .folder:
                if ![.missing, .folder].contains(FileSystem.kind(target)) { clashes.append(path); continue }
                try carry(published, staged, relative: path, praktikas: praktikas, staged: files, clashes: &clashes)
            case .file:
                // praktika's file, rewritten now or dropped. A file it no longer
                // writes is dropped only if it still has the bytes praktika wrote:
                // a stale or forged marker line never costs anyone a file.
                if let hash = praktikas[path] {
                    if try files[path] != nil || ContentHash.of(Data(contentsOf: URL(fileURLWithPath: source))) == hash { continue }
                }
                if files[path] != nil || FileSystem.kind(target) != .missing { clashes.append(path); continue }
                // (A kept stale file is a plain foreign file from now on.)
                try OutputFolder.makeFolder((target as NSString).deletingLastPathComponent)
                if link(source, target) != 0 { try copy(source, target) }
            case .symlink:
                if FileSystem.kind(target) != .missing { clashes.append(path); continue }
                try OutputFolder.makeFolder((target as NSString).deletingLastPathComponent)
                let destination = try FileManager.default.destinationOfSymbolicLink(atPath: source)
                guard symlink(destination, target) == 0 else { throw FileSystem.error() }
            case .other:
                throw OutputFolder.Problem.cannotCarry(source)
            case .missing:
                continue
            }
        }
    }

    private static func copy(_ source: String, _ target: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        try OutputFolder.writeFile(target, data)
        let attributes = try FileManager.default.attributesOfItem(atPath: source)
        try FileManager.default.setAttributes(
            [.posixPermissions: attributes[.posixPermissions] as Any, .modificationDate: attributes[.modificationDate] as Any]
                .filter { !($0.value is NSNull) }, ofItemAtPath: target)
    }
}
