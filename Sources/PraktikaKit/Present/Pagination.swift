/// Long lists (the catalog, a topic with hundreds of practices) are split
/// into pages, so that a phone on a weak connection loads a few dozen cards.
struct Pagination {
    static let perPage = 30

    let base: String
    let count: Int

    var pageCount: Int { max(1, (count + Self.perPage - 1) / Self.perPage) }

    func range(_ number: Int) -> Range<Int> {
        let start = (number - 1) * Self.perPage
        return start..<min(count, start + Self.perPage)
    }

    /// The view model of the page links; nil when everything fits on one page.
    func model(_ number: Int, in context: PageContext) -> PaginationModel? {
        guard pageCount > 1 else { return nil }
        func link(_ page: Int) -> String { context.href(SitePaths.paged(base, page)) }
        // The first, the last and the neighbours of the current page.
        let shown = Set([1, pageCount] + Array(max(1, number - 2)...min(pageCount, number + 2))).sorted()
        var pages: [PaginationModel.Link] = []
        var previous = 0
        for page in shown {
            if page > previous + 1 { pages.append(.gap) }
            pages.append(.init(number: String(page), href: link(page), current: page == number))
            previous = page
        }
        return PaginationModel(current: String(number), total: String(pageCount),
                               previous: number > 1 ? link(number - 1) : nil,
                               next: number < pageCount ? link(number + 1) : nil, pages: pages)
    }
}

struct PaginationModel: TemplateModel {
    let current: String
    let total: String
    let previous: String?
    let next: String?
    let pages: [Link]

    static let fields: [String: TemplateField<Self>] = [
        "current": .text(\.current), "total": .text(\.total), "previous": .text(\.previous), "next": .text(\.next),
        "pages": .list(\.pages),
    ]

    /// A page's number, or a gap between numbers.
    struct Link: TemplateModel {
        var number: String?
        var href: String?
        var current = false
        var gap = false

        static let gap = Link(gap: true)

        static let fields: [String: TemplateField<Self>] = [
            "number": .text(\.number), "href": .text(\.href), "current": .flag(\.current), "gap": .flag(\.gap),
        ]
    }
}
