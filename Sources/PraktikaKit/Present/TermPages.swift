import Foundation

extension PageContext {
    func termPage(_ vocabulary: VocabularyKind, _ id: String, page number: Int) -> [String: Any]? {
        guard let term = graph.term(vocabulary, id) else { return nil }
        let all = graph.practicesByTerm[vocabulary]?[id] ?? []
        let pagination = Pagination(base: SitePaths.term(vocabulary, id), count: all.count)
        var page = viewModel([
            "label": term.label,
            "description": term.description,
            "vocabularyLabel": t("vocabulary_\(vocabulary.practiceField)"),
            "vocabularyHref": href(SitePaths.vocabulary(vocabulary)),
            "count": all.count,
            "pagination": pagination.model(number, in: self),
        ])
        addCards(all[pagination.range(number)], as: "practices", to: &page)
        return frame(kind: "term", title: term.label, description: term.description, section: "practices", page)
    }

    func vocabularyPage(_ vocabulary: VocabularyKind) -> [String: Any]? {
        guard let terms = graph.content.vocabularies[vocabulary]?.terms else { return nil }
        let items: [[String: Any]] = terms.map { term in
            let count = graph.practicesByTerm[vocabulary]?[term.id.value]?.count ?? 0
            return viewModel(["label": term.label, "description": term.description,
                              "href": href(SitePaths.term(vocabulary, term.id.value)),
                              "count": count, "countLabel": format.countLabel(count, "term_count")])
        }
        let title = t("vocabulary_\(vocabulary.practiceField)")
        return frame(kind: "vocabulary", title: title, description: nil, section: "practices", viewModel(["terms": items]))
    }
}
