import Foundation

/// Rendering helpers for one page: relative links, Markdown with entity
/// links resolved from this page, and the frame every template shares.
struct PageContext {
    let env: RenderEnvironment
    let path: String
    let links: PageLinks
    /// For the print digest: images stay relative to the page (WeasyPrint reads
    /// them from disk) while links are absolute web addresses.
    var printsDigest = false

    init(env: RenderEnvironment, path: String, links: PageLinks? = nil) {
        self.env = env
        self.path = path
        self.links = links ?? PageLinks.deferred(offline: env.settings.offline)
    }

    var graph: SiteGraph { env.graph }
    var format: TextFormat { env.format }
    func t(_ key: String) -> String { env.format.t(key) }
    func href(_ path: String) -> String { links.to(path) }

    // MARK: Markdown

    func markdown(_ field: MarkdownField?, in file: String) -> String? {
        guard let field, !field.value.isBlank else { return nil }
        return markdown(field.value, origin: .field(file: file, field))
    }

    /// The HTML the link stage's Markdown pass made of a text; nil for a blank one.
    /// (A published practice's body text is gone by now; its HTML is not.)
    func markdown(_ text: String, origin: MarkdownOrigin) -> String? {
        let html = env.prose.html(origin)
        assert(html != nil || text.isBlank, "the Markdown pass did not render \(origin.key): add the field to its kind's `markdownFields`")
        guard printsDigest else { return html }
        // The print copy reads images from disk (two folders below the output's
        // root, like the print page); its links become web addresses with the rest of the page.
        return html.map { html in
            var print = html.replacingOccurrences(of: "src=\"" + PageLinks.rootPlaceholder, with: "src=\"../../")
            // Paper shows web addresses, never the file names a copy opened from disk needs.
            if env.settings.offline { print = Self.webAddresses(print) }
            return print
        }
    }

    /// `@@root@@practices/x/index.html` → `@@root@@practices/x/` in every link from the root.
    static func webAddresses(_ html: String) -> String {
        var out = "", rest = Substring(html)
        let start = "href=\"" + PageLinks.rootPlaceholder
        while let found = rest.range(of: start) {
            out += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            guard let quote = rest.firstIndex(of: "\"") else { break }
            var target = rest[..<quote]
            if target == "index.html" { target = "" } else if target.hasSuffix("/index.html") { target = target.dropLast("index.html".count) }
            out += target
            rest = rest[quote...]
        }
        return out + rest
    }

    // MARK: Frame

    /// The page's model in the frame every template shares.
    func page<Content: TemplateModel>(_ content: Content, kind: String, title: String, description: String?,
                                      section: String? = nil, jsonLD: String? = nil) -> Page<Content> {
        let site = env.site
        var trail: [LinkItem]?, trailHTML: String?
        if let section {
            var steps = [LinkItem(title: t("home"), href: href(SitePaths.home))]
            let isSectionIndex = path == section + "/"
            if !isSectionIndex { steps.append(LinkItem(title: t("menu_\(section)"), href: href(section + "/"))) }
            trail = steps
            trailHTML = fragment("breadcrumbs", key: isSectionIndex ? section + "/" : section) { BreadcrumbTrail(breadcrumbs: steps) }
        }
        let description = description.flatMap { $0.isBlank ? nil : $0 }  // a body of only a table or an image
        let frame = PageFrame(
            chrome: chrome(section: section), breadcrumbs: trail, breadcrumbNav: trailHTML,
            // The header and footer are the same on every page of a section (links
            // start from the root placeholder), so they are rendered once per build.
            siteHeader: fragment("site-header", key: path.isEmpty ? "/" : section ?? "") { chrome(section: section) },
            siteFooter: fragment("site-footer", key: "") { chrome(section: nil) },
            pageKind: kind, pageTitle: title, documentTitle: path.isEmpty ? site.title : "\(title) — \(site.title)",
            pageDescription: Self.plainText(description ?? site.description ?? site.title, limit: 200),
            canonical: env.absoluteURL(path), jsonLD: jsonLD)
        return Page(frame: frame, content: content)
    }

    /// The site-wide names of every page. The same on every page of a section, so made once per section.
    private func chrome(section: String?) -> SiteChrome {
        env.chrome.value("\(links.root)|\(section ?? "")|\(path.isEmpty)") {
            let site = env.site
            return SiteChrome(
                root: links.root, lang: site.language, strings: env.theme.strings, siteTitle: site.title,
                siteDescription: site.description, homeHref: href(SitePaths.home), isHome: path.isEmpty,
                offlineLinks: env.settings.offline, menu: menu(current: section), hasFeed: !env.settings.baseURL.isEmpty,
                organisation: site.organisation.map {
                    OrganisationModel(name: $0.name, website: URLRule.allowed($0.website?.value), email: $0.email,
                                      phone: $0.phone, address: $0.address)
                })
        }!
    }

    /// HTML that many pages share — the header, a term's tag, a search filter —
    /// rendered through its theme template once per build and reused. Only
    /// links from the root placeholder are the same on every page; pages with
    /// their own links (the print digest) render the fragment each time.
    func fragment(_ template: String, key: String, _ model: () -> any TemplateModel) -> String {
        func render() -> String? { renderPiece(template, model()) }
        guard links.root == PageLinks.rootPlaceholder else { return render() ?? "" }
        return env.fragments.value(FragmentKey(template: template, key: key), orMake: render) ?? ""
    }

    /// A piece of a page through a theme template; a failure is logged, not thrown.
    func renderPiece(_ template: String, _ model: any TemplateModel) -> String? {
        do {
            return try env.theme.render(template, model)
        } catch let errors as ContentErrors {
            env.log.add(contentsOf: errors.diagnostics)
        } catch {}
        return nil
    }

    private func menu(current: String?) -> [MenuLink] {
        if let custom = env.site.menu {
            return custom.compactMap { item in
                guard let url = URLRule.allowed(item.url.value) else { return nil }
                let isExternal = URLRule.isExternal(url)
                let target = isExternal ? url : href(url.hasPrefix("/") ? String(url.dropFirst()) : url)
                return MenuLink(title: item.title, href: target,
                                current: !isExternal && url.trimmingCharacters(in: CharacterSet(charactersIn: "/")) == current)
            }
        }
        return ["practices", "schools", "networks", "programs", "seminars"].map { section in
            MenuLink(title: t("menu_\(section)"), href: href(section + "/"), current: section == current)
        }
    }

    /// The text with runs of white space made single spaces, cut at a word
    /// before `limit` characters with "…". Works on UTF-8 bytes: it runs for
    /// every page, and Character by Character it cost as much as the page's Markdown.
    static func plainText(_ text: String, limit: Int) -> String {
        var out: [UInt8] = []
        var count = 0, pendingSpace = false, lastSpace: Int? = nil, cutAt: Int? = nil
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let length = whiteSpaceLength(bytes, at: index)
                if length > 0 {
                    pendingSpace = count > 0
                    index += length
                    continue
                }
                if pendingSpace {
                    if count == limit { cutAt = out.count }
                    if count < limit { lastSpace = out.count }
                    out.append(0x20); count += 1; pendingSpace = false
                }
                // A scalar: its lead byte and any continuation bytes.
                var end = index + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                // Combining marks (U+0300–U+036F: a decomposed й or ё) belong to the letter before.
                let isMark = byte == 0xCC || (byte == 0xCD && index + 1 < bytes.count && bytes[index + 1] < 0xB0)
                if isMark {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
                if count == limit { cutAt = out.count }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                count += 1
                index = end
                if count > limit { break }
            }
        }
        guard count > limit, let cutAt else { return String(decoding: out, as: UTF8.self) }
        let end = lastSpace ?? cutAt
        return String(decoding: out[..<end], as: UTF8.self) + "…"
    }

    /// The length of the Unicode white space character at `index`, or 0.
    private static func whiteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0
        case 0xE2:
            if next(1) == 0x80, (0x80...0x8A).contains(next(2)) || [0xA8, 0xA9, 0xAF].contains(next(2)) { return 3 }
            return next(1) == 0x81 && next(2) == 0x9F ? 3 : 0
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0
        default: return 0
        }
    }
}
