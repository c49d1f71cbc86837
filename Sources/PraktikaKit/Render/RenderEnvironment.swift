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
    let fragments = FragmentCache()
    /// The site-wide template keys per section (`PageContext.chrome`).
    let chrome = ChromeCache()
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

/// Rendered fragments shared by the render threads.
final class HTMLCache: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String: String] = [:]

    func remove(_ keys: some Sequence<String>) {
        lock.lock(); defer { lock.unlock() }
        for key in keys { items[key] = nil }
    }

    func value(_ key: String, orRender render: () -> String?) -> String? {
        lock.lock()
        if let cached = items[key] { lock.unlock(); return cached }
        lock.unlock()
        guard let html = render() else { return nil }
        lock.lock(); items[key] = html; lock.unlock()
        return html
    }
}

/// Shared fragments by template, then by key: short keys hash fast, and a
/// page asks for a dozen of them.
final class FragmentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String: [String: String]] = [:]

    func value(_ template: String, _ key: String, orRender render: () -> String?) -> String? {
        lock.lock()
        if let cached = items[template]?[key] { lock.unlock(); return cached }
        lock.unlock()
        guard let html = render() else { return nil }
        lock.lock(); items[template, default: [:]][key] = html; lock.unlock()
        return html
    }
}

final class ChromeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String: [String: Any]] = [:]

    func value(_ key: String) -> [String: Any]? {
        lock.lock(); defer { lock.unlock() }
        return items[key]
    }

    func store(_ key: String, _ value: [String: Any]) {
        lock.lock(); defer { lock.unlock() }
        items[key] = value
    }
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
