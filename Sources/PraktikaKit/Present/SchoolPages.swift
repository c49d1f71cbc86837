import Foundation

extension PageContext {
    func schoolPage(_ id: String) -> [String: Any]? {
        guard let school = graph.schools[id] else { return nil }
        let roles = graph.rolesBySchool[id] ?? []
        let led: [[String: Any]] = roles.filter { $0.role == .leader }.compactMap { role in
            guard let network = graph.networks[role.network], var link = networkLink(role.network) else { return nil }
            link["period"] = format.period(from: role.from, to: role.to)
            link["members"] = network.members.compactMap { member -> [String: Any]? in
                guard var school = schoolLink(member.school.value) else { return nil }
                school["memberPeriod"] = format.period(from: member.from, to: member.to)
                return school
            }
            return link
        }
        let supported: [[String: Any]] = roles.filter { $0.role == .member }.compactMap { role in
            guard let network = graph.networks[role.network], var link = networkLink(role.network) else { return nil }
            link["period"] = format.period(from: role.from, to: role.to)
            link["leaders"] = network.leaders.compactMap { schoolLink($0.value) }
            return link
        }
        let practices = graph.practicesBySchool[id] ?? []
        let seminars: [[String: Any]] = (graph.seminarsBySchool[id] ?? []).reversed().compactMap { entry in
            seminarCard(entry.seminar, roles: entry.roles.map { t("seminar_role_\($0.rawValue)") }.joined(separator: ", "))
        }
        let statuses: [[String: Any]] = school.statuses.sorted { $0.year < $1.year }.map {
            ["year": $0.year, "label": format.label("school_status", $0.status) ?? $0.status.rawValue, "status": $0.status.rawValue]
        }
        let riskProfile = school.riskProfile.map { profile in
            viewModel(["year": profile.year, "factors": profile.factors.compactMap { termLink(.riskFactors, $0.value) }])
        }
        var page = viewModel([
            "name": school.name,
            "shortName": school.shortName,
            "region": school.region, "municipality": school.municipality, "locality": school.locality,
            "address": school.address, "website": URLRule.allowed(school.website?.value), "email": school.email, "phone": school.phone,
            "students": school.students.map(String.init),
            "director": person(school.director),
            "statuses": statuses,
            "riskProfile": riskProfile,
            "networksLed": led,
            "networksSupported": supported,
            "programs": (graph.programsBySchool[id] ?? []).compactMap { programLink($0) },
            "seminars": seminars,
            "portrait": school.body.flatMap { markdown($0.text, origin: .body(file: school.file, body: $0)) },
            "jsonLD": schoolJSONLD(school),
        ])
        addCards(practices.filter { $0.role == .author }.map(\.practice), as: "practicesAuthored", to: &page)
        addCards(practices.filter { $0.role == .partner }.map(\.practice), as: "practicesPartner", to: &page)
        return frame(kind: "school", title: school.name, description: school.body.map { Markdown.plainText($0.text) }, section: "schools", page)
    }

    /// Schools grouped by region, then municipality, as offices list them.
    func schoolIndexPage() -> [String: Any] {
        let unknown = t("place_unknown")
        let byRegion = Dictionary(grouping: graph.schools.values) { $0.region ?? unknown }
        let regions: [[String: Any]] = byRegion.keys.sorted(by: Self.ruOrder).map { region in
            let byMunicipality = Dictionary(grouping: byRegion[region]!) { $0.municipality ?? unknown }
            let municipalities: [[String: Any]] = byMunicipality.keys.sorted(by: Self.ruOrder).map { municipality in
                let schools = byMunicipality[municipality]!.sorted { Self.ruOrder($0.name, $1.name) }.compactMap { school -> [String: Any]? in
                    guard var link = schoolLink(school.id) else { return nil }
                    let roles = Set((graph.rolesBySchool[school.id] ?? []).map(\.role))
                    link["isLeader"] = roles.contains(.leader)
                    link["isSupported"] = roles.contains(.member)
                    return link
                }
                return ["name": municipality, "schools": schools]
            }
            return ["name": region, "municipalities": municipalities]
        }
        return frame(kind: "schools", title: t("schools_title"), description: t("schools_intro"), section: "schools",
                     viewModel(["regions": regions, "count": graph.schools.count]))
    }

    static func ruOrder(_ a: String, _ b: String) -> Bool {
        a.localizedStandardCompare(b) == .orderedAscending
    }
}
