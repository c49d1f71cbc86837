import Foundation

/// Where a practice spread, how far its results can be trusted and what it
/// costs (EEF-style badges), and the way to ask for it.

/// A practice based on this one, with its own school, place, year and results.
struct ReplicationModel: TemplateModel {
    let card: PracticeCard
    let municipality: String?
    let year: String?
    let results: [ResultLine]

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(PracticeCard.fields, from: \Self.card).adding([
        "municipality": .text(\.municipality), "year": .text(\.year), "results": .list(\.results),
    ])
}

struct EvidenceModel: TemplateModel {
    /// `self-report`, `monitoring`, `external`, `expert-reviewed`, for a style per level.
    let level: String
    let label: String
    let description: String?
    let reviewedBy: String?
    let reviewedOn: String?
    let participants: String?
    /// Markdown: against what the change was measured.
    let comparison: String?

    static let fields: [String: TemplateField<Self>] = [
        "level": .text(\.level), "label": .text(\.label), "description": .text(\.description),
        "reviewedBy": .text(\.reviewedBy), "reviewedOn": .text(\.reviewedOn), "participants": .text(\.participants),
        "comparison": .text(\.comparison),
    ]
}

/// «Хочу применить»: a prepared message to whoever takes requests to replicate.
struct ReplicateAction: TemplateModel {
    let href: String
    let external: Bool

    static let fields: [String: TemplateField<Self>] = ["href": .text(\.href), "external": .flag(\.external)]
}

extension PageContext {
    func replications(of id: String) -> [ReplicationModel] {
        (graph.replications[id] ?? []).compactMap { replication in
            guard let practice = graph.practices[replication], let card = practiceCard(replication) else { return nil }
            let school = practice.schools.first.flatMap { graph.schools[$0.value] }
            return ReplicationModel(card: card, municipality: school?.municipality, year: practice.date.map { String($0.year) },
                                    results: resultRows(practice.results))
        }
    }

    /// Every practice has a level of evidence: without an `evidence` block, its school's own report.
    func evidence(_ practice: Entry<Practice>) -> EvidenceModel {
        let evidence = practice.evidence, level = practice.evidenceLevel
        return EvidenceModel(
            level: level.rawValue, label: format.label("evidence_level", level)!, description: format.label("evidence_description", level),
            reviewedBy: evidence?.reviewedBy, reviewedOn: format.date(evidence?.reviewedOn),
            participants: evidence?.participants.map(String.init), comparison: markdown(evidence?.comparison, in: practice.file))
    }

    /// «применена ещё в 4 школах»; nil when no other school took it up.
    func replicationText(_ id: String) -> String? {
        let count = graph.replicationSchools(id).count
        guard count > 0 else { return nil }
        return "\(t("card_replicated")) \(count) \(format.countLabel(count, "card_replicated_schools"))"
    }

    /// A message to the site's `replication_contact` (an address or a form's URL),
    /// else to the practice's contact, naming the practice and its page.
    func replicateAction(_ practice: Entry<Practice>) -> ReplicateAction? {
        var email = practice.contact?.email
        if let contact = env.site.replicationContact?.trimmingSpaces {
            if contact.hasPrefix("http://") || contact.hasPrefix("https://") {
                return URLRule.allowed(contact).map { ReplicateAction(href: $0, external: true) }
            }
            if contact.contains("@") { email = contact }
        }
        guard let email else { return nil }
        let page = env.absoluteURL(SitePaths.entity(.practice, practice.id))
        let body = "\(t("practice_replicate_body")) «\(practice.title)»" + (page.map { ".\n\n\($0)" } ?? ".")
        func encoded(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
        }
        let address = email.hasPrefix("mailto:") ? String(email.dropFirst("mailto:".count)) : email
        return ReplicateAction(href: "mailto:\(address)?subject=\(encoded("\(t("practice_replicate_subject")) «\(practice.title)»"))&body=\(encoded(body))",
                               external: false)
    }
}
