import Foundation

/// Rendering helpers for one page: relative links, Markdown with entity
/// links resolved from this page, and the frame every template shares.
struct PageContext {
    let env: RenderEnvironment
    let path: String
    let links: PageLinks
    /// For the print digest: images stay relative to the page (WeasyPrint reads
    /// them from disk) while links are absolute web addresses.
    var relativeImages = false
    /// The practices this page shows, for re-rendering only what an edit affects (serve).
    let shownPractices = DependencyRecorder()

    init(env: RenderEnvironment, path: String, links: PageLinks? = nil) {
        self.env = env
        self.path = path
        self.links = links ?? PageLinks.deferred(offline: env.settings.offline)
    }

    var graph: SiteGraph { env.graph }
    var format: Formatter { env.format }
    func t(_ key: String) -> String { env.format.t(key) }
    func href(_ path: String) -> String { links.to(path) }

    // MARK: Markdown

    func markdown(_ field: MarkdownField?, in file: String) -> String? {
        guard let field, !field.value.isBlank else { return nil }
        return markdown(field.value, origin: .field(file: file, field))
    }

    func markdown(_ text: String, origin: MarkdownOrigin) -> String {
        let output = Markdown.render(text) { resolve($0) }
        for link in output.unresolved { report(link, origin) }
        return output.html
    }

    private func resolve(_ link: EntityLink) -> String? {
        let fragment = link.fragment.map { "#" + $0 } ?? ""
        if link.scheme == .file {
            guard let relative = AttachmentPath.normalize(link.target), graph.content.files[relative] != nil else { return nil }
            env.usedFiles.insert(relative)
            if link.isImage && relativeImages { return "../../" + SitePaths.file(relative) }
            return href(SitePaths.file(relative))
        }
        guard let kind = EntityKind(rawValue: link.scheme.rawValue),
              graph.contains(kind, link.target) else { return nil }
        return href(SitePaths.entity(kind, link.target)) + fragment
    }

    private func report(_ link: EntityLink, _ origin: MarkdownOrigin) {
        let message = ReferenceChecker(graph: graph, log: env.log).problem(for: link)
        guard let message, !message.en.isEmpty else { return }
        let location = origin.location(of: link, siteRoot: graph.content.root)
        env.log.add(.error(location, message))
    }

    // MARK: Frame

    /// The keys every template can use, merged with the page's own.
    func frame(kind: String, title: String, description: String?, section: String? = nil, _ page: [String: Any]) -> [String: Any] {
        var context = page
        let site = env.site
        context["root"] = links.root
        context["assets"] = links.root + "assets/"
        context["lang"] = site.language
        context["t"] = env.theme.strings
        context["siteTitle"] = site.title
        context["siteDescription"] = site.description
        context["homeHref"] = href(SitePaths.home)
        context["isHome"] = path.isEmpty
        context["offlineLinks"] = env.settings.offline
        if let organisation = site.organisation {
            context["organisation"] = viewModel([
                "name": organisation.name, "website": organisation.website, "email": organisation.email,
                "phone": organisation.phone, "address": organisation.address,
            ])
        }
        context["menu"] = menu(current: section)
        if let section {
            var trail: [[String: Any]] = [["title": t("home"), "href": href(SitePaths.home)]]
            if path != section + "/" { trail.append(["title": t("menu_\(section)"), "href": href(section + "/")]) }
            context["breadcrumbs"] = trail
        }
        context["pageKind"] = kind
        context["pageTitle"] = title
        context["documentTitle"] = path.isEmpty ? site.title : "\(title) — \(site.title)"
        context["pageDescription"] = Self.plainText(description ?? site.description ?? site.title, limit: 200)
        if let canonical = env.absoluteURL(path) { context["canonical"] = canonical }
        context["generator"] = "praktika"
        return context
    }

    private func menu(current: String?) -> [[String: Any]] {
        if let custom = env.site.menu {
            return custom.map { item in
                let isExternal = item.url.contains("://") || item.url.hasPrefix("mailto:")
                let target = isExternal ? item.url : href(item.url.hasPrefix("/") ? String(item.url.dropFirst()) : item.url)
                return ["title": item.title, "href": target, "current": !isExternal && item.url.trimmingCharacters(in: CharacterSet(charactersIn: "/")) == current]
            }
        }
        return ["practices", "schools", "networks", "programs", "seminars"].map { section in
            ["title": t("menu_\(section)"), "href": href(section + "/"), "current": section == current]
        }
    }

    static func plainText(_ text: String, limit: Int) -> String {
        let collapsed = text.prefix(limit * 2).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        let cut = collapsed.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}
