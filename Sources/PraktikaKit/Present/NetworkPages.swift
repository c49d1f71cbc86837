import Foundation

extension PageContext {
    func networkPage(_ id: String) -> [String: Any]? {
        guard let network = graph.networks[id] else { return nil }
        let members: [[String: Any]] = network.members.compactMap { member in
            guard var link = schoolLink(member.school.value) else { return nil }
            link["memberPeriod"] = format.period(from: member.from, to: member.to)
            return link
        }
        let leaders = network.leaders.compactMap { schoolLink($0.value) }
        var page = viewModel([
            "name": network.name,
            "levelLabel": format.label("network_level", network.level),
            "region": network.region,
            "period": format.period(network.period),
            "leaders": leaders,
            "members": members,
            "coordinator": person(network.coordinator),
            "programs": (graph.programsByNetwork[id] ?? []).compactMap { programLink($0) },
            "seminars": (graph.seminarsByNetwork[id] ?? []).reversed().compactMap { seminarCard($0) },
            "diagram": NetworkDiagram(title: network.name, caption: t("network_diagram_caption"), leaders: leaders, members: members).svg(),
            "body": network.body.flatMap { markdown($0.text, origin: .body(file: network.file, body: $0)) },
        ])
        addCards(graph.practicesByNetwork[id] ?? [], as: "practices", to: &page)
        return frame(kind: "network", title: network.name, description: network.body.map { Markdown.plainText($0.text) }, section: "networks", page)
    }

    func networkIndexPage() -> [String: Any] {
        let networks: [[String: Any]] = graph.networks.values.sorted { Self.ruOrder($0.name, $1.name) }.compactMap { network in
            guard var link = networkLink(network.id) else { return nil }
            link["leaders"] = network.leaders.compactMap { schoolLink($0.value) }
            link["memberCount"] = network.members.count
            link["memberCountLabel"] = format.countLabel(network.members.count, "network_member_count")
            link["region"] = network.region
            link["period"] = format.period(network.period)
            return link
        }
        return frame(kind: "networks", title: t("networks_title"), description: t("networks_intro"), section: "networks",
                     viewModel(["networks": networks]))
    }
}
