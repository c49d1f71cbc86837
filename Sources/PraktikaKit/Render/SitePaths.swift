import Foundation

/// Where each page lives in the output, as a path from the site root
/// (`practices/mentoring/`). Pages link to each other relatively, so the
/// site works under any sub-path and, with `offline`, from a folder on disk.
enum SitePaths {
    public static let home = ""

    public static func entity(_ kind: EntityKind, _ id: String) -> String { "\(kind.folder)/\(id)/" }
    public static func index(_ kind: EntityKind) -> String { "\(kind.folder)/" }
    public static let materials = "materials/"
    public static func term(_ vocabulary: VocabularyKind, _ id: String) -> String { "\(vocabulary.rawValue)/\(id)/" }
    public static func vocabulary(_ vocabulary: VocabularyKind) -> String { "\(vocabulary.rawValue)/" }

    /// An attachment's URL path, each segment percent-encoded (Cyrillic names and spaces are common).
    public static func file(_ relative: String) -> String {
        "files/" + relative.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? String($0)
        }.joined(separator: "/")
    }

    private static let segmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#;")
        return set
    }()

    /// Page `number` of a paginated list: the first page is the list itself.
    public static func paged(_ base: String, _ number: Int) -> String {
        number <= 1 ? base : "\(base)page/\(number)/"
    }

    /// The file a page path is written to: `practices/x/` → `practices/x/index.html`.
    public static func outputFile(_ path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}

/// Relative links from one page.
///
/// Pages are rendered with a placeholder where the path to the site root
/// goes, and the placeholder is replaced by `../../` (as deep as the page is)
/// when the page is written. So a piece of HTML — a practice card — is the
/// same on every page that shows it and is rendered once per build.
struct PageLinks: Sendable {
    /// Characters that neither HTML escaping nor cmark's URL encoding changes.
    public static let rootPlaceholder = "@@praktika.root@@"

    /// Links for any page, with the root left as the placeholder.
    public static func deferred(offline: Bool) -> PageLinks {
        PageLinks(root: rootPlaceholder, offline: offline)
    }

    /// The page's HTML with the placeholder replaced by the page's own way to the root.
    public static func resolvePlaceholder(in html: String, pagePath: String) -> String {
        resolvePlaceholder(in: html, root: PageLinks(pagePath: pagePath, offline: false).root)
    }

    public static func resolvePlaceholder(in html: String, root: String) -> String {
        String(decoding: resolvedBytes(html, root: root), as: UTF8.self)
    }

    /// The page as the bytes to write, made in one pass without an
    /// intermediate String (a page is rendered, resolved and written once).
    static func resolvedBytes(_ html: String, root: String) -> Data {
        let placeholder = Array(rootPlaceholder.utf8)
        let replacement = Array(root.utf8)
        var html = html
        return html.withUTF8 { bytes -> Data in
            guard let base = bytes.baseAddress else { return Data() }
            var out = Data()
            var index = 0, copied = 0
            while index + placeholder.count <= bytes.count {
                guard let found = memchr(base + index, Int32(placeholder[0]), bytes.count - index) else { break }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + placeholder.count > bytes.count { break }
                if memcmp(base + index, placeholder, placeholder.count) != 0 {
                    index += 1
                } else {
                    if out.isEmpty { out.reserveCapacity(bytes.count) }
                    out.append(base + copied, count: index - copied)
                    let next = index + placeholder.count
                    // At the top level, a bare link to the root must still be a link.
                    if replacement.isEmpty, next < bytes.count, bytes[next] == UInt8(ascii: "\"") {
                        out.append(contentsOf: "./".utf8)
                    } else {
                        out.append(contentsOf: replacement)
                    }
                    index = next
                    copied = next
                }
            }
            out.append(base + copied, count: bytes.count - copied)
            return out
        }
    }

    /// `../../` for a page two folders deep.
    public let root: String
    public let offline: Bool

    public init(pagePath: String, offline: Bool) {
        let depth = SitePaths.outputFile(pagePath).split(separator: "/").count - 1
        root = String(repeating: "../", count: depth)
        self.offline = offline
    }

    public init(root: String, offline: Bool) {
        self.root = root
        self.offline = offline
    }

    /// A relative link to a page path; offline copies name the file, since
    /// browsers do not open a folder's index.html from disk.
    public func to(_ path: String) -> String {
        let target = offline ? SitePaths.outputFile(path) : path
        if root.isEmpty && target.isEmpty { return "./" }
        return root + target
    }
}
