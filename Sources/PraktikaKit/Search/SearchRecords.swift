import Foundation

/// Lean copies of the indexed pages for Pagefind: of each page that has a
/// `data-pagefind-body` element, only that element (with the page's language)
/// is written into a scratch folder with the page's own path, so Pagefind
/// makes the same fragments and URLs while parsing about half the bytes (on
/// the generated corpus its CPU time fell by about a quarter). Pages pass
/// through to the real sink unchanged; the copies are made on the render
/// threads as the pages stream by.
final class SearchRecords: PageSink, @unchecked Sendable {
    let folder: URL
    private let inner: PageSink
    private let madeFolders = Locked<Set<String>>([])

    init(folder: URL, forwardingTo inner: PageSink) throws {
        self.folder = folder
        self.inner = inner
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ contents: Data) throws {
        try inner.write(relativePath, contents)
        guard relativePath.hasSuffix(".html"), let lean = Self.lean(contents) else { return }
        let url = folder.appendingPathComponent(relativePath)
        try makeFolder((relativePath as NSString).deletingLastPathComponent, for: url)
        try lean.write(to: url)
    }

    /// Made under the lock: another render thread must not write into a
    /// folder that is recorded as made but does not exist yet.
    private func makeFolder(_ parent: String, for url: URL) throws {
        try madeFolders.withLock { made in
            guard !made.contains(parent) else { return }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            made.insert(parent)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    private static let marker = Data("data-pagefind-body".utf8)

    /// The page reduced to its `data-pagefind-body` element, or nil when it has none.
    static func lean(_ page: Data) -> Data? {
        guard let mark = page.range(of: marker),
              let open = page[page.startIndex..<mark.lowerBound].lastIndex(of: UInt8(ascii: "<")) else { return nil }
        let nameEnd = page[(open + 1)...].firstIndex { !isNameByte($0) } ?? page.endIndex
        guard nameEnd > open + 1, let end = closing(page, tag: Data(page[(open + 1)..<nameEnd]), from: open) else { return nil }
        var lean = Data("<!DOCTYPE html><html lang=\"".utf8)
        lean.append(language(page))
        lean.append(Data("\"><head><meta charset=\"utf-8\"></head><body>".utf8))
        lean.append(page[open..<end])
        lean.append(Data("</body></html>\n".utf8))
        return lean
    }

    /// The end of the element opened at `start`, counting nested elements of the same name.
    private static func closing(_ page: Data, tag: Data, from start: Int) -> Int? {
        let opening = Data("<".utf8) + tag, closing = Data("</".utf8) + tag
        var depth = 0, position = start
        while position < page.endIndex {
            let nextOpen = page.range(of: opening, in: position..<page.endIndex)
            let nextClose = page.range(of: closing, in: position..<page.endIndex)
            guard let close = nextClose else { return nil }
            if let open = nextOpen, open.lowerBound < close.lowerBound {
                position = open.upperBound
                if position < page.endIndex, !isNameByte(page[position]) { depth += 1 }
            } else {
                position = close.upperBound
                depth -= 1
                if depth == 0 { return (page[position...].firstIndex(of: UInt8(ascii: ">")) ?? page.endIndex - 1) + 1 }
            }
        }
        return nil
    }

    private static func language(_ page: Data) -> Data {
        let key = Data("<html lang=\"".utf8)
        guard let found = page.range(of: key, in: page.startIndex..<min(page.endIndex, page.startIndex + 512)),
              let quote = page[found.upperBound...].firstIndex(of: UInt8(ascii: "\"")) else { return Data("ru".utf8) }
        return Data(page[found.upperBound..<quote])
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
}
