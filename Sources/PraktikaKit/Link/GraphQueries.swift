/// Questions pages ask of the graph, in one place so that the plan (which
/// records what each page shows) and the page models ask them the same way.
extension SiteGraph {
    /// "Похожие практики": see `RelatedIndex` for how they are chosen.
    func relatedPractices(_ id: String, limit: Int = 4, candidatesPerTerm: Int = 40) -> [String] {
        related?.related(to: id, limit: limit, candidatesPerTerm: candidatesPerTerm) ?? []
    }

    /// The author school's other practices.
    func schoolPractices(_ id: String, limit: Int = 4) -> [String] {
        guard let author = practices[id]?.schools.first?.value else { return [] }
        return (practicesBySchool[author] ?? []).filter { $0.role == .author && $0.practice != id }.prefix(limit).map(\.practice)
    }

    /// The home page's lists.
    /// The schools that took the practice up: the author schools of the practices based on it.
    func replicationSchools(_ id: String) -> [String] {
        var seen: Set<String> = []
        return (replications[id] ?? []).compactMap { practices[$0]?.schools.first?.value }.filter { seen.insert($0).inserted }
    }

    func recommendedPractices(limit: Int = 6) -> [String] {
        Array(practiceOrder.lazy.filter { practices[$0]?.status == .recommended }.prefix(limit))
    }

    func upcomingSeminars(today: Day) -> [String] {
        seminarOrder.filter { seminars[$0]!.date >= today }
    }

    /// Past seminars, the latest first.
    func pastSeminars(today: Day) -> [String] {
        seminarOrder.reversed().filter { seminars[$0]!.date < today }
    }
}
