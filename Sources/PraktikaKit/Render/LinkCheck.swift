import Foundation

/// The built-in link checker: every internal `href` and `src` of every page
/// must land on a file of the build. Links are collected while pages render
/// (each distinct target once, with the first page that used it) and checked
/// when the set of written files is known.
final class LinkCheck: @unchecked Sendable {
    struct Use {
        var page: String
        var template: String
        var source: String?
        var link: String
    }

    private let lock = NSLock()
    private var targets: [String: Use] = [:]

    func record(html: String, page: String, template: String, source: String?) {
        let folder = (SitePaths.outputFile(page) as NSString).deletingLastPathComponent
        var found: [String: String] = [:]
        for link in Set(Self.internalLinks(in: html)) {
            if let target = Self.resolve(link, from: folder) { found[target] = link }
        }
        lock.lock(); defer { lock.unlock() }
        for (target, link) in found where targets[target] == nil {
            targets[target] = Use(page: page, template: template, source: source, link: link)
        }
    }

    /// Diagnostics for targets that are not among the written files.
    func problems(written: Set<String>, theme: Theme) -> [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return targets.compactMap { target, use in
            if written.contains(target) || written.contains(target + "/index.html") { return nil }
            let file = use.source ?? theme.templateFiles[use.template] ?? "templates/\(use.template).mustache"
            let link = PageLinks.resolvePlaceholder(in: use.link, pagePath: use.page)
            return .error(SourceLocation(file: file), LocalizedText(
                en: "the page `\(use.page)` links to `\(link)`, which is not part of the built site (from the template `\(use.template)` or this file's content)",
                ru: "страница «\(use.page)» ссылается на «\(link)», которой нет в собранном сайте (ссылка из шаблона «\(use.template)» или из содержимого этого файла)"))
        }
    }

    /// The output path a relative link points at, or nil for external links.
    static func resolve(_ link: String, from folder: String) -> String? {
        var path = link
        if path.hasPrefix(PageLinks.rootPlaceholder) {
            // Made by praktika from the site root: no folder arithmetic needed.
            path.removeFirst(PageLinks.rootPlaceholder.count)
            if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
            if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
            return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        }
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        if path.isEmpty || path.hasPrefix("/") { return nil }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return "../" + path }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasSuffix("/") || joined.isEmpty ? (joined.isEmpty ? "index.html" : joined + "/index.html") : joined
    }

    /// `href="…"` and `src="…"` values that are neither external nor anchors.
    static func internalLinks(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { internalLinks(in: $0) }
    }

    private static func internalLinks(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var links: [String] = []
        var index = 0
        let count = bytes.count
        while index < count - 6 {
            // Look for `href="` or `src="` preceded by a space.
            if bytes[index] == UInt8(ascii: " ") {
                var start = -1
                if bytes[index + 1] == UInt8(ascii: "h"), index + 6 < count, bytes[index + 2] == UInt8(ascii: "r"),
                   bytes[index + 3] == UInt8(ascii: "e"), bytes[index + 4] == UInt8(ascii: "f"),
                   bytes[index + 5] == UInt8(ascii: "="), bytes[index + 6] == UInt8(ascii: "\"") {
                    start = index + 7
                } else if bytes[index + 1] == UInt8(ascii: "s"), bytes[index + 2] == UInt8(ascii: "r"),
                          bytes[index + 3] == UInt8(ascii: "c"), bytes[index + 4] == UInt8(ascii: "="),
                          bytes[index + 5] == UInt8(ascii: "\"") {
                    start = index + 6
                }
                if start >= 0 {
                    var end = start
                    while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                    let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    if isInternal(value) { links.append(value.contains("&amp;") ? value.replacingOccurrences(of: "&amp;", with: "&") : value) }
                    index = end
                    continue
                }
            }
            index += 1
        }
        return links
    }

    static func isInternal(_ link: String) -> Bool {
        guard !link.isEmpty, !link.hasPrefix("#") else { return false }
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/") { return false }
        return true
    }
}
