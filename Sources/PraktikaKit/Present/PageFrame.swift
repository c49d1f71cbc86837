import Foundation

/// What every page's layout reads: the site-wide part (`SiteChrome`, the same
/// on every page of a section) and the page's own titles, trail and links.
struct PageFrame: TemplateModel {
    let chrome: SiteChrome
    let breadcrumbs: [LinkItem]?
    /// The trail as the theme's `breadcrumbs` draws it, once per section.
    let breadcrumbNav: String?
    let siteHeader: String
    let siteFooter: String
    let pageKind: String
    let pageTitle: String
    let documentTitle: String
    let pageDescription: String
    let canonical: String?
    /// schema.org JSON-LD of the page's entity, for the layout's head.
    let jsonLD: String?
    let generator = "praktika"

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(SiteChrome.fields, from: \Self.chrome).adding([
        "breadcrumbs": .list { $0.breadcrumbs ?? [] }, "breadcrumbNav": .text(\.breadcrumbNav),
        "siteHeader": .text(\.siteHeader), "siteFooter": .text(\.siteFooter), "pageKind": .text(\.pageKind),
        "pageTitle": .text(\.pageTitle), "documentTitle": .text(\.documentTitle), "pageDescription": .text(\.pageDescription),
        "canonical": .text(\.canonical), "jsonLD": .text(\.jsonLD), "generator": .text(\.generator),
    ])
}

/// The site-wide names: the site, its publisher, the menu.
struct SiteChrome: TemplateModel {
    let root: String
    let lang: String
    /// The interface strings; the templates have them inlined when loaded
    /// (`TemplateConstants`), a lookup is left only for an unknown key.
    let strings: [String: String]
    let siteTitle: String
    let siteDescription: String?
    let homeHref: String
    let isHome: Bool
    let offlineLinks: Bool
    let menu: [MenuLink]
    /// feed.xml needs absolute URLs, so it exists only with a base_url.
    let hasFeed: Bool
    let organisation: OrganisationModel?

    static let fields: [String: TemplateField<Self>] = [
        "root": .text(\.root), "assets": .text { $0.root + "assets/" }, "lang": .text(\.lang), "t": .opaque(\.strings),
        "siteTitle": .text(\.siteTitle), "siteDescription": .text(\.siteDescription), "homeHref": .text(\.homeHref),
        "isHome": .flag(\.isHome), "offlineLinks": .flag(\.offlineLinks), "menu": .list(\.menu), "hasFeed": .flag(\.hasFeed),
        "organisation": .model(\.organisation),
    ]
}

struct MenuLink: TemplateModel {
    let title: String
    let href: String
    let current: Bool

    static let fields: [String: TemplateField<Self>] = ["title": .text(\.title), "href": .text(\.href), "current": .flag(\.current)]
}

/// A titled link: a step of the breadcrumb trail, a section of the 404 page.
struct LinkItem: TemplateModel {
    let title: String
    let href: String

    static let fields: [String: TemplateField<Self>] = ["title": .text(\.title), "href": .text(\.href)]
}

/// The trail alone, for the theme's `breadcrumbs` fragment.
struct BreadcrumbTrail: TemplateModel {
    let breadcrumbs: [LinkItem]

    static let fields: [String: TemplateField<Self>] = ["breadcrumbs": .list(\.breadcrumbs)]
}

/// The site's publisher, in the header and footer.
struct OrganisationModel: TemplateModel {
    let name: String
    let website: String?
    let email: String?
    let phone: String?
    let address: String?

    static let fields: [String: TemplateField<Self>] = [
        "name": .text(\.name), "website": .text(\.website), "email": .text(\.email), "phone": .text(\.phone), "address": .text(\.address),
        "phoneHref": .text { $0.phone.map(Self.dialable) },
    ]

    /// «+7 (8212) 00-00-00» as a `tel:` address dials it: a leading plus and digits only.
    static func dialable(_ phone: String) -> String {
        (phone.trimmingCharacters(in: .whitespaces).hasPrefix("+") ? "+" : "") + phone.filter { $0.isASCII && $0.isNumber }
    }
}

/// A page: its own model and the frame, read as one; the page's names come first.
struct Page<Content: TemplateModel>: TemplateModel {
    let frame: PageFrame
    var content: Content

    static var fields: [String: TemplateField<Self>] {
        Dictionary.lifting(PageFrame.fields, from: \Self.frame).adding(.lifting(Content.fields, from: \Self.content))
    }

    /// A name the page's model has is the page's even without a value: a
    /// person without an organisation must not show the site's publisher.
    func child(named name: String) -> Any? {
        if let field = Content.fields[name] { return field.value(content) ?? NSNull() }
        return frame.child(named: name)
    }
}
