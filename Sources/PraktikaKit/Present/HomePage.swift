import Foundation

/// The home page: what the bank holds, recommended and newest practices,
/// seminars, networks.
struct HomePage: TemplateModel {
    let stats: [Stat]
    let recommended: CardList?
    let newest: CardList?
    let practicesHref: String
    let upcoming: [SeminarCard]
    let latest: [SeminarCard]
    let seminarsHref: String
    let networks: [NetworkListing]
    /// «Что лучше всего сработало»: the largest improvement for each outcome.
    let bestOutcomes: [BestOutcome]
    /// «В 2026 году в списках программы — 3 школы…», from the latest register.
    let registerSummary: String?
    let registersHref: String?
    let peopleHref: String?
    let materialsHref: String?

    static let fields: [String: TemplateField<Self>] = [
        "bestOutcomes": .list(\.bestOutcomes), "registerSummary": .text(\.registerSummary),
        "registersHref": .text(\.registersHref), "peopleHref": .text(\.peopleHref), "materialsHref": .text(\.materialsHref),
        "stats": .list(\.stats), "recommended": .model(\.recommended), "newest": .model(\.newest),
        "practicesHref": .text(\.practicesHref), "upcoming": .list(\.upcoming), "latest": .list(\.latest),
        "seminarsHref": .text(\.seminarsHref), "networks": .list(\.networks),
    ]

    /// «12 практик»: a count with its label and the list it counts.
    struct Stat: TemplateModel {
        let value: Int
        let label: String
        let href: String

        static let fields: [String: TemplateField<Self>] = ["value": .number(\.value), "label": .text(\.label), "href": .text(\.href)]
    }
}

/// An outcome and the practice whose result improved it most.
struct BestOutcome: TemplateModel {
    let outcome: TermLink
    let practice: PracticeCard
    let result: ResultLine

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(ResultLine.fields, from: \Self.result).adding([
        "outcome": .model(\.outcome), "practice": .model(\.practice),
    ])
}

/// The 404 page: where to go instead.
struct NotFoundPage: TemplateModel {
    let sections: [LinkItem]

    static let fields: [String: TemplateField<Self>] = ["sections": .list(\.sections)]
}

/// The search page: the frame, and how many index bundles the browser merges
/// (`SearchShards`); the results are the browser's.
struct SearchPage: TemplateModel {
    let searchBundles: Int
    /// Each bundle's number of pages, space-separated.
    let searchBundlePages: String

    static let fields: [String: TemplateField<Self>] = [
        "searchBundles": .number(\.searchBundles), "searchBundlePages": .text(\.searchBundlePages),
    ]
}

extension PageContext {
    func homePage() -> Page<HomePage> {
        let today = env.settings.today
        func stat(_ count: Int, _ key: String, _ kind: EntityKind) -> HomePage.Stat {
            .init(value: count, label: format.countLabel(count, key), href: href(SitePaths.index(kind)))
        }
        let model = HomePage(
            stats: [stat(graph.practices.count, "stats_practices", .practice), stat(graph.schools.count, "stats_schools", .school),
                    stat(graph.networks.count, "stats_networks", .network), stat(graph.seminars.count, "stats_seminars", .seminar)],
            recommended: cards(graph.recommendedPractices()), newest: cards(graph.newestOrder.prefix(6)),
            practicesHref: href(SitePaths.index(.practice)),
            upcoming: graph.upcomingSeminars(today: today).prefix(3).compactMap { seminarCard($0) },
            latest: graph.pastSeminars(today: today).prefix(3).compactMap { seminarCard($0) },
            seminarsHref: href(SitePaths.index(.seminar)),
            networks: graph.networks.values.sorted { Self.ruOrder($0.name, $1.name) }.compactMap { networkListing($0.id) },
            bestOutcomes: bestOutcomes(limit: 6), registerSummary: registerSummary(),
            registersHref: graph.registers.isEmpty ? nil : href(SitePaths.index(.register)),
            peopleHref: graph.people.isEmpty ? nil : href(SitePaths.index(.person)),
            materialsHref: graph.practicesWithFiles.isEmpty && graph.seminarsWithFiles.isEmpty ? nil : href(SitePaths.materials))
        return page(model, kind: "home", title: env.site.title, description: env.site.description)
    }

    /// For each outcome in the vocabulary's order, its best result, if it improved.
    func bestOutcomes(limit: Int) -> [BestOutcome] {
        let terms = graph.content.vocabularies[.outcomes]?.terms ?? []
        return terms.lazy.compactMap { term -> BestOutcome? in
            guard let best = graph.resultsByOutcome[term.id.value]?.first, (best.change?.improvement ?? 0) > 0,
                  let practice = graph.practices[best.practice], let card = practiceCard(best.practice),
                  let outcome = termLink(.outcomes, term.id.value),
                  let line = resultRows([practice.results[best.row]]).first else { return nil }
            return BestOutcome(outcome: outcome, practice: card, result: line)
        }.prefix(limit).map { $0 }
    }

    func notFoundPage() -> Page<NotFoundPage> {
        let sections = ["practices", "schools", "networks", "programs", "seminars"].map {
            LinkItem(title: t("menu_\($0)"), href: href($0 + "/"))
        }
        return page(NotFoundPage(sections: sections), kind: "404", title: t("not_found_title"), description: nil)
    }

    func searchPage() -> Page<SearchPage> {
        page(SearchPage(searchBundles: env.searchShards.count, searchBundlePages: env.searchShards.pages.map(String.init).joined(separator: " ")),
             kind: "search", title: t("search_title"), description: t("search_intro"))
    }
}
