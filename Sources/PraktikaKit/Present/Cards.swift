/// The shared view models' builders: links to entities, cards, files, people.
extension PageContext {
    /// A school link with `html`: the link as the theme's `school-link` draws
    /// it, once per school, since a school is linked from every practice,
    /// network and seminar it has.
    func schoolLink(_ id: String) -> SchoolLink? {
        guard var link = typedSchoolLink(id) else { return nil }
        let plain = link
        link.html = fragment("school-link", key: id) { plain }
        return link
    }

    func networkLink(_ id: String) -> NetworkLink? {
        guard let network = graph.networks[id] else { return nil }
        return NetworkLink(id: id, name: network.name, href: href(SitePaths.entity(.network, id)),
                           levelLabel: format.label("network_level", network.level))
    }

    /// A network in a list, with its leaders and the count of its members.
    func networkListing(_ id: String) -> NetworkListing? {
        guard let network = graph.networks[id], let link = networkLink(id) else { return nil }
        var listing = NetworkListing(link)
        listing.leaders = network.leaders.compactMap { schoolLink($0.value) }
        listing.memberCount = network.members.count
        listing.memberCountLabel = format.countLabel(network.members.count, "network_member_count")
        return listing
    }

    func networkMembers(_ network: Entry<Network>) -> [NetworkMember] {
        network.members.compactMap { member in
            schoolLink(member.school.value).map { NetworkMember(school: $0, memberPeriod: format.period(from: member.from, to: member.to)) }
        }
    }

    func programLink(_ id: String) -> ProgramLink? {
        guard let program = graph.programs[id] else { return nil }
        return ProgramLink(id: id, title: program.title, href: href(SitePaths.entity(.program, id)),
                           kindLabel: format.label("program_kind", program.kind))
    }

    func organiser(_ ref: OrganiserRef?) -> OrganiserModel? {
        switch ref {
        case .school(let id)?: return schoolLink(id.value).map { OrganiserModel(school: $0, name: nil) }
        case .organisation(let name)?: return OrganiserModel(school: nil, name: name)
        case nil: return nil
        }
    }

    /// The practice card rendered through the theme's `practice-card` template, once per build.
    func renderedCard(_ id: String) -> RenderedCard? {
        env.practiceCards.value(id) {
            // Interface strings are already in the template (TemplateConstants).
            practiceCard(id).flatMap { renderPiece("practice-card", $0) }
        }.map { RenderedCard(id: id, html: $0) }
    }

    /// The cards of a list of practices; nil for none.
    func cards(_ ids: some Sequence<String>) -> CardList? {
        let items = ids.compactMap { renderedCard($0) }
        return items.isEmpty ? nil : CardList(items: items, html: items.map(\.html).joined())
    }

    /// A seminar's card; `roles` is what a school did at it, on that school's page.
    func seminarCard(_ id: String, roles: String? = nil) -> SeminarCard? {
        guard let seminar = graph.seminars[id] else { return nil }
        var card = SeminarCard(
            id: id, title: seminar.title, href: href(SitePaths.entity(.seminar, id)),
            dateText: format.dateRange(seminar.date, seminar.endDate?.value), isoDate: seminar.date.isoDate,
            kindLabel: format.label("seminar_kind", seminar.kind), levelLabel: format.label("seminar_level", seminar.level),
            upcoming: seminar.date >= env.settings.today, host: seminar.host.flatMap { schoolLink($0.value) },
            venue: seminar.venue, roles: roles.flatMap { $0.isEmpty ? nil : $0 })
        let plain = card
        card.html = fragment("seminar-card", key: roles.map { id + "|" + $0 } ?? id) { plain }
        return card
    }

    func attachment(_ path: String, title: String?) -> FileLink? {
        guard let relative = AttachmentPath.normalize(path), let size = graph.content.files[relative] else { return nil }
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        return FileLink(title: title ?? name, href: href(SitePaths.file(relative)),
                        typeLabel: format.fileType(relative), sizeText: format.size(size))
    }

    func pdfLink(_ digest: String) -> PDFLink? {
        env.digestPDFs[digest].map { PDFLink(href: href($0.path), sizeText: format.size($0.size)) }
    }

    /// A person as written, or — written as an id — the person of `people/`,
    /// linked to their page, with contacts unless the site hides them.
    func person(_ person: Person?) -> PersonModel? {
        guard let person else { return nil }
        if let id = person.ref?.value {
            return personLink(id)
        }
        return PersonModel(name: person.name, position: person.position, organisation: person.organisation,
                           email: person.email, phone: person.phone)
    }

    func personLink(_ id: String) -> PersonModel? {
        guard let profile = graph.people[id] else { return nil }
        let contacts = env.site.peopleContacts != false
        return PersonModel(name: profile.name, position: profile.position, organisation: profile.organisation,
                           email: contacts ? profile.email : nil, phone: contacts ? profile.phone : nil,
                           href: href(SitePaths.entity(.person, id)))
    }
}
