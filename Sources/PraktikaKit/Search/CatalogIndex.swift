import Foundation

/// The catalog's filter index, `practices/catalog-index.js`: every published
/// practice with its facet values, compact enough for a phone. It is a script
/// that sets a global, not JSON to fetch, so that filtering also works in a
/// copy opened from disk, where browsers refuse `fetch`.
struct CatalogIndex {
    let env: RenderEnvironment

    static let path = "practices/catalog-index.js"

    /// The facets in the order the catalog shows them.
    enum Facet: String, CaseIterable {
        case topic, risk, subject, level, audience, region, municipality, network, year, status, evidence, cost

        var vocabulary: VocabularyKind? {
            switch self {
            case .topic: return .topics
            case .risk: return .riskFactors
            case .subject: return .subjects
            case .level: return .levels
            case .audience: return .audiences
            case .cost: return .cost
            default: return nil
            }
        }
    }

    func script() -> String {
        let graph = env.graph
        let format = env.format
        var values: [Facet: [String]] = [:], slugs: [Facet: [String]] = [:], positions: [Facet: [String: Int]] = [:]
        func index(_ facet: Facet, slug: String, label: String) -> Int {
            if let known = positions[facet]?[slug] { return known }
            let position = values[facet, default: []].count
            values[facet, default: []].append(label)
            slugs[facet, default: []].append(slug)
            positions[facet, default: [:]][slug] = position
            return position
        }
        // Vocabulary values in the vocabulary's own order, the rest as they come.
        for facet in Facet.allCases {
            guard let vocabulary = facet.vocabulary, let terms = graph.content.vocabularies[vocabulary]?.terms else { continue }
            for term in terms { _ = index(facet, slug: term.id.value, label: term.label) }
        }
        // Years newest first, as people look for recent work.
        for year in Set(graph.practices.values.compactMap { $0.date?.year }).sorted(by: >) {
            _ = index(.year, slug: String(year), label: String(year))
        }
        _ = index(.status, slug: "recommended", label: format.t("practice_status_recommended"))
        _ = index(.status, slug: "published", label: format.t("practice_status_published"))
        for level in Evidence.Level.allCases {
            _ = index(.evidence, slug: level.rawValue, label: format.label("evidence_level", level)!)
        }
        // Outcomes to sort by: those with a result whose change has a direction, in the
        // vocabulary's order; an improvement counts in the unit most of its results use.
        var outcomes: [JSONValue] = [], improvements: [String: [Int: Double]] = [:]
        for term in graph.content.vocabularies[.outcomes]?.terms ?? [] {
            let results = graph.resultsByOutcome[term.id.value] ?? []
            let comparable = results.filter { $0.unit == results.first?.unit && $0.change?.improvement != nil }
            guard !comparable.isEmpty else { continue }
            for result in comparable where improvements[result.practice]?[outcomes.count] == nil {
                improvements[result.practice, default: [:]][outcomes.count] = result.change!.improvement!
            }
            outcomes.append(["id": .string(term.id.value), "label": .string(term.label), "unit": .string(results.first!.unit)])
        }

        var schools: [String] = [], schoolIndex: [String: Int] = [:]
        var items: [JSONValue] = []
        var replicationTexts: [String: JSONValue] = [:]
        let cards = PageContext(env: env, path: "")
        for id in graph.practiceOrder {
            guard let practice = graph.practices[id], let card = cards.practiceCard(id) else { continue }
            var facets: [String: [Int]] = [:]
            func add(_ facet: Facet, _ slug: String, _ label: String) {
                let position = index(facet, slug: slug, label: label)
                if !(facets[facet.rawValue]?.contains(position) ?? false) { facets[facet.rawValue, default: []].append(position) }
            }
            for facet in Facet.allCases {
                guard let vocabulary = facet.vocabulary else { continue }
                for term in vocabulary.terms(of: practice.fields) {
                    if let label = graph.term(vocabulary, term.value)?.label { add(facet, term.value, label) }
                }
            }
            let author = practice.schools.first.flatMap { graph.schools[$0.value] }
            if let region = author?.region { add(.region, Self.slug(region), region) }
            if let municipality = author?.municipality { add(.municipality, Self.slug(municipality), municipality) }
            if let network = practice.network.flatMap({ graph.networks[$0.value] }) { add(.network, network.id, network.name) }
            if let year = practice.date?.year { add(.year, String(year), String(year)) }
            add(.status, practice.status == .recommended ? "recommended" : "published",
                format.t(practice.status == .recommended ? "practice_status_recommended" : "practice_status_published"))
            add(.evidence, practice.evidenceLevel.rawValue, format.label("evidence_level", practice.evidenceLevel)!)
            var school = -1
            if let author = card.school {
                if let known = schoolIndex[author.id] { school = known } else {
                    school = schools.count
                    schoolIndex[author.id] = school
                    schools.append(author.shortName)
                }
            }
            let replicatedIn = graph.replicationSchools(id).count
            if replicatedIn > 0 { replicationTexts[String(replicatedIn)] = .string(card.replications ?? "") }
            items.append(card.catalogItem(school: school, facets: facets, replicatedIn: replicatedIn, improvements: improvements[id] ?? [:]))
        }
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
        let catalog: JSONValue = [
            "facets": .array(Facet.allCases.map { facet in
                ["key": .string(facet.rawValue), "label": .string(format.t("facet_\(facet.rawValue)")), "values": strings(values[facet] ?? [])]
            }),
            "slugs": .object(Dictionary(uniqueKeysWithValues: Facet.allCases.map { ($0.rawValue, strings(slugs[$0] ?? [])) })),
            "schools": strings(schools),
            "items": .array(items),
            "offline": .bool(env.settings.offline),
            // The theme's card with slots, and the month names its dates use.
            "card": [
                "plain": .string(cards.renderPiece("practice-card", PracticeCard.prototype(recommended: false)) ?? ""),
                "recommended": .string(cards.renderPiece("practice-card", PracticeCard.prototype(recommended: true)) ?? ""),
            ],
            "months": strings(format.months), "monthsGenitive": strings(format.monthsGenitive),
            // «применена ещё в 4 школах» for each count that occurs.
            "replicationTexts": .object(replicationTexts),
            "outcomes": .array(outcomes),
            "sorts": [
                "label": .string(format.t("sort_label")), "recommended": .string(format.t("sort_recommended")),
                "newest": .string(format.t("sort_newest")), "replicated": .string(format.t("sort_replicated")),
                "outcome": .string(format.t("sort_outcome")),
            ],
        ]
        return "window.praktikaCatalog = " + catalog.text + ";\n"
    }

    static let summariesPath = "practices/catalog-summaries.js"

    /// The practices' summaries in catalog order, `practices/catalog-summaries.js`:
    /// loaded only once a filter is applied, so that filtered cards look like
    /// the server's, and by the search where Pagefind's index cannot load (a
    /// copy opened from disk). Apart from the filter index, whose size opening
    /// the catalog on a phone pays for.
    func summariesScript() -> String {
        let summaries = env.graph.practiceOrder.map { JSONValue.string(env.graph.practices[$0]?.summary ?? "") }
        return "window.praktikaSummaries = " + JSONValue.array(summaries).text + ";\n"
    }

    /// A URL-safe id for a free-text value such as a region's name.
    static func slug(_ text: String) -> String {
        var hash = ContentHash()
        hash.add(text)
        return String(hash.hex.prefix(10))
    }
}
