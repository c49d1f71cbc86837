/// "Похожие практики": practices that share risk factors and topics with this
/// one, or grew in the same network. Candidates come from the term lists
/// (the first few dozen of each, in catalog order), so the cost per page stays
/// small on a site with tens of thousands of practices.
extension PageContext {
    func relatedPractices(_ id: String, limit: Int = 4, candidatesPerTerm: Int = 40) -> [String] {
        guard let practice = graph.practices[id] else { return [] }
        let risks = Set(practice.riskFactors.map(\.value)), topics = Set(practice.topics.map(\.value))
        let network = practice.network?.value
        let author = practice.schools.first?.value
        var candidates: Set<String> = []
        for risk in risks { candidates.formUnion((graph.practicesByTerm[.riskFactors]?[risk] ?? []).prefix(candidatesPerTerm)) }
        for topic in topics { candidates.formUnion((graph.practicesByTerm[.topics]?[topic] ?? []).prefix(candidatesPerTerm)) }
        if let network { candidates.formUnion((graph.practicesByNetwork[network] ?? []).prefix(candidatesPerTerm)) }
        candidates.remove(id)
        let scored: [(String, Int)] = candidates.compactMap { other in
            guard let candidate = graph.practices[other], candidate.schools.first?.value != author else { return nil }
            let score = 2 * candidate.riskFactors.filter { risks.contains($0.value) }.count
                + candidate.topics.filter { topics.contains($0.value) }.count
                + (network != nil && candidate.network?.value == network ? 2 : 0)
            return score > 0 ? (other, score) : nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : (graph.practiceRank[$0.0] ?? 0) < (graph.practiceRank[$1.0] ?? 0) }
            .prefix(limit).map(\.0)
    }

    /// The author school's other practices.
    func schoolPractices(_ id: String, limit: Int = 4) -> [String] {
        guard let author = graph.practices[id]?.schools.first?.value else { return [] }
        return (graph.practicesBySchool[author] ?? []).filter { $0.role == .author && $0.practice != id }.prefix(limit).map(\.practice)
    }
}
