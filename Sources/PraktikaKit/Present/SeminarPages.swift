import Foundation

extension PageContext {
    func seminarPage(_ id: String) -> [String: Any]? {
        guard let seminar = graph.seminars[id] else { return nil }
        let agenda: [[String: Any]] = seminar.agenda.map { item in
            let speakers: [[String: Any]] = item.speakers.map {
                viewModel(["name": $0.name, "position": $0.position, "school": $0.school.flatMap { schoolLink($0.value) }])
            }
            return viewModel([
                "time": item.time, "title": item.title, "speakers": speakers,
                "practice": item.practice.flatMap { practiceCard($0.value) },
                "school": item.school.flatMap { schoolLink($0.value) },
            ])
        }
        let materials: [[String: Any]] = seminar.materials.compactMap { material in
            if let file = material.file { return attachment(file.value, title: material.title) }
            guard let url = URLRule.allowed(material.url?.value) else { return nil }
            return ["title": material.title ?? url, "href": url, "external": true]
        }
        let page = viewModel([
            "title": seminar.title,
            "dateText": format.dateRange(seminar.date, seminar.endDate?.value),
            "isoDate": seminar.date.isoDate,
            "upcoming": seminar.date >= env.settings.today,
            "kindLabel": format.label("seminar_kind", seminar.kind),
            "levelLabel": format.label("seminar_level", seminar.level),
            "formatLabel": format.label("seminar_format", seminar.format),
            "organiser": organiser(seminar.organiser),
            "host": seminar.host.flatMap { schoolLink($0.value) },
            "venue": seminar.venue,
            "network": seminar.network.flatMap { networkLink($0.value) },
            "audience": seminar.audience,
            "participants": seminar.participants.map(String.init),
            "agenda": agenda,
            "materials": materials,
            "digests": digestLinks(forSeminar: id),
            "jsonLD": seminarJSONLD(seminar),
            "body": seminar.body.flatMap { markdown($0.text, origin: .body(file: seminar.file, body: $0)) },
        ])
        return frame(kind: "seminar", title: seminar.title, description: seminar.body.map { Markdown.plainText($0.text) }, section: "seminars", page)
    }

    /// Upcoming first (soonest first), then the archive by year, newest first.
    func seminarIndexPage() -> [String: Any] {
        let today = env.settings.today
        let upcoming = graph.upcomingSeminars(today: today).compactMap { seminarCard($0) }
        let past = graph.pastSeminars(today: today)
        let byYear = Dictionary(grouping: past) { graph.seminars[$0]!.date.year }
        let years: [[String: Any]] = byYear.keys.sorted(by: >).map { year in
            ["year": String(year), "seminars": byYear[year]!.compactMap { seminarCard($0) }]
        }
        return frame(kind: "seminars", title: t("seminars_title"), description: t("seminars_intro"), section: "seminars",
                     viewModel(["upcoming": upcoming, "years": years]))
    }
}
