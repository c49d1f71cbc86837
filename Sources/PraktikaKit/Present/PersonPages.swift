import Foundation

/// A person who accompanies schools, with everything they are linked with.
struct PersonPage: TemplateModel {
    let person: PersonModel
    let roles: [String]
    let territories: [String]
    let schools: [SchoolLink]
    let networks: [NetworkLink]
    let programs: [ProgramLink]
    let seminars: [SeminarCard]
    let practices: CardList?
    let body: String?

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(PersonModel.fields, from: \Self.person).adding([
        "roles": .texts(\.roles), "territories": .texts(\.territories), "schools": .list(\.schools),
        "networks": .list(\.networks), "programs": .list(\.programs), "seminars": .list(\.seminars),
        "practices": .model(\.practices), "body": .text(\.body),
    ])
}

/// «Кто сопровождает»: people by territory, then by role.
struct PeopleIndexPage: TemplateModel {
    let territories: [Territory]

    static let fields: [String: TemplateField<Self>] = ["territories": .list(\.territories)]

    struct Territory: TemplateModel {
        let name: String
        let roles: [RoleGroup]

        static let fields: [String: TemplateField<Self>] = ["name": .text(\.name), "roles": .list(\.roles)]
    }

    struct RoleGroup: TemplateModel {
        let label: String
        let people: [PersonModel]

        static let fields: [String: TemplateField<Self>] = ["label": .text(\.label), "people": .list(\.people)]
    }
}

/// The people who accompany a school, with what they do, for its page.
struct AccompanyingPerson: TemplateModel {
    let person: PersonModel
    let roles: String

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(PersonModel.fields, from: \Self.person)
        .adding(["roles": .text(\.roles)])
}

extension PageContext {
    func roleLabels(_ roles: [Located<PersonProfile.Role>]) -> [String] {
        roles.compactMap { format.label("person_role", $0.value) }
    }

    func personPage(_ id: String) -> Page<PersonPage>? {
        guard let profile = graph.people[id], let person = personLink(id) else { return nil }
        let links = graph.personLinks[id] ?? PersonLinks()
        let model = PersonPage(
            person: person, roles: roleLabels(profile.roles), territories: profile.territories.map(\.value),
            schools: graph.schoolsAccompanied(by: id).compactMap { schoolLink($0) },
            networks: links.networks.compactMap { networkLink($0) }, programs: links.programs.compactMap { programLink($0) },
            seminars: links.seminars.compactMap { seminarCard($0) }, practices: cards(links.practices),
            body: profile.body.flatMap { markdown($0.text, origin: .body(file: profile.file, body: $0)) })
        return page(model, kind: "person", title: profile.name, description: profile.position, section: "people")
    }

    func peopleIndexPage() -> Page<PeopleIndexPage> {
        let none = t("people_no_territory")
        var byTerritory: [String: [Entry<PersonProfile>]] = [:]
        for person in graph.people.values {
            for territory in person.territories.isEmpty ? [none] : person.territories.map(\.value) { byTerritory[territory, default: []].append(person) }
        }
        let territories: [PeopleIndexPage.Territory] = byTerritory.keys.sorted { a, b in
            a == none ? false : b == none ? true : Self.ruOrder(a, b)
        }.map { territory in
            let people = byTerritory[territory]!
            let roles: [PeopleIndexPage.RoleGroup] = PersonProfile.Role.allCases.compactMap { role in
                let members = people.filter { $0.roles.contains { $0.value == role } }.sorted { Self.ruOrder($0.name, $1.name) }
                return members.isEmpty ? nil : .init(label: format.label("person_roles", role)!, people: members.compactMap { personLink($0.id) })
            }
            return .init(name: territory, roles: roles)
        }
        return page(PeopleIndexPage(territories: territories), kind: "people", title: t("people_title"),
                    description: t("people_intro"), section: "people")
    }

    func accompanying(_ school: String) -> [AccompanyingPerson] {
        graph.peopleAccompanying(school).compactMap { id in
            guard let profile = graph.people[id], let person = personLink(id) else { return nil }
            // What they do for the school; a talk at a seminar is not accompanying.
            return AccompanyingPerson(person: person, roles: roleLabels(profile.roles.filter { $0.value != .speaker }).joined(separator: ", "))
        }
    }
}
