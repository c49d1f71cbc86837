import Foundation

extension PageContext {
    func termPage(_ vocabulary: VocabularyKind, _ id: String) -> [String: Any]? {
        guard let term = graph.term(vocabulary, id) else { return nil }
        let practices = (graph.practicesByTerm[vocabulary]?[id] ?? []).compactMap { practiceCard($0) }
        let page = viewModel([
            "label": term.label,
            "description": term.description,
            "vocabularyLabel": t("vocabulary_\(vocabulary.practiceField)"),
            "vocabularyHref": href(SitePaths.vocabulary(vocabulary)),
            "practices": practices,
            "count": practices.count,
        ])
        return frame(kind: "term", title: term.label, description: term.description, section: "practices", page)
    }

    func vocabularyPage(_ vocabulary: VocabularyKind) -> [String: Any]? {
        guard let terms = graph.content.vocabularies[vocabulary]?.terms else { return nil }
        let items: [[String: Any]] = terms.map { term in
            viewModel(["label": term.label, "description": term.description,
                       "href": href(SitePaths.term(vocabulary, term.id.value)),
                       "count": graph.practicesByTerm[vocabulary]?[term.id.value]?.count ?? 0])
        }
        let title = t("vocabulary_\(vocabulary.practiceField)")
        return frame(kind: "vocabulary", title: title, description: nil, section: "practices", viewModel(["terms": items]))
    }
}
