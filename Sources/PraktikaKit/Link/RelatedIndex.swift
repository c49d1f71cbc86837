/// "Похожие практики" on small integers. Every practice page asks for its
/// related practices; scoring a few hundred candidates by comparing id strings
/// took as long as rendering the page, so the link stage numbers the practices
/// (by catalog position) and their terms once, and the question becomes
/// integer arithmetic.
///
/// Related practices share risk factors (2 points each) and topics (1 point
/// each) with the practice, or grew in the same network (2 points); the
/// author school's own practices are left out. Candidates come from the
/// term lists (the first few dozen of each, in catalog order), so the cost
/// per page stays small on a site with tens of thousands of practices.
final class RelatedIndex: Sendable {
    /// Practice ids in catalog order: a practice's number is its position.
    private let ids: [String]
    /// Id → position, the graph's own `practiceRank`.
    private let numbers: [String: Int]
    private let risks: Ragged
    private let topics: Ragged
    private let network: [Int32]
    private let author: [Int32]
    private let byRisk: [Int32: [Int32]]
    private let byTopic: [Int32: [Int32]]
    private let byNetwork: [Int32: [Int32]]

    init(_ graph: SiteGraph) {
        ids = graph.practiceOrder
        let rank = graph.practiceRank
        numbers = rank

        // Term, network and school ids share one numbering; only equality matters.
        var names: [String: Int32] = [:]
        func number(_ name: String) -> Int32 {
            if let known = names[name] { return known }
            let next = Int32(names.count)
            names[name] = next
            return next
        }
        let practices = ids.map { graph.practices[$0]! }
        risks = Ragged(practices.map { $0.riskFactors.map { number("risk:" + $0.value) } })
        topics = Ragged(practices.map { $0.topics.map { number("topic:" + $0.value) } })
        network = practices.map { $0.network.map { number("network:" + $0.value) } ?? -1 }
        author = practices.map { $0.schools.first.map { number("school:" + $0.value) } ?? -1 }

        func lists(_ source: [String: [String]]?, _ prefix: String) -> [Int32: [Int32]] {
            var result: [Int32: [Int32]] = [:]
            for (name, practiceIds) in source ?? [:] {
                result[number(prefix + name)] = practiceIds.compactMap { rank[$0].map(Int32.init) }
            }
            return result
        }
        byRisk = lists(graph.practicesByTerm[.riskFactors], "risk:")
        byTopic = lists(graph.practicesByTerm[.topics], "topic:")
        byNetwork = lists(graph.practicesByNetwork, "network:")
    }

    func related(to id: String, limit: Int, candidatesPerTerm: Int) -> [String] {
        guard let me = numbers[id] else { return [] }
        let myRisks = risks[me], myTopics = topics[me], myNetwork = network[me], myAuthor = author[me]
        // One bit per practice: a candidate is scored once, however many lists hold it.
        var seen = [UInt64](repeating: 0, count: ids.count / 64 + 1)
        seen[me >> 6] |= 1 << UInt64(me & 63)
        var best: [(number: Int32, score: Int)] = []

        func consider(_ list: [Int32]?) {
            for candidate in (list ?? []).prefix(candidatesPerTerm) {
                let other = Int(candidate), bit: UInt64 = 1 << UInt64(other & 63)
                guard seen[other >> 6] & bit == 0 else { continue }
                seen[other >> 6] |= bit
                guard author[other] != myAuthor else { continue }
                var score = 0
                for risk in risks[other] where myRisks.contains(risk) { score += 2 }
                for topic in topics[other] where myTopics.contains(topic) { score += 1 }
                if myNetwork >= 0, network[other] == myNetwork { score += 2 }
                guard score > 0 else { continue }
                // The best few by score, then catalog order (the number itself).
                let position = best.firstIndex { score > $0.score || (score == $0.score && candidate < $0.number) } ?? best.count
                if position < limit {
                    best.insert((candidate, score), at: position)
                    if best.count > limit { best.removeLast() }
                }
            }
        }
        for risk in Set(myRisks) { consider(byRisk[risk]) }
        for topic in Set(myTopics) { consider(byTopic[topic]) }
        if myNetwork >= 0 { consider(byNetwork[myNetwork]) }
        return best.map { ids[Int($0.number)] }
    }
}

/// Short lists of numbers, one per practice, stored end to end.
private struct Ragged: Sendable {
    private let starts: [Int32]
    private let values: [Int32]

    init(_ lists: [[Int32]]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        for list in lists { starts.append(starts.last! + Int32(list.count)) }
        self.starts = starts
        values = lists.flatMap { $0 }
    }

    subscript(index: Int) -> ArraySlice<Int32> { values[Int(starts[index])..<Int(starts[index + 1])] }
}
