import Foundation

/// Reads `href` and `src` attributes out of built pages, to check that every
/// internal link lands on a written file.
enum HTMLLinks {
    static func attributes(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\b(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { (html as NSString).substring(with: $0.range(at: 1)) }
    }

    static func isInternal(_ link: String) -> Bool {
        !(link.isEmpty || link.hasPrefix("#") || link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:"))
    }

    /// Internal links of every HTML page under `output` that point at no file.
    static func broken(in output: URL) throws -> [String] {
        var broken: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: output.path)!
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".html"), relative != "404.html" else { continue }
            let page = output.appendingPathComponent(relative)
            let html = try String(contentsOf: page, encoding: .utf8)
            for link in attributes(in: html) where isInternal(link) {
                let path = link.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
                let decoded = path.removingPercentEncoding ?? path
                var target = page.deletingLastPathComponent().appendingPathComponent(decoded).standardizedFileURL
                if decoded.hasSuffix("/") || decoded.isEmpty { target = target.appendingPathComponent("index.html") }
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) || isDirectory.boolValue {
                    if isDirectory.boolValue, FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path) { continue }
                    broken.append("\(relative) → \(link)")
                }
            }
        }
        return broken
    }
}
