import Foundation

/// The site as `praktika serve` keeps it: every page in memory, rebuilt after
/// each save. Saving entity files (practices, schools, networks, programs,
/// seminars, digests) re-reads them, plans the site again and re-renders the
/// pages whose plan changed or that show a saved entity; other changes (a
/// vocabulary, a template, site.yaml, an attachment) render everything again.
/// When the content has errors the last good pages stay.
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
    private let served = Locked(Served())
    private var stamps: [String: FileStamp] = [:]
    private var state: State?

    /// What the server answers from; replaced as a whole after each rebuild.
    private struct Served {
        var pages: [String: Data] = [:]
        var assets: [String: URL] = [:]
        /// The attachments the plan copies: only what published content links.
        var attachments: Set<String> = []
        /// sitemap.xml, feed.xml and the catalog index are made when first
        /// asked for after a change, not at every save.
        var generatedStale: (env: RenderEnvironment, plan: SitePlan)?
    }

    private struct State {
        var env: RenderEnvironment
        var plan: SitePlan
        /// Problems of the last build, shown again with the next edit's.
        var diagnostics: [Diagnostic]
    }

    public init(site: URL, baseURL: String? = nil) {
        self.site = site.standardizedFileURL
        self.baseURL = baseURL
    }

    /// A page or file of the site by its URL path (`practices/x/index.html`, `assets/style.css`).
    public func file(_ path: String) -> (Data, String)? {
        let (page, asset, attachments) = served.withLock { served -> (Data?, URL?, Set<String>) in
            if let stale = served.generatedStale, Self.isGenerated(path) {
                let renderer = SiteRenderer(env: stale.env)
                for file in renderer.generatedFiles(stale.plan) { served.pages[file.name] = file.bytes }
                served.generatedStale = nil
            }
            return (served.pages[path], served.assets[path], served.attachments)
        }
        if let page { return (page, Self.contentType(path)) }
        if let asset, let data = try? Data(contentsOf: asset) { return (data, Self.contentType(path)) }
        if path.hasPrefix("files/"), let relative = AttachmentPath.normalize(String(path.dropFirst("files/".count))),
           attachments.contains(relative) {
            let url = site.appendingPathComponent("content/files").appendingPathComponent(relative)
            // As in a build: never through a symlink out of content/files/ (or out of the site).
            guard SiteBoundary.isInside(url.path, root: site.appendingPathComponent("content/files").path),
                  SiteBoundary.isInside(site.appendingPathComponent("content/files").path, root: site.path),
                  FileSystem.kind(SiteBoundary.realPath(url.path) ?? "") == .file else { return nil }
            if let data = try? Data(contentsOf: url) { return (data, Self.contentType(path)) }
        }
        return nil
    }

    private static func isGenerated(_ path: String) -> Bool {
        GeneratedFile.allNamed.contains(path) || path.hasPrefix(SearchWords.folder)
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
        let saved = changed.map(EntityRef.init(file:))
        let (ok, diagnostics, rendered, language) = (state != nil && saved.allSatisfy { $0 != nil })
            ? rebuildEntities(saved.compactMap { $0 }, files: changed)
            : rebuildAll()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Update(ok: ok, diagnostics: diagnostics, changedFiles: changed.sorted(), renderedPages: rendered, seconds: seconds, language: language)
    }

    private func rebuildAll() -> (Bool, [Diagnostic], Int, String) {
        let log = DiagnosticLog()
        let preparation = SitePreparation(site: site, baseURL: baseURL, cache: cache)
        let (prepared, language) = preparation.run(log: log)
        guard let env = prepared, !log.hasErrors else { return (false, log.all, 0, language) }
        let plan = Self.plan(env)
        let sink = MemorySink()
        let rendered = render(plan.pages, env: env, to: sink)
        for file in SiteRenderer(env: env).generatedFiles(plan) { try? sink.write(file.name, file.bytes) }
        let diagnostics = env.log.all
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (false, diagnostics, 0, language) }
        served.withLock { served in
            served = Served(pages: sink.files, assets: Dictionary(uniqueKeysWithValues: env.theme.assets.map { ("assets/" + $0.key, $0.value) }),
                            attachments: Set(plan.attachments))
        }
        state = State(env: env, plan: plan, diagnostics: diagnostics)
        return (true, diagnostics, rendered, language)
    }

    /// Only entity files changed: plan again, and render the pages whose plan
    /// changed or that show one of the saved entities.
    private func rebuildEntities(_ saved: [EntityRef], files: Set<String>) -> (Bool, [Diagnostic], Int, String) {
        guard let old = state else { return rebuildAll() }
        let ids = saved.filter { $0.kind == .practice }.map(\.id)
        let onlyPractices = ids.count == saved.count
        // A card shows its author school and the school's name; other saves start the cards afresh.
        let cards = onlyPractices ? old.env.practiceCards : HTMLCache()
        cards.remove(ids)
        let env: RenderEnvironment, plan: SitePlan, samePlan: Bool
        if onlyPractices, let edited = editedInPlace(ids, files: files, old: old, cards: cards) {
            // The same front matter: the same graph, so the same pages; a body
            // may still link other attachments.
            (env, plan, samePlan) = (edited, old.plan.with(attachments: edited.prose.usedFiles.sorted()), true)
        } else {
            let log = DiagnosticLog()
            let edited = Set(saved.map { $0.kind.rawValue + ":" + $0.id })
            var preparation = SitePreparation(site: site, baseURL: baseURL, cache: cache, theme: old.env.theme, drafts: Set(ids), cards: cards)
            // A file's HTML is kept unless it is saved or links to a saved practice (which may have come or gone).
            preparation.previousProse = old.env.prose
            preparation.reusesProse = { file in !files.contains(file) && old.env.prose.files[file].map { $0.targets.isDisjoint(with: edited) } ?? false }
            let (prepared, language) = preparation.run(log: log)
            guard let prepared, !log.hasErrors else { return (false, log.all, 0, language) }
            (env, plan, samePlan) = (prepared, Self.plan(prepared), false)
        }
        // A card counts the schools that took its practice up: the cards of
        // what a saved practice adapts (before or after the save) change too.
        let sources = ids.flatMap { id in [old.env.graph, env.graph].flatMap { $0.practices[id]?.basedOn.map(\.value) ?? [] } }
        cards.remove(sources)
        let saved = Set(saved)
        let selected: [PlannedPage]
        if samePlan {
            selected = plan.pages.filter { !$0.shows.isDisjoint(with: saved) }
        } else {
            let before = old.plan.pagesByPath()
            selected = plan.pages.filter { page in
                guard let previous = before[page.path] else { return true }
                return previous.shows != page.shows || previous.figures != page.figures || !page.shows.isDisjoint(with: saved)
            }
        }
        let sink = MemorySink()
        let rendered = render(selected, env: env, to: sink)
        let diagnostics = env.log.all
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (false, diagnostics, 0, env.site.language) }
        // Pages that are no more (an entity turned draft or deleted).
        let removed = Set(old.plan.pages.map(\.outputFile)).subtracting(plan.pages.map(\.outputFile))
        served.withLock { served in
            served.pages.merge(sink.files) { _, new in new }
            removed.forEach { served.pages[$0] = nil }
            served.attachments = Set(plan.attachments)
            served.generatedStale = (env, plan)
        }
        state = State(env: env, plan: plan, diagnostics: diagnostics)
        return (true, diagnostics, rendered, env.site.language)
    }

    private static func plan(_ env: RenderEnvironment) -> SitePlan {
        // Serve makes no PDFs: a digest links its print page.
        Planner(graph: env.graph, settings: env.settings, theme: env.theme, prose: env.prose, makesPDFs: false).plan()
    }

    /// Renders pages, and the print page of every digest among them.
    private func render(_ pages: [PlannedPage], env: RenderEnvironment, to sink: MemorySink) -> Int {
        var renderer = SiteRenderer(env: env)
        renderer.checksLinks = false
        let counts = renderer.render(pages, to: sink, showProgress: false)
        for case .entity(.digest, let id) in pages.map(\.kind) {
            if let html = DigestStage.printHTML(id, env: env) { try? sink.write("digests/\(id)/print.html", Data(html.utf8)) }
        }
        return counts.values.reduce(0, +)
    }

    /// The environment for an edit of published practices' bodies, built on
    /// the last graph (`PracticeEdit`); nil when the edit needs the full path.
    private func editedInPlace(_ ids: [String], files: Set<String>, old: State, cards: HTMLCache) -> RenderEnvironment? {
        guard let (entries, warnings) = PracticeEdit.read(ids, site: site, cache: cache),
              let graph = PracticeEdit.replacing(entries, in: old.env.graph) else { return nil }
        let prose = MarkdownPass.rendering(practices: ids, of: graph, over: old.env.prose, settings: old.env.settings,
                                           tableLabel: old.env.theme.string("table_label"))
        let log = DiagnosticLog()
        log.add(contentsOf: old.diagnostics.filter { !files.contains($0.location.file) })
        log.add(contentsOf: warnings)
        log.add(contentsOf: files.flatMap { prose.files[$0]?.diagnostics ?? [] })
        return RenderEnvironment(graph: graph, prose: prose, theme: old.env.theme, settings: old.env.settings, log: log, practiceCards: cards)
    }

    /// Size and time of every file under content/ and themes/.
    static func scan(_ site: URL) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for folder in ["content", "themes"] {
            stamps.merge(FileStamp.tree(site.appendingPathComponent(folder).path, prefix: folder)) { a, _ in a }
        }
        return stamps
    }

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
