/// A practice as every list shows it: the catalog, topic pages, school,
/// network and program pages, a seminar's agenda, and the catalog's script,
/// which draws the same card in the browser after filtering.
struct PracticeCard: TemplateModel {
    let id: String
    let title: String
    let summary: String
    let href: String
    let recommended: Bool
    let statusLabel: String?
    let topics: [TermLink]
    /// The author school.
    let school: SchoolLink?
    let date: String?
    let isoDate: String?
    /// «применена ещё в 4 школах».
    var replications: String?

    static let fields: [String: TemplateField<Self>] = [
        "id": .text(\.id), "title": .text(\.title), "summary": .text(\.summary), "href": .text(\.href),
        "recommended": .flag(\.recommended), "statusLabel": .text(\.statusLabel),
        "topics": .list(\.topics), "school": .model(\.school),
        "date": .text(\.date), "isoDate": .text(\.isoDate), "replications": .text(\.replications),
    ]

    /// The card in the catalog's script (`catalog-index.js`), which draws it
    /// again after filtering: `[path, title, school, isoDate, recommended, facets,
    /// replicatedIn, improvements]`, positions rather than names because a big
    /// catalog ships ten thousand of them. `school` is an index into the script's
    /// list of school names (-1: none); `replicatedIn` counts the schools that took
    /// the practice up; `improvements` maps an outcome's position to the change
    /// the better way. The last two are left off when there are none.
    func catalogItem(school: Int, facets: [String: [Int]], replicatedIn: Int, improvements: [Int: Double]) -> JSONValue {
        var item: [JSONValue] = [.string(SitePaths.entity(.practice, id)), .string(title), .int(school), .string(isoDate ?? ""),
                                 .int(recommended ? 1 : 0), .object(facets.mapValues { .array($0.map { .int($0) }) })]
        if replicatedIn > 0 || !improvements.isEmpty { item.append(.int(replicatedIn)) }
        if !improvements.isEmpty {
            item.append(.object(Dictionary(uniqueKeysWithValues: improvements.map { (String($0.key), JSONValue.number($0.value)) })))
        }
        return .array(item)
    }

    /// A card of slot markers (`@@card.title@@`…), rendered by the theme's
    /// `practice-card` template into the catalog's script: the script fills a
    /// copy for each practice it shows, so the browser's cards are drawn by the
    /// same template as the server's. Two topics show the script what repeats.
    static func prototype(recommended: Bool) -> PracticeCard {
        func slot(_ name: String) -> String { "@@card.\(name)@@" }
        let topics = (0..<2).map { TermLink(id: slot("topic\($0).id"), label: slot("topic\($0)"), href: slot("topic\($0).href")) }
        return PracticeCard(
            id: slot("id"), title: slot("title"), summary: slot("summary"), href: slot("href"), recommended: recommended,
            statusLabel: slot("status"), topics: topics,
            school: SchoolLink(id: slot("school.id"), name: slot("school.name"), shortName: slot("school"), href: slot("school.href"),
                               place: slot("school.place")),
            date: slot("date"), isoDate: slot("isoDate"), replications: slot("replications"))
    }
}

/// A link to a term's page: a topic, a risk factor…
struct TermLink: TemplateModel {
    let id: String
    let label: String
    let href: String

    static let fields: [String: TemplateField<Self>] = ["id": .text(\.id), "label": .text(\.label), "href": .text(\.href)]
}

/// A link to a school's page, with the names lists and cards show.
struct SchoolLink: TemplateModel {
    let id: String
    let name: String
    let shortName: String
    let href: String
    /// The locality, else the municipality.
    let place: String?
    /// The link as the theme's `school-link` draws it (`PageContext.schoolLink`).
    var html: String?

    static let fields: [String: TemplateField<Self>] = [
        "id": .text(\.id), "name": .text(\.name), "shortName": .text(\.shortName), "href": .text(\.href), "place": .text(\.place),
        "html": .text(\.html),
    ]
}

extension PageContext {
    func practiceCard(_ id: String) -> PracticeCard? {
        guard let practice = graph.practices[id] else { return nil }
        let date = format.date(practice.date)
        return PracticeCard(
            id: id, title: practice.title, summary: practice.summary, href: href(SitePaths.entity(.practice, id)),
            recommended: practice.status == .recommended, statusLabel: format.label("practice_status", practice.status),
            topics: practice.topics.compactMap { termLink(.topics, $0.value) },
            school: practice.schools.first.flatMap { typedSchoolLink($0.value) },
            date: date, isoDate: date == nil ? nil : practice.date?.isoDate, replications: replicationText(id))
    }

    func termLink(_ vocabulary: VocabularyKind, _ id: String) -> TermLink? {
        guard let term = graph.term(vocabulary, id) else { return nil }
        return TermLink(id: id, label: term.label, href: href(SitePaths.term(vocabulary, id)))
    }

    func typedSchoolLink(_ id: String) -> SchoolLink? {
        guard let school = graph.schools[id] else { return nil }
        return SchoolLink(id: id, name: school.name, shortName: school.displayName, href: href(SitePaths.entity(.school, id)),
                          place: school.locality ?? school.municipality)
    }
}
