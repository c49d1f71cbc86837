import Foundation

/// A seminar's page: when, where, who organised it, the agenda with the
/// practices presented, materials and digests.
struct SeminarPage: TemplateModel {
    let title: String
    let dateText: String
    let isoDate: String
    let upcoming: Bool
    let kindLabel: String?
    let levelLabel: String?
    let formatLabel: String?
    let organiser: OrganiserModel?
    let host: SchoolLink?
    let venue: String?
    let network: NetworkLink?
    let audience: String?
    let participants: String?
    let agenda: [AgendaItem]
    let materials: [FileLink]
    let digests: [DigestLink]
    let body: String?

    static let fields: [String: TemplateField<Self>] = [
        "title": .text(\.title), "dateText": .text(\.dateText), "isoDate": .text(\.isoDate), "upcoming": .flag(\.upcoming),
        "kindLabel": .text(\.kindLabel), "levelLabel": .text(\.levelLabel), "formatLabel": .text(\.formatLabel),
        "organiser": .model(\.organiser), "host": .model(\.host), "venue": .text(\.venue), "network": .model(\.network),
        "audience": .text(\.audience), "participants": .text(\.participants), "agenda": .list(\.agenda),
        "materials": .list(\.materials), "digests": .list(\.digests), "body": .text(\.body),
    ]

    struct AgendaItem: TemplateModel {
        let time: String?
        let title: String
        let speakers: [Speaker]
        let practice: PracticeCard?
        let school: SchoolLink?
        let program: ProgramLink?

        static let fields: [String: TemplateField<Self>] = [
            "time": .text(\.time), "title": .text(\.title), "speakers": .list(\.speakers), "practice": .model(\.practice),
            "school": .model(\.school), "program": .model(\.program),
        ]
    }

    struct Speaker: TemplateModel {
        let name: String
        let position: String?
        let school: SchoolLink?
        /// The speaker's page, for a person of `people/`.
        var href: String? = nil

        static let fields: [String: TemplateField<Self>] = [
            "name": .text(\.name), "position": .text(\.position), "school": .model(\.school), "href": .text(\.href),
        ]
    }
}

/// Upcoming seminars first (soonest first), then the archive by year, newest first.
struct SeminarIndexPage: TemplateModel {
    let upcoming: [SeminarCard]
    let years: [Year]

    static let fields: [String: TemplateField<Self>] = ["upcoming": .list(\.upcoming), "years": .list(\.years)]

    struct Year: TemplateModel {
        let year: String
        let seminars: [SeminarCard]

        static let fields: [String: TemplateField<Self>] = ["year": .text(\.year), "seminars": .list(\.seminars)]
    }
}

extension PageContext {
    func seminarPage(_ id: String) -> Page<SeminarPage>? {
        guard let seminar = graph.seminars[id] else { return nil }
        let agenda: [SeminarPage.AgendaItem] = seminar.agenda.map { item in
            .init(time: item.time, title: item.title,
                  speakers: item.speakers.map { speaker in
                      if let person = speaker.person.flatMap({ personLink($0.value) }) {
                          return .init(name: person.name, position: person.position, school: nil, href: person.href)
                      }
                      return .init(name: speaker.name, position: speaker.position, school: speaker.school.flatMap { schoolLink($0.value) })
                  },
                  practice: item.practice.flatMap { practiceCard($0.value) }, school: item.school.flatMap { schoolLink($0.value) },
                  program: item.program.flatMap { programLink($0.value) })
        }
        let materials: [FileLink] = seminar.materials.compactMap { material in
            if let file = material.file { return attachment(file.value, title: material.title) }
            guard let url = URLRule.allowed(material.url?.value) else { return nil }
            return FileLink(title: material.title ?? url, href: url, external: true)
        }
        let model = SeminarPage(
            title: seminar.title, dateText: format.dateRange(seminar.date, seminar.endDate?.value), isoDate: seminar.date.isoDate,
            upcoming: seminar.date >= env.settings.today, kindLabel: format.label("seminar_kind", seminar.kind),
            levelLabel: format.label("seminar_level", seminar.level), formatLabel: format.label("seminar_format", seminar.format),
            organiser: organiser(seminar.organiser), host: seminar.host.flatMap { schoolLink($0.value) }, venue: seminar.venue,
            network: seminar.network.flatMap { networkLink($0.value) }, audience: seminar.audience,
            participants: seminar.participants.map(String.init), agenda: agenda, materials: materials,
            digests: digestLinks(forSeminar: id),
            body: seminar.body.flatMap { markdown($0.text, origin: .body(file: seminar.file, body: $0)) })
        return page(model, kind: "seminar", title: seminar.title, description: seminar.body.map { Markdown.plainText($0.text) },
                    section: "seminars", jsonLD: seminarJSONLD(seminar))
    }

    func seminarIndexPage() -> Page<SeminarIndexPage> {
        let today = env.settings.today
        let upcoming = graph.upcomingSeminars(today: today).compactMap { seminarCard($0) }
        let past = graph.pastSeminars(today: today)
        let byYear = Dictionary(grouping: past) { graph.seminars[$0]!.date.year }
        let years: [SeminarIndexPage.Year] = byYear.keys.sorted(by: >).map { year in
            .init(year: String(year), seminars: byYear[year]!.compactMap { seminarCard($0) })
        }
        return page(SeminarIndexPage(upcoming: upcoming, years: years), kind: "seminars", title: t("seminars_title"),
                    description: t("seminars_intro"), section: "seminars")
    }
}
