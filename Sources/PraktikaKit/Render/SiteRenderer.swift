import Foundation

/// Where rendered pages go: the output folder, or nowhere for `check`.
public protocol PageSink: Sendable {
    func write(_ relativePath: String, _ contents: Data) throws
}

public struct DiscardingSink: PageSink {
    public init() {}
    public func write(_ relativePath: String, _ contents: Data) throws {}
}

/// One page to render: where it goes, which template, how to build its view model.
struct PageJob: Sendable {
    var path: String
    var template: String
    var kind: String
    /// The content file the page shows, for messages about the page.
    var source: String? = nil
    var build: @Sendable (PageContext) -> [String: Any]?
}

/// The render stage: every page's view model through the theme's templates,
/// rendered in parallel and streamed to the sink as each page is done.
struct SiteRenderer {
    let env: RenderEnvironment
    let linkCheck = LinkCheck()
    /// Practices shown by each page (output path → ids), filled while rendering.
    let shown = PageDependencies()
    /// Serve mode: pages are rendered again at every save, so links are not
    /// checked, and each page records which practices it shows, so that an
    /// edit re-renders only the pages that show the practice.
    var isLive = false

    func jobs() -> [PageJob] {
        let graph = env.graph
        var jobs: [PageJob] = [
            PageJob(path: SitePaths.home, template: "home", kind: "home") { $0.homePage() },
            PageJob(path: SitePaths.index(.school), template: "schools", kind: "list") { $0.schoolIndexPage() },
            PageJob(path: SitePaths.index(.network), template: "networks", kind: "list") { $0.networkIndexPage() },
            PageJob(path: SitePaths.index(.program), template: "programs", kind: "list") { $0.programIndexPage() },
            PageJob(path: SitePaths.index(.seminar), template: "seminars", kind: "list") { $0.seminarIndexPage() },
            PageJob(path: "search/", template: "search", kind: "list") {
                $0.frame(kind: "search", title: $0.t("search_title"), description: $0.t("search_intro"), [:])
            },
        ]
        let catalog = Pagination(base: SitePaths.index(.practice), count: graph.practiceOrder.count)
        jobs += (1...catalog.pageCount).map { number in
            PageJob(path: SitePaths.paged(catalog.base, number), template: "practices", kind: "list") { $0.practiceCatalogPage(number) }
        }
        jobs += graph.practiceOrder.map { id in
            PageJob(path: SitePaths.entity(.practice, id), template: "practice", kind: "practice", source: graph.practices[id]?.file) { $0.practicePage(id) }
        }
        jobs += graph.schools.keys.sorted().map { id in
            PageJob(path: SitePaths.entity(.school, id), template: "school", kind: "school", source: graph.schools[id]?.file) { $0.schoolPage(id) }
        }
        jobs += graph.networks.keys.sorted().map { id in
            PageJob(path: SitePaths.entity(.network, id), template: "network", kind: "network", source: graph.networks[id]?.file) { $0.networkPage(id) }
        }
        jobs += graph.programs.keys.sorted().map { id in
            PageJob(path: SitePaths.entity(.program, id), template: "program", kind: "program", source: graph.programs[id]?.file) { $0.programPage(id) }
        }
        jobs += graph.seminarOrder.map { id in
            PageJob(path: SitePaths.entity(.seminar, id), template: "seminar", kind: "seminar", source: graph.seminars[id]?.file) { $0.seminarPage(id) }
        }
        if !graph.digests.isEmpty {
            jobs.append(PageJob(path: SitePaths.index(.digest), template: "digests", kind: "list") { $0.digestIndexPage() })
            jobs += graph.digests.keys.sorted().map { id in
                PageJob(path: SitePaths.entity(.digest, id), template: "digest-page", kind: "digest", source: graph.digests[id]?.file) {
                    $0.digestPage(id, forPrint: false)
                }
            }
        }
        for vocabulary in VocabularyKind.allCases {
            guard let terms = graph.content.vocabularies[vocabulary]?.terms else { continue }
            jobs.append(PageJob(path: SitePaths.vocabulary(vocabulary), template: "vocabulary", kind: "term") { $0.vocabularyPage(vocabulary) })
            for term in terms {
                let id = term.id.value
                let pages = Pagination(base: SitePaths.term(vocabulary, id), count: graph.practicesByTerm[vocabulary]?[id]?.count ?? 0)
                jobs += (1...pages.pageCount).map { number in
                    PageJob(path: SitePaths.paged(pages.base, number), template: "term", kind: "term") { $0.termPage(vocabulary, id, page: number) }
                }
            }
        }
        return jobs
    }

    /// Renders every job; returns the number of pages of each kind.
    func render(_ jobs: [PageJob], to sink: PageSink, showProgress: Bool = true) -> [String: Int] {
        let counts = ResultSlots<String?>(count: jobs.count)
        let progress = BuildProgress(stage: "rendering pages", total: jobs.count, enabled: showProgress)
        defer { progress.finish() }
        let workers = max(1, min(jobs.count, ProcessInfo.processInfo.activeProcessorCount))
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: jobs.count) {
                counts.set(index, renderOne(jobs[index], to: sink) ? jobs[index].kind : nil)
                progress.advance()
            }
        }
        var result: [String: Int] = [:]
        for kind in counts.values.compactMap({ $0 }) { result[kind, default: 0] += 1 }
        return result
    }

    private func renderOne(_ job: PageJob, to sink: PageSink, root: String? = nil) -> Bool {
        let context = PageContext(env: env, path: job.path, recordsShownPractices: isLive)
        guard let model = job.build(context) else { return false }
        do {
            if let recorder = context.shownPractices { shown.set(job.path, recorder.ids) }
            let rendered = try env.theme.render(job.template, model)
            if !isLive && job.kind != "404" { linkCheck.record(html: rendered, page: job.path, template: job.template, source: job.source) }
            let html = PageLinks.resolvedBytes(rendered, root: root ?? PageLinks(pagePath: job.path, offline: false).root)
            try sink.write(SitePaths.outputFile(job.path), html)
            return true
        } catch let errors as ContentErrors {
            env.log.add(contentsOf: errors.diagnostics)
        } catch {
            env.log.add(.error(SourceLocation(file: SitePaths.outputFile(job.path)), LocalizedText(
                en: "cannot write the page: \(error.localizedDescription)",
                ru: "не удаётся записать страницу: \(error.localizedDescription)")))
        }
        return false
    }

    /// 404.html is served for any missing URL, at any depth, so its links
    /// start from the site's own path (`/praktiki/`) instead of being relative.
    func renderNotFound(to sink: PageSink) -> Bool {
        let rootPath = URL(string: env.settings.baseURL)?.path ?? ""
        let root = rootPath.isEmpty ? "" : (rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
        let job = PageJob(path: "404.html", template: "404", kind: "404") { $0.notFoundPage() }
        return renderOne(job, to: sink, root: root)
    }

    /// sitemap.xml, feed.xml, robots.txt and the catalog index, made from the
    /// graph alone: the build makes them while the pages render.
    func feedFiles(pagePaths: [String]) -> [(name: String, bytes: Data)] {
        let feeds = Feeds(env: env)
        var files: [(name: String, bytes: Data)] = []
        if let sitemap = feeds.sitemap(paths: pagePaths) { files.append(("sitemap.xml", Data(sitemap.utf8))) }
        if let atom = feeds.atom() { files.append(("feed.xml", Data(atom.utf8))) }
        files.append(("robots.txt", Data(feeds.robots().utf8)))
        files.append((CatalogIndex.path, Data(CatalogIndex(env: env).script().utf8)))
        files.append((CatalogIndex.summariesPath, Data(CatalogIndex(env: env).summariesScript().utf8)))
        files += SearchWords(env: env).files()
        return files
    }

    /// Writes those files; returns their names.
    func renderFeeds(pagePaths: [String], to sink: PageSink) throws -> [String] {
        try Self.write(feedFiles(pagePaths: pagePaths), to: sink)
    }

    static func write(_ files: [(name: String, bytes: Data)], to sink: PageSink) throws -> [String] {
        for file in files { try sink.write(file.name, file.bytes) }
        return files.map(\.name)
    }
}
