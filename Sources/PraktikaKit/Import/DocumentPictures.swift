import Foundation
import ZIPFoundation

/// The pictures of a .docx or .odt, read from its zip by the path pandoc names
/// (`media/image1.png` is `word/media/image1.png` in a .docx; `Pictures/…` in an .odt).
/// Only formats a browser shows and nothing can run in are taken.
struct DocumentPictures {
    static let allowedExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]
    /// A picture bigger than this is a mistake or a zip bomb, not an illustration.
    static let maximumBytes = 20 * 1024 * 1024

    enum Failure: Error { case missing, format(String), tooBig }

    private let archive: Archive?

    init(container: URL) {
        archive = try? Archive(url: container, accessMode: .read)
    }

    /// The picture's bytes and its lower-case extension; the importer names it `image<N>.<ext>`,
    /// so no part of a name written inside the document reaches a path.
    func data(for path: String) throws(Failure) -> (ext: String, data: Data) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard Self.allowedExtensions.contains(ext) else { throw .format(ext) }
        guard let archive, let entry = archive["word/" + path] ?? archive[path], entry.type == .file else { throw .missing }
        guard entry.uncompressedSize <= UInt64(Self.maximumBytes) else { throw .tooBig }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > Self.maximumBytes { throw Failure.tooBig }
            }
        } catch {
            throw .missing
        }
        return (ext == "jpeg" ? "jpg" : ext, data)
    }
}
