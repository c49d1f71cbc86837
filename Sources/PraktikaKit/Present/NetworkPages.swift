import Foundation

/// A network's page: its leaders and members (also drawn), coordinator,
/// programs, practices and seminars.
struct NetworkPage: TemplateModel {
    let name: String
    let levelLabel: String?
    let region: String?
    let period: String?
    let leaders: [SchoolLink]
    let members: [NetworkMember]
    let coordinator: PersonModel?
    let programs: [ProgramLink]
    let seminars: [SeminarCard]
    /// The network drawn as inline SVG.
    let diagram: String?
    let body: String?
    let practices: CardList?

    static let fields: [String: TemplateField<Self>] = [
        "name": .text(\.name), "levelLabel": .text(\.levelLabel), "region": .text(\.region), "period": .text(\.period),
        "leaders": .list(\.leaders), "members": .list(\.members), "coordinator": .model(\.coordinator),
        "programs": .list(\.programs), "seminars": .list(\.seminars), "diagram": .text(\.diagram), "body": .text(\.body),
        "practices": .model(\.practices),
    ]
}

/// The list of networks.
struct NetworkIndexPage: TemplateModel {
    let networks: [NetworkListing]

    static let fields: [String: TemplateField<Self>] = ["networks": .list(\.networks)]
}

extension PageContext {
    func networkPage(_ id: String) -> Page<NetworkPage>? {
        guard let network = graph.networks[id] else { return nil }
        let members = networkMembers(network)
        let leaders = network.leaders.compactMap { schoolLink($0.value) }
        let model = NetworkPage(
            name: network.name, levelLabel: format.label("network_level", network.level), region: network.region,
            period: format.period(network.period), leaders: leaders, members: members,
            coordinator: person(network.coordinator),
            programs: (graph.programsByNetwork[id] ?? []).compactMap { programLink($0) },
            seminars: (graph.seminarsByNetwork[id] ?? []).reversed().compactMap { seminarCard($0) },
            diagram: NetworkDiagram(title: network.name, caption: t("network_diagram_caption"),
                                    leaders: leaders, members: members.map(\.school)).svg(),
            body: network.body.flatMap { markdown($0.text, origin: .body(file: network.file, body: $0)) },
            practices: cards(graph.practicesByNetwork[id] ?? []))
        return page(model, kind: "network", title: network.name, description: network.body.map { Markdown.plainText($0.text) },
                    section: "networks")
    }

    func networkIndexPage() -> Page<NetworkIndexPage> {
        let networks: [NetworkListing] = graph.networks.values.sorted { Self.ruOrder($0.name, $1.name) }.compactMap { network in
            guard var listing = networkListing(network.id) else { return nil }
            listing.region = network.region
            listing.period = format.period(network.period)
            return listing
        }
        return page(NetworkIndexPage(networks: networks), kind: "networks", title: t("networks_title"),
                    description: t("networks_intro"), section: "networks")
    }
}
