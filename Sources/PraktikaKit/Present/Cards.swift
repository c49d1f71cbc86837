/// Small view models that several pages share: links to entities and cards.
extension PageContext {
    /// A school link as a dictionary, for lists that add their own keys
    /// (a member's period), with `html`: the link as the theme's `school-link`
    /// draws it, once per school, since a school is linked from every
    /// practice, network and seminar it has.
    func schoolLink(_ id: String) -> [String: Any]? {
        guard let school = typedSchoolLink(id) else { return nil }
        var link: [String: Any] = ["id": school.id, "name": school.name, "shortName": school.shortName, "href": school.href]
        if let place = school.place { link["place"] = place }
        link["html"] = fragment("school-link", key: id) { link }
        return link
    }

    func networkLink(_ id: String) -> [String: Any]? {
        guard let network = graph.networks[id] else { return nil }
        return viewModel(["id": id, "name": network.name, "href": href(SitePaths.entity(.network, id)),
                          "levelLabel": format.label("network_level", network.level)])
    }

    func programLink(_ id: String) -> [String: Any]? {
        guard let program = graph.programs[id] else { return nil }
        return viewModel(["id": id, "title": program.title, "href": href(SitePaths.entity(.program, id)),
                          "kindLabel": format.label("program_kind", program.kind)])
    }

    /// Either a linked school or an organisation's name.
    func organiser(_ ref: OrganiserRef?) -> [String: Any]? {
        switch ref {
        case .school(let id)?: return schoolLink(id.value).map { ["school": $0] }
        case .organisation(let name)?: return ["name": name]
        case nil: return nil
        }
    }

    /// The practice card rendered through the theme's `practice-card` template,
    /// once per build, for lists that show many practices.
    func practiceCardHTML(_ id: String) -> [String: Any]? {
        return env.practiceCards.value(id) {
            // Interface strings are already in the template (TemplateConstants).
            practiceCard(id).flatMap { renderPiece("practice-card", $0) }
        }.map { ["html": $0, "id": id] }
    }

    /// Puts a list of practice cards into a view model twice: as items
    /// (`html`, `id`) for a template that wraps each card, and joined as
    /// `<key>Cards`, which the default theme inserts with one lookup instead
    /// of one per card.
    func addCards(_ ids: some Sequence<String>, as key: String, to model: inout [String: Any]) {
        let items = ids.compactMap { practiceCardHTML($0) }
        model[key] = items
        let html = items.map { $0["html"] as! String }.joined()
        if !html.isEmpty { model[key + "Cards"] = html }
    }

    /// A seminar's card; `roles` is what a school did at it, on that school's page.
    /// `html` is the card drawn by the theme's `seminar-card`, once per seminar
    /// (and roles): a card is shown on the pages of every practice presented.
    func seminarCard(_ id: String, roles: String? = nil) -> [String: Any]? {
        guard let seminar = graph.seminars[id] else { return nil }
        var card = viewModel([
            "id": id, "title": seminar.title, "href": href(SitePaths.entity(.seminar, id)),
            "dateText": format.dateRange(seminar.date, seminar.endDate?.value), "isoDate": seminar.date.isoDate,
            "kindLabel": format.label("seminar_kind", seminar.kind) as Any,
            "levelLabel": format.label("seminar_level", seminar.level) as Any,
            "upcoming": seminar.date >= env.settings.today,
        ])
        if let host = seminar.host.flatMap({ schoolLink($0.value) }) { card["host"] = host }
        if let venue = seminar.venue { card["venue"] = venue }
        if let roles { card["roles"] = roles }
        card["html"] = fragment("seminar-card", key: roles.map { id + "|" + $0 } ?? id) { card }
        return card
    }

    func attachment(_ path: String, title: String?) -> [String: Any]? {
        guard let relative = AttachmentPath.normalize(path), let size = graph.content.files[relative] else { return nil }
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        return ["title": title ?? name, "href": href(SitePaths.file(relative)),
                "typeLabel": format.fileType(relative), "sizeText": format.size(size)]
    }

    func person(_ person: Person?) -> [String: Any]? {
        guard let person else { return nil }
        return viewModel(["name": person.name, "position": person.position, "organisation": person.organisation,
                          "email": person.email, "phone": person.phone])
    }
}
