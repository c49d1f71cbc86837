import Foundation

/// A school's page: its facts, statuses and risk profile, the networks it
/// leads (with their members) and is supported in, its practices and seminars.
struct SchoolPage: TemplateModel {
    let name: String
    let shortName: String?
    let region: String?
    let municipality: String?
    let locality: String?
    let address: String?
    let website: String?
    let email: String?
    let phone: String?
    let students: String?
    let director: PersonModel?
    let statuses: [Status]
    let riskProfile: RiskProfile?
    let networksLed: [NetworkListing]
    let networksSupported: [NetworkListing]
    let programs: [ProgramLink]
    let seminars: [SeminarCard]
    let portrait: String?
    let practicesAuthored: CardList?
    let practicesPartner: CardList?
    /// Who accompanies the school: curators, coordinators, mentors.
    let people: [AccompanyingPerson]
    /// The school's years in the registers, newest first.
    let registrations: [RegistrationModel]
    let monitoring: [SeriesModel]

    static let fields: [String: TemplateField<Self>] = [
        "name": .text(\.name), "shortName": .text(\.shortName), "region": .text(\.region),
        "municipality": .text(\.municipality), "locality": .text(\.locality), "address": .text(\.address),
        "website": .text(\.website), "email": .text(\.email), "phone": .text(\.phone), "students": .text(\.students),
        "director": .model(\.director), "statuses": .list(\.statuses), "riskProfile": .model(\.riskProfile),
        "networksLed": .list(\.networksLed), "networksSupported": .list(\.networksSupported), "programs": .list(\.programs),
        "seminars": .list(\.seminars), "portrait": .text(\.portrait), "practicesAuthored": .model(\.practicesAuthored),
        "practicesPartner": .model(\.practicesPartner), "people": .list(\.people),
        "registrations": .list(\.registrations), "monitoring": .list(\.monitoring),
    ]

    /// The school's status in a year (ШНОР, leader…).
    struct Status: TemplateModel {
        let year: String
        let label: String
        let status: String

        static let fields: [String: TemplateField<Self>] = ["year": .text(\.year), "label": .text(\.label), "status": .text(\.status)]
    }

    struct RiskProfile: TemplateModel {
        let year: String?
        let factors: [TermLink]

        static let fields: [String: TemplateField<Self>] = ["year": .text(\.year), "factors": .list(\.factors)]
    }
}

/// All schools, by region, then municipality, as offices list them.
struct SchoolIndexPage: TemplateModel {
    let regions: [Region]
    let count: Int

    static let fields: [String: TemplateField<Self>] = ["regions": .list(\.regions), "count": .number(\.count)]

    struct Region: TemplateModel {
        let name: String
        let municipalities: [Municipality]

        static let fields: [String: TemplateField<Self>] = ["name": .text(\.name), "municipalities": .list(\.municipalities)]
    }

    struct Municipality: TemplateModel {
        let name: String
        let schools: [SchoolListing]

        static let fields: [String: TemplateField<Self>] = ["name": .text(\.name), "schools": .list(\.schools)]
    }
}

extension PageContext {
    func schoolPage(_ id: String) -> Page<SchoolPage>? {
        guard let school = graph.schools[id] else { return nil }
        let roles = graph.rolesBySchool[id] ?? []
        let led: [NetworkListing] = roles.filter { $0.role == .leader }.compactMap { role in
            guard let network = graph.networks[role.network], let link = networkLink(role.network) else { return nil }
            var listing = NetworkListing(link)
            listing.period = format.period(from: role.from, to: role.to)
            listing.members = networkMembers(network)
            return listing
        }
        let supported: [NetworkListing] = roles.filter { $0.role == .member }.compactMap { role in
            guard let network = graph.networks[role.network], let link = networkLink(role.network) else { return nil }
            var listing = NetworkListing(link)
            listing.period = format.period(from: role.from, to: role.to)
            listing.leaders = network.leaders.compactMap { schoolLink($0.value) }
            return listing
        }
        let practices = graph.practicesBySchool[id] ?? []
        let seminars: [SeminarCard] = (graph.seminarsBySchool[id] ?? []).reversed().compactMap { entry in
            seminarCard(entry.seminar, roles: entry.roles.map { t("seminar_role_\($0.rawValue)") }.joined(separator: ", "))
        }
        let statuses: [SchoolPage.Status] = school.statuses.sorted { $0.year < $1.year }.map {
            .init(year: $0.year, label: format.label("school_status", $0.status) ?? $0.status.rawValue, status: $0.status.rawValue)
        }
        let model = SchoolPage(
            name: school.name, shortName: school.shortName,
            region: school.region, municipality: school.municipality, locality: school.locality,
            address: school.address, website: URLRule.allowed(school.website?.value), email: school.email, phone: school.phone,
            students: school.students.map(String.init), director: person(school.director), statuses: statuses,
            riskProfile: school.riskProfile.map { profile in
                .init(year: profile.year, factors: profile.factors.compactMap { termLink(.riskFactors, $0.value) })
            },
            networksLed: led, networksSupported: supported,
            programs: (graph.programsBySchool[id] ?? []).compactMap { programLink($0) }, seminars: seminars,
            portrait: school.body.flatMap { markdown($0.text, origin: .body(file: school.file, body: $0)) },
            practicesAuthored: cards(practices.filter { $0.role == .author }.map(\.practice)),
            practicesPartner: cards(practices.filter { $0.role == .partner }.map(\.practice)),
            people: accompanying(id), registrations: registrations(id), monitoring: monitoringSeries(school))
        return page(model, kind: "school", title: school.name, description: school.body.map { Markdown.plainText($0.text) },
                    section: "schools", jsonLD: schoolJSONLD(school))
    }

    func schoolIndexPage() -> Page<SchoolIndexPage> {
        let unknown = t("place_unknown")
        let byRegion = Dictionary(grouping: graph.schools.values) { $0.region ?? unknown }
        let regions: [SchoolIndexPage.Region] = byRegion.keys.sorted(by: Self.ruOrder).map { region in
            let byMunicipality = Dictionary(grouping: byRegion[region]!) { $0.municipality ?? unknown }
            let municipalities: [SchoolIndexPage.Municipality] = byMunicipality.keys.sorted(by: Self.ruOrder).map { municipality in
                let schools = byMunicipality[municipality]!.sorted { Self.ruOrder($0.name, $1.name) }.compactMap { school -> SchoolListing? in
                    guard let link = schoolLink(school.id) else { return nil }
                    let roles = Set((graph.rolesBySchool[school.id] ?? []).map(\.role))
                    return SchoolListing(school: link, isLeader: roles.contains(.leader), isSupported: roles.contains(.member))
                }
                return .init(name: municipality, schools: schools)
            }
            return .init(name: region, municipalities: municipalities)
        }
        return page(SchoolIndexPage(regions: regions, count: graph.schools.count), kind: "schools", title: t("schools_title"),
                    description: t("schools_intro"), section: "schools")
    }

    static func ruOrder(_ a: String, _ b: String) -> Bool {
        a.localizedStandardCompare(b) == .orderedAscending
    }
}
