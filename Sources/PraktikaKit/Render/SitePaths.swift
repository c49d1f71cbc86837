import Foundation

/// Where each page lives in the output, as a path from the site root
/// (`practices/mentoring/`). Pages link to each other relatively, so the
/// site works under any sub-path and, with `offline`, from a folder on disk.
public enum SitePaths {
    public static let home = ""

    public static func entity(_ kind: EntityKind, _ id: String) -> String { "\(kind.folder)/\(id)/" }
    public static func index(_ kind: EntityKind) -> String { "\(kind.folder)/" }
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

    /// The file a page path is written to: `practices/x/` → `practices/x/index.html`.
    public static func outputFile(_ path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}

/// Relative links from one page.
public struct PageLinks: Sendable {
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
