import Foundation

/// Where rendered pages go: the output folder, or nowhere for `check`.
protocol PageSink: Sendable {
    func write(_ relativePath: String, _ contents: Data) throws
}

struct DiscardingSink: PageSink {
    public init() {}
    public func write(_ relativePath: String, _ contents: Data) throws {}
}

/// The render stage: every planned page's model through the theme's
/// templates, rendered in parallel and streamed to the sink as each is done.
struct SiteRenderer {
    let env: RenderEnvironment
    var linkCheck = LinkCheck()
    /// Serve renders pages again at every save and does not check their links.
    var checksLinks = true

    init(env: RenderEnvironment, linkCheck: LinkCheck = LinkCheck()) {
        self.env = env
        self.linkCheck = linkCheck
    }

    /// Renders the pages; returns the number of each summary group.
    func render(_ jobs: [PlannedPage], to sink: PageSink, showProgress: Bool = true) -> [String: Int] {
        let counts = ResultSlots<String?>(count: jobs.count)
        let progress = BuildProgress(stage: "rendering pages", total: jobs.count, enabled: showProgress)
        defer { progress.finish() }
        let workers = max(1, min(jobs.count, ProcessInfo.processInfo.activeProcessorCount))
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: jobs.count) {
                counts.set(index, renderOne(jobs[index], to: sink) ? jobs[index].kind.summaryGroup : nil)
                progress.advance()
            }
        }
        var result: [String: Int] = [:]
        for kind in counts.values.compactMap({ $0 }) { result[kind, default: 0] += 1 }
        return result
    }

    private func renderOne(_ page: PlannedPage, to sink: PageSink) -> Bool {
        let context = PageContext(env: env, path: page.path)
        guard let model = context.pageModel(page) else { return false }
        do {
            let rendered = try env.theme.render(page.template, model)
            if checksLinks && page.kind != .notFound {
                linkCheck.record(html: rendered, page: page.path, template: page.template, source: page.source)
            }
            let html = PageLinks.resolvedBytes(rendered, root: page.kind == .notFound ? notFoundRoot : PageLinks(pagePath: page.path, offline: false).root)
            try sink.write(page.outputFile, html)
            return true
        } catch let errors as ContentErrors {
            env.log.add(contentsOf: errors.diagnostics)
        } catch {
            env.log.add(.error(SourceLocation(file: page.outputFile), LocalizedText(
                en: "cannot write the page: \(error.localizedDescription)",
                ru: "не удаётся записать страницу: \(error.localizedDescription)")))
        }
        return false
    }

    /// 404.html is served for any missing URL, at any depth, so its links
    /// start from the site's own path (`/praktiki/`) instead of being relative.
    private var notFoundRoot: String {
        let rootPath = URL(string: env.settings.baseURL)?.path ?? ""
        return rootPath.isEmpty ? "" : (rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
    }

    /// sitemap.xml, feed.xml, robots.txt, the catalog index and the search
    /// words, made from the graph alone: the build makes them while the pages
    /// render. A build with Pagefind makes the words from its records instead.
    func generatedFiles(_ plan: SitePlan, wordsFromRecords: Bool = false) -> [(name: String, bytes: Data)] {
        let feeds = Feeds(env: env)
        var files: [(name: String, bytes: Data)] = []
        for file in plan.generated {
            switch file {
            case .sitemap:
                let paths = plan.pages.filter { $0.kind != .notFound }.map(\.path)
                if let sitemap = feeds.sitemap(paths: paths) { files.append((file.path, Data(sitemap.utf8))) }
            case .feed: if let atom = feeds.atom() { files.append((file.path, Data(atom.utf8))) }
            case .robots: files.append((file.path, Data(feeds.robots().utf8)))
            case .catalogIndex: files.append((file.path, Data(CatalogIndex(env: env).script().utf8)))
            case .catalogSummaries: files.append((file.path, Data(CatalogIndex(env: env).summariesScript().utf8)))
            case .searchWords: if !wordsFromRecords { files += SearchWords(env: env).files() }
            }
        }
        return files
    }

    static func write(_ files: [(name: String, bytes: Data)], to sink: PageSink) throws -> [String] {
        for file in files { try sink.write(file.name, file.bytes) }
        return files.map(\.name)
    }
}
