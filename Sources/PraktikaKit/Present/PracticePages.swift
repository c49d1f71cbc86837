import Foundation

extension PageContext {
    func practicePage(_ id: String, related: [String], schoolPractices: [String]) -> [String: Any]? {
        guard let practice = graph.practices[id] else { return nil }
        let file = practice.file
        let vocabularies: [[String: Any]] = VocabularyKind.allCases.compactMap { vocabulary in
            var items: [TermLink] = [], tags = ""
            for term in vocabulary.terms(of: practice.fields) {
                guard let item = termLink(vocabulary, term.value) else { continue }
                items.append(item)
                tags += fragment("term-tag", key: vocabulary.rawValue + "/" + term.value) { item }
            }
            return items.isEmpty ? nil : ["label": t("vocabulary_\(vocabulary.practiceField)"), "items": items, "tags": tags]
        }
        let results = resultRows(practice.results)
        let filters = searchFilters(practice)
        var page = viewModel([
            "title": typeset(practice.title),
            "summary": typeset(practice.summary),
            "recommended": practice.status == .recommended,
            "statusLabel": format.label("practice_status", practice.status),
            "author": practice.schools.first.flatMap { schoolLink($0.value) },
            "partners": practice.schools.dropFirst().compactMap { schoolLink($0.value) },
            "network": practice.network.flatMap { networkLink($0.value) },
            "program": practice.program.flatMap { programLink($0.value) },
            "vocabularies": vocabularies,
            "period": format.period(practice.period),
            "date": format.date(practice.date),
            "isoDate": practice.date?.isoDate,
            "year": practice.date.map { String($0.year) },
            "updated": format.date(practice.updated),
            "contact": person(practice.contact),
            "results": results,
            "resources": markdown(practice.resources, in: file),
            "replicability": markdown(practice.replicability, in: file),
            "attachments": practice.attachments.compactMap { attachment($0.file.value, title: $0.title) },
            "seminars": (graph.seminarsByPractice[id] ?? []).compactMap { seminarCard($0) },
            "body": practice.body.flatMap { markdown($0.text, origin: .body(file: file, body: $0)) },
            "jsonLD": practiceJSONLD(practice),
            "searchFilters": filters.map(\.model),
            "searchFilterTags": filters.map { filter in fragment("search-filter", key: filter.key) { filter.model } }.joined(),
        ])
        addCards(related, as: "related", to: &page)
        addCards(schoolPractices, as: "schoolPractices", to: &page)
        return frame(kind: "practice", title: practice.title, description: practice.summary, section: "practices", page)
    }

    /// Pagefind filters mirroring the catalog facets; `key` names one with
    /// ids only (Cyrillic keys hash slowly), for the shared fragment.
    func searchFilters(_ practice: Entry<Practice>) -> [(key: String, model: [String: Any])] {
        var filters: [(key: String, model: [String: Any])] = []
        for facet in CatalogIndex.Facet.allCases {
            guard let vocabulary = facet.vocabulary else { continue }
            for term in vocabulary.terms(of: practice.fields) {
                if let label = graph.term(vocabulary, term.value)?.label {
                    filters.append((facet.rawValue + "|" + term.value, ["name": t("facet_\(facet.rawValue)"), "value": label]))
                }
            }
        }
        if let year = practice.date?.year { filters.append(("year|\(year)", ["name": t("facet_year"), "value": String(year)])) }
        if let network = practice.network.flatMap({ id in graph.networks[id.value].map { (id.value, $0) } }) {
            filters.append(("network|" + network.0, ["name": t("facet_network"), "value": network.1.name]))
        }
        return filters
    }

    func practiceCatalogPage(_ number: Int) -> [String: Any] {
        let pagination = Pagination(base: SitePaths.index(.practice), count: graph.practiceOrder.count)
        let vocabularies: [[String: Any]] = VocabularyKind.allCases.compactMap { vocabulary in
            guard graph.content.vocabularies[vocabulary] != nil else { return nil }
            return ["label": t("vocabulary_\(vocabulary.practiceField)"), "href": href(SitePaths.vocabulary(vocabulary))]
        }
        // Without JavaScript the facets are links to the term pages, with counts.
        let facets: [[String: Any]] = number > 1 ? [] : VocabularyKind.allCases.compactMap { vocabulary in
            guard let terms = graph.content.vocabularies[vocabulary]?.terms else { return nil }
            let values: [[String: Any]] = terms.compactMap { term in
                let count = graph.practicesByTerm[vocabulary]?[term.id.value]?.count ?? 0
                return count == 0 ? nil : ["label": term.label, "count": String(count), "href": href(SitePaths.term(vocabulary, term.id.value))]
            }
            return values.isEmpty ? nil : ["label": t("vocabulary_\(vocabulary.practiceField)"), "values": values]
        }
        var page = viewModel(["count": graph.practiceOrder.count, "vocabularies": vocabularies,
                              "facets": facets, "isFirstPage": number == 1,
                              "pagination": pagination.model(number, in: self)])
        addCards(graph.practiceOrder[pagination.range(number)], as: "practices", to: &page)
        return frame(kind: "practices", title: t("practices_title"), description: t("practices_intro"), section: "practices", page)
    }
}
