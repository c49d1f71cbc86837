import Foundation

/// Which published practices a digest takes, in its order: those on the
/// seminar's agenda, those matching `select`, then the explicit list.
public enum DigestSelector {
    public static func practices(of digest: Digest, in graph: SiteGraph) -> [String] {
        var chosen: [String] = []
        func add(_ id: String) {
            if graph.practices[id] != nil, !chosen.contains(id) { chosen.append(id) }
        }
        if let seminar = digest.seminar.flatMap({ graph.seminars[$0.value] }) {
            seminar.agenda.compactMap(\.practice?.value).forEach(add)
        }
        if let select = digest.select {
            graph.practiceOrder.filter { matches(graph.practices[$0]!.fields, select) }.forEach(add)
        }
        digest.practices.map(\.value).forEach(add)
        return ordered(chosen, by: digest.order ?? .asListed, in: graph)
    }

    static func matches(_ practice: Practice, _ select: DigestSelection) -> Bool {
        func overlaps(_ wanted: [Ref], _ have: [Ref]) -> Bool {
            wanted.isEmpty || !Set(wanted.map(\.value)).isDisjoint(with: have.map(\.value))
        }
        guard overlaps(select.topics, practice.topics), overlaps(select.riskFactors, practice.riskFactors),
              overlaps(select.subjects, practice.subjects), overlaps(select.schools, practice.schools)
        else { return false }
        if !select.networks.isEmpty, !select.networks.contains(where: { $0.value == practice.network?.value }) { return false }
        if !select.years.isEmpty {
            guard let year = practice.date?.year, select.years.contains(year) else { return false }
        }
        if let statuses = select.status?.values, !statuses.isEmpty, !statuses.contains(practice.status) { return false }
        return true
    }

    static func ordered(_ ids: [String], by order: Digest.Order, in graph: SiteGraph) -> [String] {
        func practice(_ id: String) -> Practice { graph.practices[id]!.fields }
        func stable(_ key: (String) -> String) -> [String] {
            ids.enumerated().sorted { a, b in
                let (ka, kb) = (key(a.element), key(b.element))
                if ka != kb { return ka.localizedStandardCompare(kb) == .orderedAscending }
                return a.offset < b.offset
            }.map(\.element)
        }
        switch order {
        case .asListed:
            return ids
        case .bySchool:
            return stable { graph.schools[practice($0).schools.first?.value ?? ""]?.name ?? "" }
        case .byTopic:
            return stable { id in
                practice(id).topics.first.flatMap { graph.term(.topics, $0.value)?.label } ?? "\u{10FFFF}"
            }
        case .byDate:
            return stable { practice($0).date?.isoDate ?? "9999" }
        }
    }
}
