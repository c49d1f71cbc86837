import CQRencode

/// A QR code drawn as SVG from libqrencode's module matrix, for the printed
/// digest: a reader points a phone at the page and lands on the practice online.
enum QRCode {
    /// - Returns: SVG markup, or nil if the text cannot be encoded.
    static func svg(for text: String, moduleSize: Int = 4, label: String) -> String? {
        guard let code = text.withCString({ QRcode_encodeString($0, 0, QR_ECLEVEL_M, QR_MODE_8, 1) }) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let quiet = 4
        let size = (width + 2 * quiet) * moduleSize
        var path = ""
        path.reserveCapacity(width * width * 6)
        for y in 0..<width {
            var x = 0
            while x < width {
                // Bit 0 of each byte is "dark"; runs of dark modules become one rectangle.
                guard code.pointee.data[y * width + x] & 1 == 1 else { x += 1; continue }
                var run = 1
                while x + run < width, code.pointee.data[y * width + x + run] & 1 == 1 { run += 1 }
                path += "M\(x + quiet) \(y + quiet)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let total = width + 2 * quiet
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"\(size)\" height=\"\(size)\" viewBox=\"0 0 \(total) \(total)\" "
            + "role=\"img\" aria-label=\"\(XMLText.escape(label))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(total)\" height=\"\(total)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}
