import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a build keeps the practices' body HTML between the link stage and
/// the pages that show it: one scratch file in the staged tree, written once
/// and read back by offset. A big bank's HTML is as large as its Markdown
/// (about 0.9 GB at 50,000 practices) and was half of the build's peak
/// memory; on disk it sits in the page cache, which the kernel can write out
/// and evict. `SiteBuilder` removes it when the staging ends, before the search and the switch.
final class ProseSpill: @unchecked Sendable {
    struct Slot: Sendable, Equatable {
        let offset: Int
        let length: Int
    }

    static let fileName = ".praktika-prose"

    let url: URL
    private let descriptor: Int32
    private let end = Locked(0)

    /// Nil when the file cannot be made: the HTML then stays in memory, as in `check` and `serve`.
    init?(in folder: URL) {
        url = folder.appendingPathComponent(Self.fileName)
        descriptor = open(url.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Appends the text; nil when it could not be written (it is then kept in memory).
    func store(_ html: String) -> Slot? {
        var text = html
        return text.withUTF8 { bytes -> Slot? in
            let offset = end.withLock { end -> Int in
                defer { end += bytes.count }
                return end
            }
            var written = 0
            while written < bytes.count {
                let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return nil }
                written += result
            }
            return Slot(offset: offset, length: bytes.count)
        }
    }

    /// The text of a slot; the file is the build's own and complete, so a short read is a broken machine.
    func read(_ slot: Slot) -> String {
        String(unsafeUninitializedCapacity: slot.length) { buffer in
            var done = 0
            while done < slot.length {
                let result = pread(descriptor, buffer.baseAddress! + done, slot.length - done, off_t(slot.offset + done))
                if result < 0, errno == EINTR { continue }
                precondition(result > 0, "praktika: cannot read back its scratch file \(url.path) (errno \(errno))")
                done += result
            }
            return done
        }
    }
}
