import Foundation

/// Wakes the rebuild loop when something under content/ or themes/ is saved:
/// inotify where the kernel has it, otherwise a poll every 300 ms.
final class FileWatcher: @unchecked Sendable {
    private let folders: [URL]
    private let onChange: @Sendable () -> Void
    private var descriptor: Int32 = -1
    private var watched: [Int32: String] = [:]
    private(set) var usesInotify = false

    init(folders: [URL], onChange: @escaping @Sendable () -> Void) {
        self.folders = folders
        self.onChange = onChange
    }

    func start() {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        if descriptor >= 0 {
            usesInotify = true
            for folder in folders { addTree(folder) }
            Thread.detachNewThread { [self] in readLoop() }
            return
        }
        #endif
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.3)
                onChange()
            }
        }
    }

    #if os(Linux)
    private func addTree(_ folder: URL) {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY)
        let handle = inotify_add_watch(descriptor, folder.path, mask)
        if handle >= 0 { watched[handle] = folder.path }
        guard let entries = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) else { return }
        for entry in entries where (try? entry.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
            addTree(entry)
        }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { Thread.sleep(forTimeInterval: 0.3); onChange(); continue }
            // New folders need watches of their own.
            var offset = 0
            while offset < count {
                let event = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset, as: inotify_event.self) }
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE) != 0, event.len > 0, let parent = watched[event.wd] {
                    let name = buffer.withUnsafeBytes { raw -> String in
                        let start = raw.baseAddress!.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self)
                        return String(cString: start)
                    }
                    addTree(URL(fileURLWithPath: parent).appendingPathComponent(name))
                }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
            }
            onChange()
        }
    }
    #endif
}
