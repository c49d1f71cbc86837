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

    func data(for path: String) throws(Failure) -> (name: String, data: Data) {
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
        return (Self.safeName(path), data)
    }

    /// Latin letters, digits, `-`, `_` and one extension: nothing a path could be built from.
    static func safeName(_ path: String) -> String {
        let last = (path as NSString).lastPathComponent
        let ext = (last as NSString).pathExtension.lowercased()
        let stem = (last as NSString).deletingPathExtension
        var cleaned = String(stem.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "-"
        })
        if cleaned.count > 40 { cleaned = String(cleaned.prefix(40)) }
        if cleaned.isEmpty || cleaned.allSatisfy({ $0 == "-" }) { cleaned = "image" }
        return cleaned + "." + ext
    }
}
