import Foundation

extension PageContext {
    func practicePage(_ id: String) -> [String: Any]? {
        guard let practice = graph.practices[id] else { return nil }
        let file = practice.file
        let vocabularies: [[String: Any]] = VocabularyKind.allCases.compactMap { vocabulary in
            let items = vocabulary.terms(of: practice.fields).compactMap { termLink(vocabulary, $0.value) }
            return items.isEmpty ? nil : ["label": t("vocabulary_\(vocabulary.practiceField)"), "items": items]
        }
        let results: [[String: Any]] = practice.results.map {
            viewModel(["indicator": $0.indicator, "before": $0.before, "after": $0.after, "unit": $0.unit, "source": $0.source])
        }
        let page = viewModel([
            "title": practice.title,
            "summary": practice.summary,
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
            "updated": format.date(practice.updated),
            "contact": person(practice.contact),
            "results": results,
            "resources": markdown(practice.resources, in: file),
            "replicability": markdown(practice.replicability, in: file),
            "attachments": practice.attachments.compactMap { attachment($0.file.value, title: $0.title) },
            "seminars": (graph.seminarsByPractice[id] ?? []).compactMap { seminarCard($0) },
            "body": practice.body.map { markdown($0.text, origin: .body(file: file, body: $0)) },
        ])
        return frame(kind: "practice", title: practice.title, description: practice.summary, section: "practices", page)
    }

    func practiceCatalogPage(_ number: Int) -> [String: Any] {
        let pagination = Pagination(base: SitePaths.index(.practice), count: graph.practiceOrder.count)
        let cards = graph.practiceOrder[pagination.range(number)].compactMap { practiceCardHTML($0) }
        let vocabularies: [[String: Any]] = VocabularyKind.allCases.compactMap { vocabulary in
            guard graph.content.vocabularies[vocabulary] != nil else { return nil }
            return ["label": t("vocabulary_\(vocabulary.practiceField)"), "href": href(SitePaths.vocabulary(vocabulary))]
        }
        return frame(kind: "practices", title: t("practices_title"), description: t("practices_intro"), section: "practices",
                     viewModel(["practices": cards, "count": graph.practiceOrder.count, "vocabularies": vocabularies,
                                "pagination": pagination.model(number, in: self)]))
    }
}
