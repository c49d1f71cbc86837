/// The link stage: resolves every id, reports every broken reference, and
/// derives the relations each page shows, in both directions.
enum Linker {
    /// - Parameter drafts: which drafts' Markdown to check for dead links; all when nil.
    ///   Serve passes only the drafts just saved: the others were checked before.
    public static func link(_ content: SiteContent, drafts: Set<String>? = nil) -> (SiteGraph, [Diagnostic]) {
        let log = DiagnosticLog()
        var graph = SiteGraph(content: content)
        let refs = ReferenceChecker(graph: graph, log: log)

        reportDuplicates(content, log: log)
        linkNetworks(&graph, refs)
        linkPrograms(&graph, refs)
        linkPractices(&graph, refs)
        linkSeminars(&graph, refs)
        linkDigests(&graph, refs)
        linkRegisters(&graph, refs)
        linkPeople(&graph, refs)
        linkProgramLineage(&graph, refs)
        graph.resultsByOutcome = outcomeResults(graph)
        graph.indexRelatedPractices()
        SemanticChecks(graph: graph, log: log).run()
        UnpublishedChecks(graph: graph, log: log, drafts: drafts).run()
        return (graph, log.all)
    }

    private static func reportDuplicates(_ content: SiteContent, log: DiagnosticLog) {
        func check(_ entries: [(id: String, file: String)], kind: EntityKind) {
            var seen: [String: String] = [:]
            for entry in entries {
                if let first = seen[entry.id] {
                    log.add(.error(SourceLocation(file: entry.file), LocalizedText(
                        en: "duplicate \(kind.rawValue) id `\(entry.id)`: \(first) has the same id",
                        ru: "повторяющийся идентификатор «\(entry.id)»: такой же у \(first)")))
                } else {
                    seen[entry.id] = entry.file
                }
            }
        }
        for kind in EntityKind.allCases { check(content.entries(kind), kind: kind) }
        for vocabulary in content.vocabularies.values {
            var seen: Set<String> = []
            for term in vocabulary.terms where !seen.insert(term.id.value).inserted {
                log.add(.error(SourceLocation(file: vocabulary.file, line: term.id.line, column: term.id.column), LocalizedText(
                    en: "duplicate term id `\(term.id.value)`", ru: "повторяющийся идентификатор термина «\(term.id.value)»")))
            }
        }
    }

    private static func linkNetworks(_ graph: inout SiteGraph, _ refs: ReferenceChecker) {
        for network in graph.content.networks {
            for leader in network.leaders where refs.check(leader, .school, in: network.file) {
                graph.rolesBySchool[leader.value, default: []].append(
                    NetworkRole(network: network.id, role: .leader, from: network.period?.from, to: network.period?.to))
            }
            for member in network.members where refs.check(member.school, .school, in: network.file) {
                graph.rolesBySchool[member.school.value, default: []].append(
                    NetworkRole(network: network.id, role: .member,
                                from: member.from ?? network.period?.from, to: member.to ?? network.period?.to))
            }
            for program in network.programs where refs.check(program, .program, in: network.file) {
                graph.programsByNetwork[network.id, default: []].appendUnique(program.value)
            }
        }
    }

    private static func linkPrograms(_ graph: inout SiteGraph, _ refs: ReferenceChecker) {
        for program in graph.content.programs {
            if let network = program.network, refs.check(network, .network, in: program.file) {
                graph.programsByNetwork[network.value, default: []].appendUnique(program.id)
            }
            if let owner = program.owner?.schoolID, refs.check(owner, .school, in: program.file) {
                graph.programsBySchool[owner.value, default: []].appendUnique(program.id)
            }
        }
    }

    private static func linkPractices(_ graph: inout SiteGraph, _ refs: ReferenceChecker) {
        // Published practices in catalog order first, so every list built here is
        // already in that order; drafts last, checked but linked nowhere.
        let ordered = graph.practiceOrder.compactMap { graph.practices[$0] } + graph.content.practices.filter(\.isDraft)
        for practice in ordered {
            // Drafts are checked like the rest, so they are ready to publish, but linked nowhere.
            let published = !practice.isDraft
            for (index, school) in practice.schools.enumerated() where refs.check(school, .school, in: practice.file) && published {
                graph.practicesBySchool[school.value, default: []].append(
                    PracticeRole(practice: practice.id, role: index == 0 ? .author : .partner))
            }
            if let network = practice.network, refs.check(network, .network, in: practice.file), published {
                graph.practicesByNetwork[network.value, default: []].append(practice.id)
            }
            if let program = practice.program, refs.check(program, .program, in: practice.file), published {
                graph.practicesByProgram[program.value, default: []].append(practice.id)
            }
            for vocabulary in VocabularyKind.allCases {
                for term in vocabulary.terms(of: practice.fields) where refs.checkTerm(term, vocabulary, in: practice.file) && published {
                    graph.practicesByTerm[vocabulary, default: [:]][term.value, default: []].appendIfNotLast(practice.id)
                }
            }
            for attachment in practice.attachments {
                refs.checkAttachment(attachment.file, in: practice.file)
            }
            for source in practice.basedOn {
                if source.value == practice.id {
                    refs.report(LocalizedText(
                        en: "a practice cannot be based on itself: `based_on` lists the practices this one adapts",
                        ru: "практика не может опираться на саму себя: в based_on указываются практики, которые эта адаптирует"), source, practice.file)
                } else if refs.check(source, .practice, in: practice.file), published {
                    // Drafts never count as replications.
                    graph.replications[source.value, default: []].appendUnique(practice.id)
                }
            }
            checkOutcomes(practice, refs)
        }
    }

    /// An outcome makes a result comparable with other practices' results, so
    /// it needs the unit and the direction in which the change is better.
    private static func checkOutcomes(_ practice: Entry<Practice>, _ refs: ReferenceChecker) {
        for row in practice.results {
            guard let outcome = row.outcome else { continue }
            if row.unit?.isBlank ?? true {
                refs.report(LocalizedText(
                    en: "the result «\(row.indicator)» names outcome `\(outcome.value)` but has no `unit`: results are compared only in the same unit",
                    ru: "у результата «\(row.indicator)» указан показатель outcome «\(outcome.value)», но нет единицы измерения unit: результаты сравниваются только в одних единицах"), outcome, practice.file)
            }
            if row.direction == nil {
                refs.report(LocalizedText(
                    en: "the result «\(row.indicator)» names outcome `\(outcome.value)` but not its `direction`: add `direction: up` (more is better) or `direction: down` (less is better)",
                    ru: "у результата «\(row.indicator)» указан показатель outcome «\(outcome.value)», но не указано направление: добавьте direction: up (лучше, когда больше) или direction: down (лучше, когда меньше)"), outcome, practice.file)
            }
        }
    }

    private static func linkSeminars(_ graph: inout SiteGraph, _ refs: ReferenceChecker) {
        var rolesBySchool: [String: [String: Set<SeminarRole.Role>]] = [:]
        for id in graph.seminarOrder {
            guard let seminar = graph.seminars[id] else { continue }
            func add(_ school: Ref?, _ role: SeminarRole.Role) {
                guard let school, refs.check(school, .school, in: seminar.file) else { return }
                rolesBySchool[school.value, default: [:]][seminar.id, default: []].insert(role)
            }
            add(seminar.organiser?.schoolID, .organiser)
            add(seminar.host, .host)
            if let network = seminar.network, refs.check(network, .network, in: seminar.file) {
                graph.seminarsByNetwork[network.value, default: []].append(seminar.id)
            }
            for item in seminar.agenda {
                item.speakers.forEach { add($0.school, .speaker) }
                add(item.school, .presented)
                if let practice = item.practice, refs.check(practice, .practice, in: seminar.file) {
                    graph.seminarsByPractice[practice.value, default: []].appendUnique(seminar.id)
                }
                if let program = item.program, refs.check(program, .program, in: seminar.file) {
                    graph.seminarsByProgram[program.value, default: []].appendUnique(seminar.id)
                }
            }
            for material in seminar.materials {
                if let file = material.file { refs.checkAttachment(file, in: seminar.file) }
            }
            if let digest = seminar.digest, refs.check(digest, .digest, in: seminar.file) {
                graph.digestsBySeminar[seminar.id, default: []].appendUnique(digest.value)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: graph.seminarOrder.enumerated().map { ($1, $0) })
        graph.seminarsBySchool = rolesBySchool.mapValues { bySeminar in
            bySeminar.map { SeminarRole(seminar: $0.key, roles: $0.value.sorted()) }
                .sorted { (order[$0.seminar] ?? 0) < (order[$1.seminar] ?? 0) }
        }
    }

    private static func linkDigests(_ graph: inout SiteGraph, _ refs: ReferenceChecker) {
        for digest in graph.content.digests {
            if let seminar = digest.seminar, refs.check(seminar, .seminar, in: digest.file) {
                graph.digestsBySeminar[seminar.value, default: []].appendUnique(digest.id)
            }
            digest.practices.forEach { refs.check($0, .practice, in: digest.file) }
            if let select = digest.select {
                select.topics.forEach { refs.checkTerm($0, .topics, in: digest.file) }
                select.riskFactors.forEach { refs.checkTerm($0, .riskFactors, in: digest.file) }
                select.subjects.forEach { refs.checkTerm($0, .subjects, in: digest.file) }
                select.networks.forEach { refs.check($0, .network, in: digest.file) }
                select.schools.forEach { refs.check($0, .school, in: digest.file) }
            }
        }
    }
}

extension Array where Element: Equatable {
    /// A practice naming the same term twice is listed once (lists are built in order).
    mutating func appendIfNotLast(_ element: Element) {
        if last != element { append(element) }
    }

    mutating func appendUnique(_ element: Element) {
        if !contains(element) { append(element) }
    }
}
