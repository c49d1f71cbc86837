extension PageContext {
    /// "Похожие практики": see `RelatedIndex` for how they are chosen.
    func relatedPractices(_ id: String, limit: Int = 4, candidatesPerTerm: Int = 40) -> [String] {
        graph.related?.related(to: id, limit: limit, candidatesPerTerm: candidatesPerTerm) ?? []
    }

    /// The author school's other practices.
    func schoolPractices(_ id: String, limit: Int = 4) -> [String] {
        guard let author = graph.practices[id]?.schools.first?.value else { return [] }
        return (graph.practicesBySchool[author] ?? []).filter { $0.role == .author && $0.practice != id }.prefix(limit).map(\.practice)
    }
}
