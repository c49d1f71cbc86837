import Foundation

struct RenderSettings: Sendable {
    /// Absolute URL the site is published under, ending in `/`; empty when unknown.
    public var baseURL: String
    /// Links name `index.html` files, for a copy opened from disk.
    public var offline: Bool
    /// What counts as "upcoming" for seminars.
    public var today: Day
    /// How many indexed pages one search bundle holds at most (`SearchShards`).
    public var searchShardPages = SearchShards.defaultPagesPerShard

    public init(baseURL: String = "", offline: Bool = false, today: Day = .today()) {
        self.baseURL = baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.offline = offline
        self.today = today
    }
}

/// What every page of one build shares; read-only, used from all render threads.
final class RenderEnvironment: Sendable {
    let graph: SiteGraph
    /// Every published Markdown text as HTML (the link stage's Markdown pass).
    let prose: Prose
    let theme: Theme
    let format: TextFormat
    let settings: RenderSettings
    let log: DiagnosticLog
    /// Rendered practice cards by id; a card looks the same on every list.
    let practiceCards: HTMLCache
    /// Pieces of HTML many pages share (`PageContext.fragment`).
    let fragments = SharedCache<FragmentKey, String>()
    /// The site-wide template keys per section (`PageContext.chrome`).
    let chrome = SharedCache<String, SiteChrome>()
    /// PDFs of the digests made in this build, for the pages that link them.
    let digestPDFs: [String: DigestPDF]
    /// How the search index is split; the search page merges the bundles.
    let searchShards: SearchShards

    var site: SiteConfig { graph.content.site }

    init(graph: SiteGraph, prose: Prose, theme: Theme, settings: RenderSettings, log: DiagnosticLog,
         practiceCards: HTMLCache = HTMLCache(), digestPDFs: [String: DigestPDF] = [:]) {
        self.graph = graph
        self.prose = prose
        self.theme = theme
        self.format = TextFormat(strings: theme.strings, language: graph.content.site.language)
        self.settings = settings
        self.log = log
        self.practiceCards = practiceCards
        self.digestPDFs = digestPDFs
        searchShards = SearchShards(graph: graph, pagesPerShard: settings.searchShardPages)
    }

    /// The same environment with the digests' PDFs, once they are made.
    func with(digestPDFs: [String: DigestPDF]) -> RenderEnvironment {
        RenderEnvironment(graph: graph, prose: prose, theme: theme, settings: settings, log: log,
                          practiceCards: practiceCards, digestPDFs: digestPDFs)
    }

    func absoluteURL(_ path: String) -> String? {
        settings.baseURL.isEmpty ? nil : settings.baseURL + path
    }
}

/// Values made once per build and shared by the render threads: practice
/// cards, shared fragments, the site-wide template keys of a section.
final class SharedCache<Key: Hashable, Value>: @unchecked Sendable {
    private let items = Locked<[Key: Value]>([:])

    func remove(_ keys: some Sequence<Key>) {
        items.withLock { items in for key in keys { items[key] = nil } }
    }

    /// The cached value, or the one `make` returns (a nil is not kept).
    func value(_ key: Key, orMake make: () -> Value?) -> Value? {
        if let cached = items.withLock({ $0[key] }) { return cached }
        guard let value = make() else { return nil }
        items.withLock { $0[key] = value }
        return value
    }
}

/// Rendered practice cards by practice id.
typealias HTMLCache = SharedCache<String, String>

/// A shared fragment: its template and what it shows, in ids (short ASCII
/// keys hash fast, and a page asks for a dozen of them).
struct FragmentKey: Hashable {
    var template: String
    var key: String
}

/// A digest's PDF in the output: its path and size.
struct DigestPDF: Sendable, Equatable {
    var path: String
    var size: Int
}
