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
        // The best few by score, then catalog order; kept in a small sorted list
        // instead of sorting every candidate.
        var best: [(id: String, score: Int, rank: Int)] = []
        for other in candidates {
            guard let candidate = graph.practices[other], candidate.schools.first?.value != author else { continue }
            var score = 0
            for risk in candidate.riskFactors where risks.contains(risk.value) { score += 2 }
            for topic in candidate.topics where topics.contains(topic.value) { score += 1 }
            if let network, candidate.network?.value == network { score += 2 }
            guard score > 0 else { continue }
            let rank = graph.practiceRank[other] ?? .max
            let position = best.firstIndex { score > $0.score || (score == $0.score && rank < $0.rank) } ?? best.count
            if position < limit {
                best.insert((other, score, rank), at: position)
                if best.count > limit { best.removeLast() }
            }
        }
        return best.map(\.id)
    }

    /// The author school's other practices.
    func schoolPractices(_ id: String, limit: Int = 4) -> [String] {
        guard let author = graph.practices[id]?.schools.first?.value else { return [] }
        return (graph.practicesBySchool[author] ?? []).filter { $0.role == .author && $0.practice != id }.prefix(limit).map(\.practice)
    }
}
