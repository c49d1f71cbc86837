import Foundation

/// A practice's page: the case, its facts, results, files and contact.
struct PracticePage: TemplateModel {
    let title: String
    let summary: String
    let recommended: Bool
    let statusLabel: String?
    let author: SchoolLink?
    let partners: [SchoolLink]
    let network: NetworkLink?
    let program: ProgramLink?
    let vocabularies: [TermGroup]
    let period: String?
    let date: String?
    let isoDate: String?
    let year: String?
    let updated: String?
    let contact: PersonModel?
    let results: [ResultLine]
    let resources: String?
    let replicability: String?
    let attachments: [FileLink]
    let seminars: [SeminarCard]
    let body: String?
    let searchFilters: [SearchFilter]
    /// The filters as the theme's `search-filter` draws them, each once per build.
    let searchFilterTags: String
    let related: CardList?
    /// The author school's other practices.
    let schoolPractices: CardList?
    /// The practices this one adapts.
    let basedOn: [PracticeCard]
    /// Where it has been applied: the practices based on it.
    let replications: [ReplicationModel]
    let replicationText: String?
    let evidence: EvidenceModel
    let cost: CostBand?
    let replicate: ReplicateAction?

    static let fields: [String: TemplateField<Self>] = [
        "title": .text(\.title), "summary": .text(\.summary), "recommended": .flag(\.recommended),
        "statusLabel": .text(\.statusLabel), "author": .model(\.author), "partners": .list(\.partners),
        "network": .model(\.network), "program": .model(\.program), "vocabularies": .list(\.vocabularies),
        "period": .text(\.period), "date": .text(\.date), "isoDate": .text(\.isoDate), "year": .text(\.year),
        "updated": .text(\.updated), "contact": .model(\.contact), "results": .list(\.results),
        "resources": .text(\.resources), "replicability": .text(\.replicability), "attachments": .list(\.attachments),
        "seminars": .list(\.seminars), "body": .text(\.body), "searchFilters": .list(\.searchFilters),
        "searchFilterTags": .text(\.searchFilterTags), "related": .model(\.related), "schoolPractices": .model(\.schoolPractices),
        "basedOn": .list(\.basedOn), "replications": .list(\.replications), "replicationText": .text(\.replicationText),
        "evidence": .model(\.evidence), "cost": .model(\.cost), "replicate": .model(\.replicate),
    ]
}

/// A cost band with what it means for a school, linking the practices of that band.
struct CostBand: TemplateModel {
    let id: String
    let label: String
    let description: String?
    let href: String

    static let fields: [String: TemplateField<Self>] = [
        "id": .text(\.id), "label": .text(\.label), "description": .text(\.description), "href": .text(\.href),
    ]
}

/// A practice's terms of one vocabulary; `tags` is them as the theme's `term-tag` draws each, once per build.
struct TermGroup: TemplateModel {
    let label: String
    let items: [TermLink]
    let tags: String

    static let fields: [String: TemplateField<Self>] = ["label": .text(\.label), "items": .list(\.items), "tags": .text(\.tags)]
}

/// A Pagefind filter of a practice, mirroring a catalog facet.
struct SearchFilter: TemplateModel {
    let name: String
    let value: String

    static let fields: [String: TemplateField<Self>] = ["name": .text(\.name), "value": .text(\.value)]
}

/// A row of a practice's results table: an indicator before and after, the
/// change, and — where the author says which way is better — whether it improved.
struct ResultLine: TemplateModel {
    let indicator: String?
    let before: String?
    let after: String?
    let unit: String?
    let source: String?
    var change: String?
    /// «лучше», «хуже», «без изменений».
    var verdict: String?
    var better = false
    var worse = false
    var outcome: TermLink?

    static let fields: [String: TemplateField<Self>] = [
        "indicator": .text(\.indicator), "before": .text(\.before), "after": .text(\.after), "unit": .text(\.unit),
        "source": .text(\.source), "change": .text(\.change), "verdict": .text(\.verdict), "better": .flag(\.better),
        "worse": .flag(\.worse), "outcome": .model(\.outcome),
    ]
}

extension PageContext {
    func practicePage(_ id: String, related: [String], schoolPractices: [String]) -> Page<PracticePage>? {
        guard let practice = graph.practices[id] else { return nil }
        let file = practice.file
        let vocabularies: [TermGroup] = VocabularyKind.allCases.filter(\.tagsPractices).compactMap { vocabulary in
            var items: [TermLink] = [], tags = ""
            for term in vocabulary.terms(of: practice.fields) {
                guard let item = termLink(vocabulary, term.value) else { continue }
                items.append(item)
                tags += fragment("term-tag", key: vocabulary.rawValue + "/" + term.value) { item }
            }
            return items.isEmpty ? nil : TermGroup(label: t("vocabulary_\(vocabulary.practiceField)"), items: items, tags: tags)
        }
        let filters = searchFilters(practice)
        let model = PracticePage(
            title: typeset(practice.title) ?? practice.title,
            summary: typeset(practice.summary) ?? practice.summary,
            recommended: practice.status == .recommended,
            statusLabel: format.label("practice_status", practice.status),
            author: practice.schools.first.flatMap { schoolLink($0.value) },
            partners: practice.schools.dropFirst().compactMap { schoolLink($0.value) },
            network: practice.network.flatMap { networkLink($0.value) },
            program: practice.program.flatMap { programLink($0.value) },
            vocabularies: vocabularies,
            period: format.period(practice.period),
            date: format.date(practice.date),
            isoDate: practice.date?.isoDate,
            year: practice.date.map { String($0.year) },
            updated: format.date(practice.updated),
            contact: person(practice.contact),
            results: resultRows(practice.results),
            resources: markdown(practice.resources, in: file),
            replicability: markdown(practice.replicability, in: file),
            attachments: practice.attachments.compactMap { attachment($0.file.value, title: $0.title) },
            seminars: (graph.seminarsByPractice[id] ?? []).compactMap { seminarCard($0) },
            body: practice.body.flatMap { markdown($0.text, origin: .body(file: file, body: $0)) },
            searchFilters: filters.map(\.model),
            searchFilterTags: filters.map { filter in fragment("search-filter", key: filter.key) { filter.model } }.joined(),
            related: cards(related), schoolPractices: cards(schoolPractices),
            basedOn: practice.basedOn.compactMap { practiceCard($0.value) }, replications: replications(of: id),
            replicationText: replicationText(id), evidence: evidence(practice), cost: costBand(practice),
            replicate: replicateAction(practice))
        return page(model, kind: "practice", title: practice.title, description: practice.summary, section: "practices",
                    jsonLD: practiceJSONLD(practice))
    }

    func costBand(_ practice: Entry<Practice>) -> CostBand? {
        guard let id = practice.cost?.value, let term = graph.term(.cost, id) else { return nil }
        return CostBand(id: id, label: term.label, description: term.description, href: href(SitePaths.term(.cost, id)))
    }

    /// Pagefind filters mirroring the catalog facets; `key` names one with
    /// ids only (Cyrillic keys hash slowly), for the shared fragment.
    func searchFilters(_ practice: Entry<Practice>) -> [(key: String, model: SearchFilter)] {
        var filters: [(key: String, model: SearchFilter)] = []
        for facet in CatalogIndex.Facet.allCases {
            guard let vocabulary = facet.vocabulary else { continue }
            for term in vocabulary.terms(of: practice.fields) {
                if let label = graph.term(vocabulary, term.value)?.label {
                    filters.append((facet.rawValue + "|" + term.value, SearchFilter(name: t("facet_\(facet.rawValue)"), value: label)))
                }
            }
        }
        if let year = practice.date?.year { filters.append(("year|\(year)", SearchFilter(name: t("facet_year"), value: String(year)))) }
        let level = practice.evidenceLevel
        filters.append(("evidence|" + level.rawValue, SearchFilter(name: t("facet_evidence"), value: format.label("evidence_level", level)!)))
        if let network = practice.network.flatMap({ id in graph.networks[id.value].map { (id.value, $0) } }) {
            filters.append(("network|" + network.0, SearchFilter(name: t("facet_network"), value: network.1.name)))
        }
        return filters
    }
}
