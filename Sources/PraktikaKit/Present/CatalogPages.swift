import Foundation

/// The catalog of practices, page by page, with its facets for readers without JavaScript.
struct CatalogPage: TemplateModel {
    let count: Int
    let vocabularies: [LabelledLink]
    let facets: [Facet]
    let isFirstPage: Bool
    let pagination: PaginationModel?
    let practices: CardList?

    static let fields: [String: TemplateField<Self>] = [
        "count": .number(\.count), "vocabularies": .list(\.vocabularies), "facets": .list(\.facets),
        "isFirstPage": .flag(\.isFirstPage), "pagination": .model(\.pagination), "practices": .model(\.practices),
    ]

    /// A vocabulary with the terms that have practices, each linking to its page.
    struct Facet: TemplateModel {
        let label: String
        let values: [Value]

        static let fields: [String: TemplateField<Self>] = ["label": .text(\.label), "values": .list(\.values)]

        struct Value: TemplateModel {
            let label: String
            let count: String
            let href: String

            static let fields: [String: TemplateField<Self>] = ["label": .text(\.label), "count": .text(\.count), "href": .text(\.href)]
        }
    }
}

struct LabelledLink: TemplateModel {
    let label: String
    let href: String

    static let fields: [String: TemplateField<Self>] = ["label": .text(\.label), "href": .text(\.href)]
}

/// A term's page (a topic, a risk factor…) with its practices.
struct TermPage: TemplateModel {
    let label: String
    let description: String?
    let vocabularyLabel: String
    let vocabularyHref: String
    let count: Int
    let pagination: PaginationModel?
    let practices: CardList?
    /// On an outcome's first page: every result for it, a table per unit, the largest improvement first.
    var outcomeTables: [OutcomeTable] = []

    static let fields: [String: TemplateField<Self>] = [
        "label": .text(\.label), "description": .text(\.description), "vocabularyLabel": .text(\.vocabularyLabel),
        "vocabularyHref": .text(\.vocabularyHref), "count": .number(\.count), "pagination": .model(\.pagination),
        "practices": .model(\.practices), "outcomeTables": .list(\.outcomeTables),
    ]
}

/// The results for one outcome in one unit, comparable row by row.
struct OutcomeTable: TemplateModel {
    let unit: String
    let rows: [Row]

    static let fields: [String: TemplateField<Self>] = ["unit": .text(\.unit), "rows": .list(\.rows)]

    struct Row: TemplateModel {
        let practice: PracticeCard
        let year: String?
        let result: ResultLine

        static let fields: [String: TemplateField<Self>] = Dictionary.lifting(ResultLine.fields, from: \Self.result).adding([
            "practice": .model(\.practice), "year": .text(\.year),
        ])
    }
}

/// A vocabulary's page: its terms with their counts of practices.
struct VocabularyPage: TemplateModel {
    let terms: [Term]

    static let fields: [String: TemplateField<Self>] = ["terms": .list(\.terms)]

    struct Term: TemplateModel {
        let label: String
        let description: String?
        let href: String
        let count: Int
        let countLabel: String

        static let fields: [String: TemplateField<Self>] = [
            "label": .text(\.label), "description": .text(\.description), "href": .text(\.href),
            "count": .number(\.count), "countLabel": .text(\.countLabel),
        ]
    }
}

extension PageContext {
    func practiceCatalogPage(_ number: Int) -> Page<CatalogPage> {
        let pagination = Pagination(base: SitePaths.index(.practice), count: graph.practiceOrder.count)
        let vocabularies: [LabelledLink] = VocabularyKind.allCases.compactMap { vocabulary in
            guard graph.content.vocabularies[vocabulary] != nil else { return nil }
            return LabelledLink(label: t("vocabulary_\(vocabulary.practiceField)"), href: href(SitePaths.vocabulary(vocabulary)))
        }
        // Without JavaScript the facets are links to the term pages, with counts.
        let facets: [CatalogPage.Facet] = number > 1 ? [] : VocabularyKind.allCases.compactMap { vocabulary in
            guard let terms = graph.content.vocabularies[vocabulary]?.terms else { return nil }
            let values: [CatalogPage.Facet.Value] = terms.compactMap { term in
                let count = graph.practicesByTerm[vocabulary]?[term.id.value]?.count ?? 0
                return count == 0 ? nil : .init(label: term.label, count: String(count), href: href(SitePaths.term(vocabulary, term.id.value)))
            }
            return values.isEmpty ? nil : .init(label: t("vocabulary_\(vocabulary.practiceField)"), values: values)
        }
        let model = CatalogPage(count: graph.practiceOrder.count, vocabularies: vocabularies, facets: facets,
                                isFirstPage: number == 1, pagination: pagination.model(number, in: self),
                                practices: cards(graph.practiceOrder[pagination.range(number)]))
        return page(model, kind: "practices", title: t("practices_title"), description: t("practices_intro"), section: "practices")
    }

    func termPage(_ vocabulary: VocabularyKind, _ id: String, page number: Int) -> Page<TermPage>? {
        guard let term = graph.term(vocabulary, id) else { return nil }
        let all = graph.practicesByTerm[vocabulary]?[id] ?? []
        let pagination = Pagination(base: SitePaths.term(vocabulary, id), count: all.count)
        var model = TermPage(label: term.label, description: term.description,
                             vocabularyLabel: t("vocabulary_\(vocabulary.practiceField)"),
                             vocabularyHref: href(SitePaths.vocabulary(vocabulary)), count: all.count,
                             pagination: pagination.model(number, in: self), practices: cards(all[pagination.range(number)]))
        if vocabulary == .outcomes, number == 1 { model.outcomeTables = outcomeTables(id) }
        return page(model, kind: "term", title: term.label, description: term.description, section: "practices")
    }

    func outcomeTables(_ outcome: String) -> [OutcomeTable] {
        let results = graph.resultsByOutcome[outcome] ?? []
        var tables: [OutcomeTable] = []
        for result in results {
            guard let practice = graph.practices[result.practice], let card = practiceCard(result.practice),
                  let line = resultRows([practice.results[result.row]]).first else { continue }
            let row = OutcomeTable.Row(practice: card, year: practice.date.map { String($0.year) }, result: line)
            if tables.last?.unit == result.unit {
                tables[tables.count - 1] = OutcomeTable(unit: result.unit, rows: tables[tables.count - 1].rows + [row])
            } else {
                tables.append(OutcomeTable(unit: result.unit, rows: [row]))
            }
        }
        return tables
    }

    func vocabularyPage(_ vocabulary: VocabularyKind) -> Page<VocabularyPage>? {
        guard let terms = graph.content.vocabularies[vocabulary]?.terms else { return nil }
        let items: [VocabularyPage.Term] = terms.map { term in
            let count = graph.practicesByTerm[vocabulary]?[term.id.value]?.count ?? 0
            return .init(label: term.label, description: term.description, href: href(SitePaths.term(vocabulary, term.id.value)),
                         count: count, countLabel: format.countLabel(count, "term_count"))
        }
        let title = t("vocabulary_\(vocabulary.practiceField)")
        return page(VocabularyPage(terms: items), kind: "vocabulary", title: title, description: nil, section: "practices")
    }
}
