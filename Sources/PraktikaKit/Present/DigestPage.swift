import Foundation

/// The view model of a printed digest (сборник практик): cover, foreword,
/// contents, one section per practice with its schools, results and a QR code
/// of its online page, and an index of the schools.
extension PageContext {
    func digestPage(_ id: String, forPrint: Bool) -> [String: Any]? {
        guard let digest = graph.digests[id] else { return nil }
        let ids = DigestSelector.practices(of: digest.fields, in: graph)
        let base = env.settings.baseURL
        let practices: [[String: Any]] = ids.enumerated().compactMap { index, practiceID in
            guard let practice = graph.practices[practiceID] else { return nil }
            let url = base.isEmpty ? nil : base + SitePaths.entity(.practice, practiceID)
            let partners = practice.schools.dropFirst().compactMap { graph.schools[$0.value]?.displayName }
            return viewModel([
                "anchor": "practice-\(practiceID)",
                "href": href(SitePaths.entity(.practice, practiceID)),
                "number": String(index + 1),
                "title": practice.title,
                "runningHead": Self.runningHead(typeset(practice.title) ?? practice.title, limit: Self.runningSectionLimit),
                "summary": practice.summary,
                "recommended": practice.status == .recommended,
                "schools": practice.schools.compactMap { digestSchool($0.value) },
                "authorSchool": practice.schools.first.flatMap { digestSchoolLine($0.value) },
                "partnerSchools": partners.isEmpty ? nil : partners.joined(separator: ", "),
                "network": practice.network.flatMap { graph.networks[$0.value]?.name },
                "program": practice.program.flatMap { graph.programs[$0.value]?.title },
                "period": format.period(practice.period),
                "results": resultRows(practice.results),
                "materials": digestMaterials(practice),
                "resources": markdown(practice.resources, in: practice.file),
                "replicability": markdown(practice.replicability, in: practice.file),
                "contact": person(practice.contact),
                "body": practice.body.flatMap { markdown($0.text, origin: .body(file: practice.file, body: $0)) },
                "url": url,
                "shortURL": url.map(Self.shortURL),
                "breakableURL": url.map(Self.breakableURL),
                "qr": url.flatMap { QRCode.svg(for: $0, moduleSize: 3, label: $0) },
            ])
        }
        let seminar = digest.seminar.flatMap { seminarCard($0.value) }
        // The date once on the cover: the seminar's dates, else the digest's; none when the subtitle already gives the year.
        let coverDate = (seminar?["dateText"] as? String) ?? format.date(digest.date)
        let dateInSubtitle = digest.date.map { digest.subtitle?.contains(String($0.year)) ?? false } ?? false
        let organisation = env.site.organisation
        let page = viewModel([
            "digestID": id,
            "title": digest.title,
            "subtitle": digest.subtitle,
            "dateText": format.date(digest.date),
            "year": digest.date.map { String($0.year) },
            "organisationName": organisation?.name,
            "organisationContacts": organisation.map(coverContacts),
            "intro": markdown(digest.intro, in: digest.file),
            "seminar": seminar,
            "coverDate": dateInSubtitle ? nil : coverDate,
            "runningTitle": Self.runningHead(typeset(digest.title) ?? digest.title, limit: Self.runningTitleLimit),
            "practices": practices,
            "practiceCount": String(practices.count),
            "schools": digestSchoolIndex(practices: ids),
            "forPrint": forPrint,
            "pdf": env.digestPDFs[id].map { viewModel(["href": href($0.path), "sizeText": format.size($0.size)]) },
            "printCSS": forPrint ? env.theme.assets["digest.css"].flatMap { try? String(contentsOf: $0, encoding: .utf8) } : nil,
        ])
        return frame(kind: "digest", title: digest.title, description: digest.subtitle, section: "digests", page)
    }

    func digestSchool(_ id: String) -> [String: Any]? {
        guard let school = graph.schools[id] else { return nil }
        return viewModel([
            "name": school.name, "shortName": school.displayName,
            "place": [school.locality, school.municipality, school.region].compactMap { $0 }.joined(separator: ", "),
            "address": school.address, "phone": school.phone, "email": school.email, "website": URLRule.allowed(school.website?.value),
            "director": person(school.director),
            "href": href(SitePaths.entity(.school, id)),
        ])
    }

    /// `uo.example.ru/praktiki/practices/x/`: what a reader can type.
    static func shortURL(_ url: String) -> String {
        var text = url
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        return text
    }

    func digestIndexPage() -> [String: Any] {
        let digests: [[String: Any]] = graph.digests.values.sorted { ($0.date ?? Day(year: 0, month: 1), $0.id) > ($1.date ?? Day(year: 0, month: 1), $1.id) }
            .map { digest in
                viewModel([
                    "title": digest.title, "subtitle": digest.subtitle, "dateText": format.date(digest.date),
                    "href": href(SitePaths.entity(.digest, digest.id)),
                    "pdf": env.digestPDFs[digest.id].map { viewModel(["href": href($0.path), "sizeText": format.size($0.size)]) },
                    "count": String(DigestSelector.practices(of: digest.fields, in: graph).count),
                ])
            }
        return frame(kind: "digests", title: t("digests_title"), description: t("digests_intro"), section: "digests", viewModel(["digests": digests]))
    }

    /// Links to a seminar's digests for its page: the PDF when there is one, else the print page.
    func digestLinks(forSeminar id: String) -> [[String: Any]] {
        (graph.digestsBySeminar[id] ?? []).compactMap { digestID in
            guard let digest = graph.digests[digestID] else { return nil }
            return viewModel([
                "title": digest.title,
                "href": href(SitePaths.entity(.digest, digestID)),
                "pdf": env.digestPDFs[digestID].map { viewModel(["href": href($0.path), "sizeText": format.size($0.size)]) },
            ])
        }
    }
}
