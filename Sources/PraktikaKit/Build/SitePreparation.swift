import Foundation

/// The load stage's result: the content as typed models, the theme, the settings.
struct LoadedSite: Sendable {
    let content: SiteContent
    /// Nil when the theme could not be read; the content is still linked, so
    /// that one run reports everything.
    let theme: Theme?
    let settings: RenderSettings
}

/// Load and link: the part of the pipeline that `build`, `check`, `digest`
/// and `serve` share. Problems go to the log; the environment is nil only
/// when the content or the theme could not be read at all.
struct SitePreparation {
    var site: URL
    var baseURL: String?
    var offline = false
    var today: Day = .today()
    var searchShardPages = SearchShards.defaultPagesPerShard
    /// Serve mode: parsed entries reused while their files are unchanged.
    var cache: EntryCache?
    /// Serve mode: the theme of the last build, when no theme file changed.
    var theme: Theme?
    /// Which drafts' Markdown to check; all when nil.
    var drafts: Set<String>?
    var cards = HTMLCache()
    /// Serve mode: the last Markdown pass, and which files' HTML may be kept from it.
    var previousProse: Prose?
    var reusesProse: (String) -> Bool = { _ in false }
    /// A build: the Markdown pass lets go of each published practice's body text once
    /// its HTML is made (serve keeps them, to render a saved file's neighbours again).
    var releasesPracticeBodies = false
    /// A build: the folder of the scratch file that holds the practice bodies' HTML (`ProseSpill`).
    var spillFolder: URL?

    /// Load, then link; `lap` is called after each, for timings.
    func run(log: DiagnosticLog, lap: (String) -> Void = { _ in }) -> (env: RenderEnvironment?, language: String) {
        guard let loaded = load(log: log) else { return (nil, "ru") }
        lap("load")
        let env = link(loaded, log: log)
        lap("link")
        return (env, loaded.content.site.language)
    }

    /// The load stage: content files into typed models, and the theme.
    func load(log: DiagnosticLog) -> LoadedSite? {
        let (loaded, loadDiagnostics) = ContentLoader(root: site, cache: cache).load()
        log.add(contentsOf: loadDiagnostics)
        guard let content = loaded else { return nil }
        URLRule.check(content, log: log)
        let theme = loadTheme(content, log: log)
        var settings = RenderSettings(baseURL: Self.checkedBaseURL(baseURL, content.site.baseURL?.value, log: log), offline: offline, today: today)
        settings.searchShardPages = searchShardPages
        return LoadedSite(content: content, theme: theme, settings: settings)
    }

    /// The link stage: ids resolved into the graph, then the Markdown pass.
    /// `deferring`: given the graph, the files whose texts may wait until a page asks for them.
    func link(_ loaded: LoadedSite, log: DiagnosticLog, deferring: (SiteGraph) -> Set<String> = { _ in [] }) -> RenderEnvironment? {
        let (graph, linkDiagnostics) = Linker.link(loaded.content, drafts: drafts)
        log.add(contentsOf: linkDiagnostics)
        let tableLabel = loaded.theme?.string("table_label") ?? "Таблица"
        let prose = MarkdownPass.run(graph, settings: loaded.settings, tableLabel: tableLabel, previous: previousProse, reuse: reusesProse,
                                     releasesPracticeBodies: releasesPracticeBodies, deferring: deferring(graph),
                                     spill: releasesPracticeBodies ? spillFolder.flatMap(ProseSpill.init(in:)) : nil)
        log.add(contentsOf: prose.diagnostics)
        guard let theme = loaded.theme else { return nil }
        return RenderEnvironment(graph: graph, prose: prose, theme: theme, settings: loaded.settings, log: log, practiceCards: cards)
    }

    private func loadTheme(_ content: SiteContent, log: DiagnosticLog) -> Theme? {
        let language = content.site.language
        var loadedTheme = theme
        if loadedTheme == nil {
            let folder = site.appendingPathComponent("themes/\(content.site.theme)", isDirectory: true)
            var exists = FileManager.default.fileExists(atPath: folder.path)
            if !EntityID.isValid(content.site.theme) {
                // `theme: ../../elsewhere` would read templates and publish assets from outside the site.
                exists = false
                log.add(.error(SourceLocation(file: "content/site.yaml", line: 1, column: 1), LocalizedText(
                    en: "theme `\(content.site.theme)` is not a theme name: use the name of a folder in themes/ (lower-case Latin letters, digits and hyphens)",
                    ru: "«\(content.site.theme)» — недопустимое имя темы: укажите имя папки в themes/ (строчные латинские буквы, цифры и дефис)")))
            } else if exists && !SiteBoundary.isInside(folder.path, root: site.path) {
                exists = false
                log.add(SiteBoundary.outside("themes/\(content.site.theme)"))
            } else if !exists && content.site.theme != "default" {
                log.add(.error(SourceLocation(file: "content/site.yaml", line: 1, column: 1), LocalizedText(
                    en: "theme `\(content.site.theme)` not found: there is no themes/\(content.site.theme)/ folder",
                    ru: "тема «\(content.site.theme)» не найдена: нет папки themes/\(content.site.theme)/")))
            }
            let (found, themeDiagnostics) = Theme.load(siteThemeDirectory: exists ? folder : nil, language: language, displayRoot: site)
            log.add(contentsOf: themeDiagnostics)
            loadedTheme = found
        }
        return loadedTheme
    }

    /// `--base-url` wins over site.yaml's (checked with the content); a bad
    /// one is an error and never reaches a page.
    static func checkedBaseURL(_ option: String?, _ configured: String?, log: DiagnosticLog) -> String {
        guard let option else { return configured.flatMap { URLRule.baseURLProblem($0) == nil ? $0 : nil } ?? "" }
        if let problem = URLRule.baseURLProblem(option) {
            log.add(.error(SourceLocation(file: "--base-url"), LocalizedText(en: "`\(option)`: \(problem.en)", ru: "«\(option)»: \(problem.ru)")))
            return ""
        }
        return option
    }
}
