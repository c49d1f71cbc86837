import Foundation

/// The built-in link checker: every internal `href` and `src` of every page
/// must land on a file of the build. Links are collected while pages render
/// (each distinct target once, with the first page that used it) and checked
/// when the set of written files is known.
final class LinkCheck: Sendable {
    struct Use {
        var page: String
        var template: String
        var source: String?
        var link: String
    }

    private struct Seen {
        var targets: [String: Use] = [:]
        /// Links written from the site root mean the same on every page, so
        /// each is resolved once per build, not once per page that has it. They
        /// are keyed by a hash of their bytes (the text is compared on a hit), so
        /// a link seen before costs no String: a page has a hundred of them.
        var rootLinks: [UInt64: String] = [:]
        var rootLinksCollided: Set<String> = []
    }
    private let seen = Locked(Seen())

    func record(html: String, page: String, template: String, source: String?) {
        var html = html
        let fresh: [String] = html.withUTF8 { bytes in
            let links = Self.internalLinkRanges(in: bytes)
            guard !links.isEmpty else { return [] }
            var fresh: [String] = []
            seen.withLock { state in
                for range in links {
                    let value = UnsafeBufferPointer(rebasing: bytes[range])
                    guard value.starts(with: Self.placeholder) else { fresh.append(Self.text(of: value)); continue }
                    var hash = ContentHash()
                    hash.add(UnsafeRawBufferPointer(value))
                    if let known = state.rootLinks[hash.value] {
                        if Self.same(known, value) { continue }
                        let text = Self.text(of: value)
                        if state.rootLinksCollided.insert(text).inserted { fresh.append(text) }
                    } else {
                        let text = Self.text(of: value)
                        state.rootLinks[hash.value] = text
                        fresh.append(text)
                    }
                }
            }
            return fresh
        }
        guard !fresh.isEmpty else { return }
        let folder = (SitePaths.outputFile(page) as NSString).deletingLastPathComponent
        let found = fresh.compactMap { link in Self.resolve(link, from: folder).map { (target: $0, link: link) } }
        seen.withLock { state in
            for (target, link) in found where state.targets[target] == nil {
                state.targets[target] = Use(page: page, template: template, source: source, link: link)
            }
        }
    }

    private static let placeholder = Array(PageLinks.rootPlaceholder.utf8)

    private static func same(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
    }

    /// An attribute value as the link it stands for: the references the
    /// escaper writes (`&#39;` in `O'Brien.pdf`) read back, `&amp;` last.
    private static func text(of value: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: value, as: UTF8.self)
        guard value.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Diagnostics for targets that are not among the written files.
    func problems(written: Set<String>, theme: Theme) -> [Diagnostic] {
        return seen.current.targets.compactMap { target, use in
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
        if path.utf8.starts(with: PageLinks.rootPlaceholder.utf8) {
            // Made by praktika from the site root: no folder arithmetic needed.
            path = String(path.utf8.dropFirst(PageLinks.rootPlaceholder.utf8.count))!
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

    /// Where the `href="…"` and `src="…"` values that are neither external
    /// nor anchors are in a page's bytes.
    private static func internalLinkRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [] }
        var links: [Range<Int>] = []
        let count = bytes.count
        var index = 0
        let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "=")
        while index < count {
            // Jump from `=` to `=`: attribute values are where links are.
            guard let found = memchr(base + index, Int32(equals), count - index) else { break }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            index = at + 1
            guard at + 1 < count, bytes[at + 1] == quote else { continue }
            let isHref = at >= 5 && bytes[at - 5] == 0x20 && bytes[at - 4] == UInt8(ascii: "h") && bytes[at - 3] == UInt8(ascii: "r")
                && bytes[at - 2] == UInt8(ascii: "e") && bytes[at - 1] == UInt8(ascii: "f")
            let isSrc = at >= 4 && bytes[at - 4] == 0x20 && bytes[at - 3] == UInt8(ascii: "s") && bytes[at - 2] == UInt8(ascii: "r")
                && bytes[at - 1] == UInt8(ascii: "c")
            guard isHref || isSrc else { continue }
            let start = at + 2
            guard let close = memchr(base + start, Int32(quote), count - start) else { break }
            let end = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
            index = end + 1
            if isInternal(UnsafeBufferPointer(rebasing: bytes[start..<end])) { links.append(start..<end) }
        }
        return links
    }

    /// Not empty, not an anchor, and no `scheme:` before the first slash.
    private static func isInternal(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = value.first, first != UInt8(ascii: "#") else { return false }
        for byte in value {
            if byte == UInt8(ascii: "/") { return true }
            if byte == UInt8(ascii: ":") { return false }
        }
        return true
    }
}

extension LinkCheck {
    /// The links of every Markdown text, from the page of the file it belongs
    /// to: `check`, which renders no page, still finds a dead relative link.
    func record(prose: Prose, plan: SitePlan) {
        for page in plan.pages {
            guard let source = page.source else { continue }
            for html in prose.htmlTexts(of: source) { record(html: html, page: page.path, template: page.template, source: source) }
        }
    }
}
