import Foundation

/// An entity a page shows: its kind and id.
struct EntityRef: Hashable, Sendable {
    let kind: EntityKind
    let id: String

    init(_ kind: EntityKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// The entity a content file holds (`content/schools/x.md`); nil for any other file.
    init?(file path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "content",
              let kind = EntityKind.allCases.first(where: { $0.folder == parts[1] }) else { return nil }
        let ext = kind.isMarkdown ? ".md" : ".yaml"
        guard parts[2].hasSuffix(ext), parts[2].count > ext.count else { return nil }
        self.init(kind, String(parts[2].dropLast(ext.count)))
    }
}

/// What a page is, with what it needs to be built: the page model and the
/// template follow from it.
enum PageKind: Hashable, Sendable {
    case home, search, notFound
    /// Every attachment of practices and seminars, «Материалы».
    case materials
    /// The list of every entity of a kind (schools/, seminars/…); practices have the catalog.
    case index(EntityKind)
    case catalog(page: Int)
    case entity(EntityKind, String)
    case vocabulary(VocabularyKind)
    case term(VocabularyKind, String, page: Int)

    var template: String {
        switch self {
        case .home: return "home"
        case .search: return "search"
        case .materials: return "materials"
        case .notFound: return "404"
        case .index(let kind): return kind.indexTemplate
        case .catalog: return "practices"
        case .entity(let kind, _): return kind.pageTemplate
        case .vocabulary: return "vocabulary"
        case .term: return "term"
        }
    }

    /// The line of the build summary the page counts in.
    var summaryGroup: String {
        switch self {
        case .home: return "home"
        case .notFound: return "404"
        case .search, .index, .catalog, .materials: return "list"
        case .entity(let kind, _): return kind.rawValue
        case .vocabulary, .term: return "term"
        }
    }
}

/// One page of the output: where it goes, what it is, and what it shows.
struct PlannedPage: Sendable {
    let path: String
    let kind: PageKind
    /// The content file the page shows, for messages about the page.
    let source: String?
    /// Every entity whose data appears on the page (its own, cards, links).
    let shows: Set<EntityRef>
    /// Numbers the page counts over many entities (a topic's practices):
    /// when one changes, the page changes although no entity it shows did.
    let figures: [Int]
    /// A practice page's lists, chosen here once: «Похожие практики» and the author school's other practices.
    var related: [String] = []
    var schoolPractices: [String] = []

    var template: String { kind.template }
    var outputFile: String { SitePaths.outputFile(path) }
}

/// Files made from the graph as a whole, beside the pages.
enum GeneratedFile: Hashable, Sendable {
    case sitemap, feed, robots, catalogIndex, catalogSummaries
    /// The folder of the search words (one file per first letter, named by the words).
    case searchWords

    /// The generated files with fixed names.
    static let allNamed = Set([GeneratedFile.sitemap, .feed, .robots, .catalogIndex, .catalogSummaries].map(\.path))

    var path: String {
        switch self {
        case .sitemap: return "sitemap.xml"
        case .feed: return "feed.xml"
        case .robots: return "robots.txt"
        case .catalogIndex: return CatalogIndex.path
        case .catalogSummaries: return CatalogIndex.summariesPath
        case .searchWords: return SearchWords.folder
        }
    }
}

/// The plan stage's result: every file the build writes and why. It is the
/// written set the link check trusts, and serve's map of what to render again.
struct SitePlan: Sendable {
    let pages: [PlannedPage]
    let generated: [GeneratedFile]
    /// Theme assets: output path (`assets/style.css`) and the file it is copied from.
    let assets: [(path: String, source: URL)]
    /// Attachments something published links to, relative to content/files/.
    let attachments: [String]
    /// Per digest: its print page, and its PDF when the printer is installed.
    let digestFiles: [String]

    /// Every output path the build writes (search words as their folder).
    var writtenFiles: Set<String> {
        var files = Set(pages.map(\.outputFile))
        files.formUnion(generated.map(\.path))
        files.formUnion(assets.map(\.path))
        files.formUnion(attachments.map { "files/" + $0 })
        files.formUnion(digestFiles)
        return files
    }

    /// The same plan with other attachments (serve, after a body-only save).
    func with(attachments: [String]) -> SitePlan {
        SitePlan(pages: pages, generated: generated, assets: assets, attachments: attachments, digestFiles: digestFiles)
    }

    /// The pages by output path.
    func pagesByPath() -> [String: PlannedPage] {
        Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
