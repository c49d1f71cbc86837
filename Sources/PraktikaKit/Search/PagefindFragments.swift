import CGzip
import Foundation

/// Which fragment of a Pagefind bundle holds which page. The search page
/// drops a kept bundle's result for a page that the recent-edits bundle has
/// anew, before downloading anything; Pagefind names a result by its
/// fragment's file name, so the build reads each fragment's URL. A fragment
/// is gzip-compressed JSON that starts `pagefind_dcd{"url":"…"`: only its
/// first bytes are inflated.
enum PagefindFragments {
    /// Fragment id (the file name without `.pf_fragment`) by page URL, for the
    /// fragment files given by their full paths; a file that cannot be read is left out.
    static func ids(of files: [URL]) -> [String: String] {
        var ids: [String: String] = [:]
        for file in files where file.pathExtension == "pf_fragment" {
            guard let data = try? Data(contentsOf: file), let url = url(inFragment: data) else { continue }
            ids[url] = file.deletingPathExtension().lastPathComponent
        }
        return ids
    }

    /// The URL Pagefind gives the page at `outputFile` of a site indexed from its root.
    static func url(ofOutputFile outputFile: String) -> String {
        let path = outputFile.hasSuffix("index.html") ? String(outputFile.dropLast("index.html".count)) : outputFile
        return "/" + path
    }

    private static let prefix = Array("pagefind_dcd{\"url\":".utf8)

    /// The page URL a compressed fragment starts with.
    static func url(inFragment compressed: Data) -> String? {
        guard let head = inflatedHead(compressed, limit: 2048), head.starts(with: prefix) else { return nil }
        // The URL is a JSON string: read up to its closing quote, then decode it as JSON.
        var at = prefix.count, escaped = false
        guard at < head.count, head[at] == UInt8(ascii: "\"") else { return nil }
        at += 1
        while at < head.count {
            let byte = head[at]
            if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { break }
            at += 1
        }
        guard at < head.count else { return nil }
        return try? JSONDecoder().decode(String.self, from: Data(head[prefix.count...at]))
    }

    /// Up to `limit` bytes of the gzip stream's contents.
    private static func inflatedHead(_ compressed: Data, limit: Int) -> [UInt8]? {
        var stream = z_stream()
        // 16 + MAX_WBITS: a gzip header, not a raw zlib one.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: limit)
        var input = [UInt8](compressed)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { return nil }
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        guard let produced else { return nil }
        return Array(output[0..<produced])
    }
}
