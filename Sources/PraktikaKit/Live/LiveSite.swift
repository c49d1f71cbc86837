import Foundation

/// The site as `praktika serve` keeps it: every page in memory, rebuilt after
/// each save. Saving a practice re-parses that one file and re-renders only the
/// pages that show it; other changes (a school, a template, site.yaml) render
/// everything again. When the content has errors the last good pages stay.
public final class LiveSite: @unchecked Sendable {
    public struct Update: Sendable {
        public var ok: Bool
        public var diagnostics: [Diagnostic]
        public var changedFiles: [String]
        public var renderedPages: Int
        public var seconds: Double
        public var language: String
    }

    public let site: URL
    let baseURL: String?
    private let cache = EntryCache()
    private let lock = NSLock()
    private var pages: [String: Data] = [:]
    private var assets: [String: URL] = [:]
    private var stamps: [String: FileStamp] = [:]
    private var state: State?
    /// sitemap.xml, feed.xml and the catalog index are made when first asked
    /// for after a change, not at every save.
    private var feedsStale = false

    private struct State {
        var env: RenderEnvironment
        var jobs: [PageJob]
        var shown: PageDependencies
        var termMembership: [VocabularyKind: [String: [String]]]
        /// Problems of the last build, shown again with the next edit's.
        var diagnostics: [Diagnostic]
    }

    public init(site: URL, baseURL: String? = nil) {
        self.site = site.standardizedFileURL
        self.baseURL = baseURL
    }

    /// A page or file of the site by its URL path (`practices/x/index.html`, `assets/style.css`).
    public func file(_ path: String) -> (Data, String)? {
        lock.lock()
        if feedsStale, Self.feedFiles.contains(path) || path.hasPrefix(SearchWords.folder), let state {
            let sink = MemorySink()
            _ = try? SiteRenderer(env: state.env).renderFeeds(pagePaths: state.jobs.map(\.path), to: sink)
            pages.merge(sink.files) { _, new in new }
            feedsStale = false
        }
        let page = pages[path]; let asset = assets[path]
        lock.unlock()
        if let page { return (page, Self.contentType(path)) }
        if let asset, let data = try? Data(contentsOf: asset) { return (data, Self.contentType(path)) }
        if path.hasPrefix("files/"), let relative = AttachmentPath.normalize(String(path.dropFirst("files/".count))) {
            let url = site.appendingPathComponent("content/files").appendingPathComponent(relative)
            // As in a build: never through a symlink out of content/files/ (or out of the site).
            guard SiteBoundary.isInside(url.path, root: site.appendingPathComponent("content/files").path),
                  SiteBoundary.isInside(site.appendingPathComponent("content/files").path, root: site.path),
                  FileSystem.kind(SiteBoundary.realPath(url.path) ?? "") == .file else { return nil }
            if let data = try? Data(contentsOf: url) { return (data, Self.contentType(path)) }
        }
        return nil
    }

    /// Looks for saved files and rebuilds what they affect; nil when nothing changed.
    public func refresh() -> Update? {
        let started = DispatchTime.now()
        let current = Self.scan(site)
        var changed: Set<String> = []
        for (path, stamp) in current where stamps[path] != stamp { changed.insert(path) }
        for path in stamps.keys where current[path] == nil { changed.insert(path) }
        if state != nil && changed.isEmpty { return nil }
        stamps = current
        cache.knownStamps = current
        let practiceFiles = changed.allSatisfy { $0.hasPrefix("content/practices/") && $0.hasSuffix(".md") }
        let (ok, diagnostics, rendered, language) = (state != nil && practiceFiles)
            ? rebuildPractices(changed.map { String(($0 as NSString).lastPathComponent.dropLast(3)) })
            : rebuildAll()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Update(ok: ok, diagnostics: diagnostics, changedFiles: changed.sorted(), renderedPages: rendered, seconds: seconds, language: language)
    }

    private func prepare(cards: HTMLCache, theme: Theme? = nil, drafts: Set<String>? = nil) -> (RenderEnvironment?, [Diagnostic]) {
        let log = DiagnosticLog()
        let preparation = SitePreparation(site: site, baseURL: baseURL, cache: cache, theme: theme, drafts: drafts, cards: cards)
        return (preparation.run(log: log).env, log.all)
    }

    private func rebuildAll() -> (Bool, [Diagnostic], Int, String) {
        let (env, diagnostics) = prepare(cards: HTMLCache())
        guard let env, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (false, diagnostics, 0, env?.site.language ?? "ru")
        }
        var renderer = SiteRenderer(env: env)
        renderer.isLive = true
        let jobs = renderer.jobs()
        let sink = MemorySink()
        let counts = renderer.render(jobs, to: sink, showProgress: false)
        _ = renderer.renderNotFound(to: sink)
        _ = try? renderer.renderFeeds(pagePaths: jobs.map(\.path), to: sink)
        let errors = env.log.all
        guard !errors.contains(where: { $0.severity == .error }) else { return (false, errors, 0, env.site.language) }
        lock.lock()
        pages = sink.files
        assets = Dictionary(uniqueKeysWithValues: env.theme.assets.map { ("assets/" + $0.key, $0.value) })
        state = State(env: env, jobs: jobs, shown: renderer.shown, termMembership: env.graph.practicesByTerm, diagnostics: errors)
        feedsStale = false
        lock.unlock()
        return (true, errors, counts.values.reduce(0, +), env.site.language)
    }

    /// Only practices changed: re-render their pages and the pages that show them.
    private func rebuildPractices(_ ids: [String]) -> (Bool, [Diagnostic], Int, String) {
        guard let old = state else { return rebuildAll() }
        let cards = old.env.practiceCards
        cards.remove(ids)
        let env: RenderEnvironment, jobs: [PageJob], listsMoved: Bool
        if let edited = editedInPlace(ids, old: old, cards: cards) {
            // Same lists, same pages: the jobs of the last build still hold.
            (env, jobs, listsMoved) = (edited, old.jobs, false)
        } else {
            let (prepared, diagnostics) = prepare(cards: cards, theme: old.env.theme, drafts: Set(ids))
            guard let prepared, !diagnostics.contains(where: { $0.severity == .error }) else {
                return (false, diagnostics, 0, prepared?.site.language ?? "ru")
            }
            env = prepared
            jobs = SiteRenderer(env: env).jobs()
            // A new order, or practices added, removed or re-tagged, move cards between list pages.
            listsMoved = env.graph.practiceOrder != old.env.graph.practiceOrder
                || env.graph.practicesByTerm != old.termMembership
        }
        var renderer = SiteRenderer(env: env)
        renderer.isLive = true
        let changed = Set(ids)
        var affected = old.shown.pages(showing: changed)
        affected.formUnion(ids.map { SitePaths.entity(.practice, $0) })
        let selected = jobs.filter { job in
            affected.contains(job.path) || job.kind == "digest" || job.kind == "home"
                || (listsMoved && (job.kind == "list" || job.kind == "term"))
        }
        let sink = MemorySink()
        _ = renderer.render(selected, to: sink, showProgress: false)
        let errors = env.log.all
        guard !errors.contains(where: { $0.severity == .error }) else { return (false, errors, 0, env.site.language) }
        // Pages that are no more (a practice turned draft); none when the jobs were kept.
        let removed = listsMoved ? Set(old.jobs.map { SitePaths.outputFile($0.path) }).subtracting(jobs.map { SitePaths.outputFile($0.path) }) : []
        old.shown.merge(renderer.shown)
        lock.lock()
        pages.merge(sink.files) { _, new in new }
        removed.forEach { pages[$0] = nil }
        state = State(env: env, jobs: jobs, shown: old.shown, termMembership: env.graph.practicesByTerm, diagnostics: errors)
        feedsStale = true
        lock.unlock()
        return (true, errors, selected.count, env.site.language)
    }

    /// The environment for a text-only edit of published practices, built
    /// on the last graph (`PracticeEdit`); nil when the edit needs the full path.
    private func editedInPlace(_ ids: [String], old: State, cards: HTMLCache) -> RenderEnvironment? {
        guard let (entries, warnings) = PracticeEdit.read(ids, site: site, cache: cache),
              let graph = PracticeEdit.replacing(entries, in: old.env.graph) else { return nil }
        let files = Set(entries.map(\.file))
        let log = DiagnosticLog()
        log.add(contentsOf: old.diagnostics.filter { !files.contains($0.location.file) })
        log.add(contentsOf: warnings)
        return RenderEnvironment(graph: graph, theme: old.env.theme, settings: old.env.settings, log: log, practiceCards: cards)
    }

    /// Size and time of every file under content/ and themes/.
    static func scan(_ site: URL) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for folder in ["content", "themes"] {
            stamps.merge(FileStamp.tree(site.appendingPathComponent(folder).path, prefix: folder)) { a, _ in a }
        }
        return stamps
    }

    static let feedFiles: Set<String> = ["sitemap.xml", "feed.xml", "robots.txt", CatalogIndex.path, CatalogIndex.summariesPath]

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
