import Foundation

/// The plan stage: every page of the site with the entities it shows, and
/// every other file, decided from the graph alone before anything renders.
struct Planner {
    let graph: SiteGraph
    let settings: RenderSettings
    let theme: Theme
    let prose: Prose
    /// Whether digest PDFs will be made (the printer is installed).
    let makesPDFs: Bool

    func plan() -> SitePlan {
        var pages = [
            page("", .home, shows: homeShows(), figures: [graph.practices.count, graph.schools.count, graph.networks.count, graph.seminars.count]),
            // The search page carries each index bundle's page count.
            page("search/", .search, figures: SearchShards(graph: graph, pagesPerShard: settings.searchShardPages).pages),
        ]
        let withFiles = refs(.practice, graph.practicesWithFiles).union(refs(.seminar, graph.seminarsWithFiles))
        if !withFiles.isEmpty { pages.append(page(SitePaths.materials, .materials, shows: withFiles)) }
        let catalog = Pagination(base: SitePaths.index(.practice), count: graph.practiceOrder.count)
        let facetCounts = VocabularyKind.allCases.flatMap { termCounts($0) }
        pages += (1...catalog.pageCount).map { number in
            page(SitePaths.paged(catalog.base, number), .catalog(page: number),
                 shows: cards(graph.practiceOrder[catalog.range(number)]),
                 figures: [graph.practiceOrder.count] + (number == 1 ? facetCounts : []))
        }
        // The practice pages are most of a site, and what they show is the costliest to find.
        let practicePages = ResultSlots<PlannedPage>(count: graph.practiceOrder.count)
        DispatchQueue.concurrentPerform(iterations: graph.practiceOrder.count) { index in
            let id = graph.practiceOrder[index]
            let related = graph.relatedPractices(id), schoolPractices = graph.schoolPractices(id)
            var page = entityPage(.practice, id, shows: practiceShows(id).union(cards(related + schoolPractices)))
            page.related = related
            page.schoolPractices = schoolPractices
            practicePages.set(index, page)
        }
        pages += practicePages.values
        var digestFiles: [String] = []
        for kind in EntityKind.allCases {
            switch kind {
            case .practice: break  // the catalog and the practice pages, above
            case .school:
                // Each school's roles come from the networks, its history from the registers.
                pages.append(page(SitePaths.index(.school), .index(.school),
                                  shows: refs(.school, graph.schools.keys).union(refs(.network, graph.networks.keys))))
                pages += graph.schools.keys.sorted().map { entityPage(.school, $0, shows: schoolShows($0)) }
            case .network:
                pages.append(page(SitePaths.index(.network), .index(.network), shows: networkListShows()))
                pages += graph.networks.keys.sorted().map { entityPage(.network, $0, shows: networkShows($0)) }
            case .program:
                pages.append(page(SitePaths.index(.program), .index(.program), shows: programListShows()))
                pages += graph.programs.keys.sorted().map { entityPage(.program, $0, shows: programShows($0)) }
            case .seminar:
                pages.append(page(SitePaths.index(.seminar), .index(.seminar), shows: seminarListShows()))
                pages += graph.seminarOrder.map { entityPage(.seminar, $0, shows: seminarShows($0)) }
            case .digest:
                guard !graph.digests.isEmpty else { continue }
                let selections = graph.digests.keys.sorted().map { ($0, DigestSelector.practices(of: graph.digests[$0]!.fields, in: graph)) }
                pages.append(page(SitePaths.index(.digest), .index(.digest), shows: refs(.digest, graph.digests.keys),
                                  figures: selections.map(\.1.count)))
                for (id, selected) in selections {
                    var shows = refs(.practice, selected).union(selected.flatMap { practiceNames($0) })
                    shows.insert(EntityRef(.digest, id))
                    if let seminar = graph.digests[id]!.seminar?.value { shows.insert(EntityRef(.seminar, seminar)) }
                    pages.append(entityPage(.digest, id, shows: shows))
                    digestFiles.append("digests/\(id)/print.html")
                    if makesPDFs { digestFiles.append("digests/\(id)/\(id).pdf") }
                }
            case .register:
                guard !graph.registers.isEmpty else { continue }
                pages.append(page(SitePaths.index(.register), .index(.register), shows: registerListShows()))
                // A year's page says what changed since the year before, so it shows that register too.
                pages += graph.registerOrder.map { entityPage(.register, $0, shows: registerShows($0)) }
            case .person:
                guard !graph.people.isEmpty else { continue }
                pages.append(page(SitePaths.index(.person), .index(.person), shows: refs(.person, graph.people.keys)))
                pages += graph.people.keys.sorted().map { entityPage(.person, $0, shows: personShows($0)) }
            }
        }
        for vocabulary in VocabularyKind.allCases {
            guard let terms = graph.content.vocabularies[vocabulary]?.terms else { continue }
            pages.append(page(SitePaths.vocabulary(vocabulary), .vocabulary(vocabulary), figures: termCounts(vocabulary)))
            for term in terms {
                let id = term.id.value
                let members = graph.practicesByTerm[vocabulary]?[id] ?? []
                let pagination = Pagination(base: SitePaths.term(vocabulary, id), count: members.count)
                pages += (1...pagination.pageCount).map { number in
                    page(SitePaths.paged(pagination.base, number), .term(vocabulary, id, page: number),
                         shows: cards(members[pagination.range(number)]), figures: [members.count])
                }
            }
        }
        pages.append(page("404.html", .notFound))
        var generated: [GeneratedFile] = settings.baseURL.isEmpty ? [] : [.sitemap, .feed]
        generated += [.robots, .catalogIndex, .catalogSummaries, .searchWords]
        return SitePlan(pages: pages, generated: generated, assets: theme.assets.sorted { $0.key < $1.key }.map { ("assets/" + $0.key, $0.value) },
                        attachments: prose.usedFiles.sorted(), digestFiles: digestFiles)
    }

    private func page(_ path: String, _ kind: PageKind, shows: Set<EntityRef> = [], figures: [Int] = []) -> PlannedPage {
        PlannedPage(path: path, kind: kind, source: nil, shows: shows, figures: figures)
    }

    private func entityPage(_ kind: EntityKind, _ id: String, shows: Set<EntityRef>) -> PlannedPage {
        var shows = shows
        shows.insert(EntityRef(kind, id))
        return PlannedPage(path: SitePaths.entity(kind, id), kind: .entity(kind, id), source: graph.file(kind, id), shows: shows, figures: [])
    }

    private func refs(_ kind: EntityKind, _ ids: some Sequence<String>) -> Set<EntityRef> {
        Set(ids.map { EntityRef(kind, $0) })
    }

    private func termCounts(_ vocabulary: VocabularyKind) -> [Int] {
        (graph.content.vocabularies[vocabulary]?.terms ?? []).map { graph.practicesByTerm[vocabulary]?[$0.id.value]?.count ?? 0 }
    }

    // MARK: What each page shows

    /// A practice's card and links name its schools, network and program.
    private func practiceNames(_ id: String) -> Set<EntityRef> {
        guard let practice = graph.practices[id] else { return [] }
        var shows = refs(.school, practice.schools.map(\.value))
        if let network = practice.network?.value { shows.insert(EntityRef(.network, network)) }
        if let program = practice.program?.value { shows.insert(EntityRef(.program, program)) }
        return shows
    }

    /// A card names its author school and counts the schools that took the practice up.
    private func cards(_ ids: some Sequence<String>) -> Set<EntityRef> {
        ids.reduce(into: Set<EntityRef>()) { shows, id in
            shows.insert(EntityRef(.practice, id))
            if let author = graph.practices[id]?.schools.first?.value { shows.insert(EntityRef(.school, author)) }
            for replication in graph.replications[id] ?? [] { shows.insert(EntityRef(.practice, replication)) }
        }
    }

    private func seminarCards(_ ids: some Sequence<String>) -> Set<EntityRef> {
        ids.reduce(into: Set<EntityRef>()) { shows, id in
            shows.insert(EntityRef(.seminar, id))
            if let host = graph.seminars[id]?.host?.value { shows.insert(EntityRef(.school, host)) }
        }
    }

    private func homeShows() -> Set<EntityRef> {
        let today = settings.today
        let best = (graph.content.vocabularies[.outcomes]?.terms ?? []).compactMap { graph.resultsByOutcome[$0.id.value]?.first?.practice }
        return cards(graph.recommendedPractices() + graph.newestOrder.prefix(6) + best)
            .union(refs(.register, graph.registers.keys))
            .union(seminarCards(graph.upcomingSeminars(today: today).prefix(3) + graph.pastSeminars(today: today).prefix(3)))
            .union(networkListShows())
    }

    private func registerListShows() -> Set<EntityRef> {
        refs(.register, graph.registers.keys).union(graph.registers.values.compactMap { $0.program.map { EntityRef(.program, $0.value) } })
    }

    private func registerShows(_ id: String) -> Set<EntityRef> {
        guard let register = graph.registers[id] else { return [] }
        var shows = refs(.school, register.lists.flatMap { $0.schools.map(\.value) })
        if let program = register.program?.value { shows.insert(EntityRef(.program, program)) }
        if let previous = graph.previousRegister(id) {
            shows.insert(EntityRef(.register, previous))
            shows.formUnion(refs(.school, graph.registers[previous]!.lists.flatMap { $0.schools.map(\.value) }))
        }
        return shows
    }

    private func personShows(_ id: String) -> Set<EntityRef> {
        let links = graph.personLinks[id] ?? PersonLinks()
        return refs(.school, graph.schoolsAccompanied(by: id)).union(refs(.network, links.networks)).union(refs(.program, links.programs))
            .union(seminarCards(links.seminars)).union(cards(links.practices))
    }

    private func networkListShows() -> Set<EntityRef> {
        graph.networks.values.reduce(into: refs(.network, graph.networks.keys)) { $0.formUnion(refs(.school, $1.leaders.map(\.value))) }
    }

    private func programListShows() -> Set<EntityRef> {
        graph.programs.values.reduce(into: refs(.program, graph.programs.keys)) { shows, program in
            if let owner = program.owner?.schoolID?.value { shows.insert(EntityRef(.school, owner)) }
        }
    }

    private func seminarListShows() -> Set<EntityRef> { seminarCards(graph.seminarOrder) }

    private func practiceShows(_ id: String) -> Set<EntityRef> {
        var shows = practiceNames(id)
        shows.formUnion(seminarCards(graph.seminarsByPractice[id] ?? []))
        shows.formUnion(people([graph.practices[id]?.contact]))
        // What it adapts, and where it was applied (with those practices' own results).
        shows.formUnion(cards((graph.practices[id]?.basedOn ?? []).map(\.value) + (graph.replications[id] ?? [])))
        return shows
    }

    private func schoolShows(_ id: String) -> Set<EntityRef> {
        var shows = cards((graph.practicesBySchool[id] ?? []).map(\.practice))
        for role in graph.rolesBySchool[id] ?? [] {
            shows.insert(EntityRef(.network, role.network))
            guard let network = graph.networks[role.network] else { continue }
            shows.formUnion(refs(.school, network.leaders.map(\.value) + network.members.map(\.school.value)))
        }
        shows.formUnion(refs(.program, graph.programsBySchool[id] ?? []))
        shows.formUnion(seminarCards((graph.seminarsBySchool[id] ?? []).map(\.seminar)))
        // Its years in the registers, who accompanies it, and its director if written as an id.
        shows.formUnion(refs(.register, (graph.registrationsBySchool[id] ?? []).map(\.register)))
        shows.formUnion(refs(.person, graph.peopleAccompanying(id)))
        shows.formUnion(people([graph.schools[id]?.director]))
        return shows
    }

    /// The people of `people/` among persons written on a page.
    private func people(_ persons: [Person?]) -> Set<EntityRef> {
        refs(.person, persons.compactMap { $0?.ref?.value })
    }

    private func networkShows(_ id: String) -> Set<EntityRef> {
        guard let network = graph.networks[id] else { return [] }
        var shows = cards(graph.practicesByNetwork[id] ?? [])
        shows.formUnion(refs(.school, network.leaders.map(\.value) + network.members.map(\.school.value)))
        shows.formUnion(refs(.program, graph.programsByNetwork[id] ?? []))
        shows.formUnion(seminarCards(graph.seminarsByNetwork[id] ?? []))
        shows.formUnion(people([network.coordinator]))
        return shows
    }

    private func programShows(_ id: String) -> Set<EntityRef> {
        guard let program = graph.programs[id] else { return [] }
        var shows = cards(graph.practicesByProgram[id] ?? [])
        if let owner = program.owner?.schoolID?.value { shows.insert(EntityRef(.school, owner)) }
        if let network = program.network?.value { shows.insert(EntityRef(.network, network)) }
        shows.formUnion(people(program.responsible))
        shows.formUnion(refs(.register, graph.registersByProgram[id] ?? []))
        shows.formUnion(refs(.program, graph.programLineage(id) + (graph.childPrograms[id] ?? [])))
        shows.formUnion(seminarCards(graph.seminarsByProgram[id] ?? []))
        return shows
    }

    private func seminarShows(_ id: String) -> Set<EntityRef> {
        guard let seminar = graph.seminars[id] else { return [] }
        var shows = refs(.digest, graph.digestsBySeminar[id] ?? [])
        for school in [seminar.host?.value, seminar.organiser?.schoolID?.value].compactMap({ $0 }) { shows.insert(EntityRef(.school, school)) }
        if let network = seminar.network?.value { shows.insert(EntityRef(.network, network)) }
        for item in seminar.agenda {
            if let practice = item.practice?.value, graph.practices[practice] != nil { shows.formUnion(cards([practice])) }
            if let school = item.school?.value { shows.insert(EntityRef(.school, school)) }
            shows.formUnion(refs(.school, item.speakers.compactMap { $0.school?.value }))
            shows.formUnion(refs(.person, item.speakers.compactMap { $0.person?.value }))
            if let program = item.program?.value { shows.insert(EntityRef(.program, program)) }
        }
        return shows
    }
}
