import Foundation

public struct RenderSettings: Sendable {
    /// Absolute URL the site is published under, ending in `/`; empty when unknown.
    public var baseURL: String
    /// Links name `index.html` files, for a copy opened from disk.
    public var offline: Bool
    /// What counts as "upcoming" for seminars.
    public var today: Day

    public init(baseURL: String = "", offline: Bool = false, today: Day = .today()) {
        self.baseURL = baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.offline = offline
        self.today = today
    }
}

/// What every page of one build shares; read-only, used from all render threads.
final class RenderEnvironment: Sendable {
    let graph: SiteGraph
    let theme: Theme
    let format: Formatter
    let settings: RenderSettings
    let log: DiagnosticLog
    /// Attachments something published links to; only these are copied.
    let usedFiles: StringSet
    /// Rendered practice cards by id; a card looks the same on every list.
    let practiceCards: HTMLCache
    /// Pieces of HTML many pages share (`PageContext.fragment`).
    let fragments = SharedCache<FragmentKey, String>()
    /// The site-wide template keys per section (`PageContext.chrome`).
    let chrome = SharedCache<String, [String: Any]>()
    /// PDFs of the digests made in this build, for the pages that link them.
    let digestFiles = DigestFiles()

    var site: SiteConfig { graph.content.site }

    init(graph: SiteGraph, theme: Theme, settings: RenderSettings, log: DiagnosticLog, practiceCards: HTMLCache = HTMLCache()) {
        self.graph = graph
        self.theme = theme
        self.format = Formatter(strings: theme.strings)
        self.settings = settings
        self.log = log
        self.usedFiles = StringSet()
        self.practiceCards = practiceCards
    }

    func absoluteURL(_ path: String) -> String? {
        settings.baseURL.isEmpty ? nil : settings.baseURL + path
    }
}

/// Values made once per build and shared by the render threads: practice
/// cards, shared fragments, the site-wide template keys of a section.
final class SharedCache<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Key: Value] = [:]

    func remove(_ keys: some Sequence<Key>) {
        lock.lock(); defer { lock.unlock() }
        for key in keys { items[key] = nil }
    }

    /// The cached value, or the one `make` returns (a nil is not kept).
    func value(_ key: Key, orMake make: () -> Value?) -> Value? {
        lock.lock()
        if let cached = items[key] { lock.unlock(); return cached }
        lock.unlock()
        guard let value = make() else { return nil }
        lock.lock(); items[key] = value; lock.unlock()
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

/// The digest PDFs of a build: id → output path and size.
final class DigestFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: (path: String, size: Int)] = [:]

    func add(_ id: String, path: String, size: Int) {
        lock.lock(); defer { lock.unlock() }
        files[id] = (path, size)
    }

    func pdf(_ id: String) -> (path: String, size: Int)? {
        lock.lock(); defer { lock.unlock() }
        return files[id]
    }
}

/// The practices one page shows; used by one render thread at a time.
final class DependencyRecorder: @unchecked Sendable {
    private(set) var ids: Set<String> = []
    func insert(_ id: String) { ids.insert(id) }
}

/// A set of strings filled from several threads.
final class StringSet: @unchecked Sendable {
    private let lock = NSLock()
    private var set: Set<String> = []

    func insert(_ value: String) {
        lock.lock(); defer { lock.unlock() }
        set.insert(value)
    }

    var values: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return set
    }
}
