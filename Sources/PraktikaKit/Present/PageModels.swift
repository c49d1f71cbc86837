/// The present stage's one entry point: the view model of a planned page,
/// built from the graph, the Markdown pass's HTML and the plan alone.
extension PageContext {
    func pageModel(_ page: PlannedPage) -> (any TemplateModel)? {
        switch page.kind {
        case .home: return homePage()
        case .search: return searchPage()
        case .materials: return materialsPage()
        case .notFound: return notFoundPage()
        case .index(let entity):
            switch entity {
            case .school: return schoolIndexPage()
            case .network: return networkIndexPage()
            case .program: return programIndexPage()
            case .seminar: return seminarIndexPage()
            case .digest: return digestIndexPage()
            case .practice: return practiceCatalogPage(1)
            case .register: return registerIndexPage()
            case .person: return peopleIndexPage()
            }
        case .catalog(let number): return practiceCatalogPage(number)
        case .entity(let entity, let id):
            switch entity {
            case .practice: return practicePage(id, related: page.related, schoolPractices: page.schoolPractices)
            case .school: return schoolPage(id)
            case .network: return networkPage(id)
            case .program: return programPage(id)
            case .seminar: return seminarPage(id)
            case .digest: return digestPage(id, forPrint: false)
            case .register: return registerPage(id)
            case .person: return personPage(id)
            }
        case .vocabulary(let vocabulary): return vocabularyPage(vocabulary)
        case .term(let vocabulary, let id, let number): return termPage(vocabulary, id, page: number)
        }
    }
}
