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
    func model(_ number: Int, in context: PageContext) -> [String: Any]? {
        guard pageCount > 1 else { return nil }
        func link(_ page: Int) -> String { context.href(SitePaths.paged(base, page)) }
        // The first, the last and the neighbours of the current page.
        let shown = Set([1, pageCount] + Array(max(1, number - 2)...min(pageCount, number + 2))).sorted()
        var pages: [[String: Any]] = []
        var previous = 0
        for page in shown {
            if page > previous + 1 { pages.append(["gap": true]) }
            pages.append(["number": String(page), "href": link(page), "current": page == number])
            previous = page
        }
        return viewModel([
            "current": String(number), "total": String(pageCount),
            "previous": number > 1 ? link(number - 1) : nil,
            "next": number < pageCount ? link(number + 1) : nil,
            "pages": pages,
        ])
    }
}
