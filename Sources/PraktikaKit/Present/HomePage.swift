import Foundation

extension PageContext {
    func homePage() -> [String: Any] {
        let recommended = graph.recommendedPractices()
        let newest = graph.newestOrder.prefix(6)
        let today = env.settings.today
        let upcoming = graph.upcomingSeminars(today: today).prefix(3)
        let latest = graph.pastSeminars(today: today).prefix(3)
        let networks: [[String: Any]] = graph.networks.values.sorted { Self.ruOrder($0.name, $1.name) }.compactMap { network in
            guard var link = networkLink(network.id) else { return nil }
            link["leaders"] = network.leaders.compactMap { schoolLink($0.value) }
            link["memberCount"] = network.members.count
            link["memberCountLabel"] = format.countLabel(network.members.count, "network_member_count")
            return link
        }
        var page = viewModel([
            "networks": networks,
            "practicesHref": href(SitePaths.index(.practice)),
            "seminarsHref": href(SitePaths.index(.seminar)),
            "upcoming": upcoming.compactMap { seminarCard($0) },
            "latest": latest.compactMap { seminarCard($0) },
            "stats": [
                ["value": graph.practices.count, "label": format.countLabel(graph.practices.count, "stats_practices"), "href": href(SitePaths.index(.practice))],
                ["value": graph.schools.count, "label": format.countLabel(graph.schools.count, "stats_schools"), "href": href(SitePaths.index(.school))],
                ["value": graph.networks.count, "label": format.countLabel(graph.networks.count, "stats_networks"), "href": href(SitePaths.index(.network))],
                ["value": graph.seminars.count, "label": format.countLabel(graph.seminars.count, "stats_seminars"), "href": href(SitePaths.index(.seminar))],
            ] as [[String: Any]],
        ])
        addCards(recommended, as: "recommended", to: &page)
        addCards(newest, as: "newest", to: &page)
        return frame(kind: "home", title: env.site.title, description: env.site.description, page)
    }

    func notFoundPage() -> [String: Any] {
        frame(kind: "404", title: t("not_found_title"), description: nil, [
            "sections": ["practices", "schools", "networks", "programs", "seminars"].map {
                ["title": t("menu_\($0)"), "href": href($0 + "/")]
            },
        ])
    }
}
