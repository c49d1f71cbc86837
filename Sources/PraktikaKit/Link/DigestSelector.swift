import Foundation

/// Which published practices a digest takes: every practice of the
/// `practices` list, of the seminar's agenda and matching `select`. With
/// `order: as-listed` (the default) the list comes first in its own order,
/// then the agenda's in the agenda's order, then the `select` matches in the
/// catalog's order.
enum DigestSelector {
    public static func practices(of digest: Digest, in graph: SiteGraph) -> [String] {
        var chosen: [String] = []
        func add(_ id: String) {
            if graph.practices[id] != nil, !chosen.contains(id) { chosen.append(id) }
        }
        digest.practices.map(\.value).forEach(add)
        if let seminar = digest.seminar.flatMap({ graph.seminars[$0.value] }) {
            seminar.agenda.compactMap(\.practice?.value).forEach(add)
        }
        if let select = digest.select {
            graph.practiceOrder.filter { matches(graph.practices[$0]!.fields, select) }.forEach(add)
        }
        return ordered(chosen, by: digest.order ?? .asListed, in: graph)
    }

    /// The declared order, where it cannot be kept: nothing listed for
    /// `as-listed`, practices without the date or topic the order sorts by.
    static func orderProblem(of digest: Digest, in graph: SiteGraph) -> LocalizedText? {
        let chosen = practices(of: digest, in: graph)
        guard let order = digest.order, !chosen.isEmpty else { return nil }
        func names(_ ids: [String]) -> String { ids.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (ids.count > 5 ? "…" : "") }
        switch order {
        case .asListed:
            let hasSeminar = digest.seminar.flatMap { graph.seminars[$0.value] }.map { !$0.agenda.compactMap(\.practice).isEmpty } ?? false
            guard digest.practices.isEmpty, !hasSeminar else { return nil }
            return LocalizedText(
                en: "`order: as-listed`, but no practice is listed (only `select` chooses them): they follow the catalog's order; list them in `practices` in the order you want, or choose `by-school`, `by-topic` or `by-date`",
                ru: "указано `order: as-listed`, но практики не перечислены (их выбирает только `select`), поэтому они идут в порядке каталога. Перечислите их в `practices` в нужном порядке или выберите `by-school`, `by-topic` либо `by-date`")
        case .byDate:
            let undated = chosen.filter { graph.practices[$0]?.fields.date == nil }
            guard !undated.isEmpty else { return nil }
            return LocalizedText(
                en: "`order: by-date`, but \(names(undated)) have no `date`: they are put at the end; give them a `date`",
                ru: "указано `order: by-date`, но у практик \(names(undated)) нет поля `date`, и они поставлены в конец; укажите им дату")
        case .byTopic:
            let untagged = chosen.filter { graph.practices[$0]?.fields.topics.isEmpty ?? false }
            guard !untagged.isEmpty else { return nil }
            return LocalizedText(
                en: "`order: by-topic`, but \(names(untagged)) have no `topics`: they are put at the end; give them a topic",
                ru: "указано `order: by-topic`, но у практик \(names(untagged)) нет тем (`topics`), и они поставлены в конец; укажите им тему")
        case .bySchool:
            return nil
        }
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
