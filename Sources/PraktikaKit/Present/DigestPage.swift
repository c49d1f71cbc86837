import Foundation

/// A printed digest (сборник практик): cover, foreword, contents, one section
/// per practice with its schools, results and a QR code of its online page,
/// and an index of the schools. The web page and the print document read it.
struct DigestPage: TemplateModel {
    let digestID: String
    let title: String
    let subtitle: String?
    let dateText: String?
    let year: String?
    let organisationName: String?
    let organisationContacts: [ContactLine]
    let intro: String?
    let seminar: SeminarCard?
    let coverDate: String?
    let runningTitle: String
    let practices: [DigestPractice]
    let practiceCount: String
    let schools: [DigestSchool]
    let forPrint: Bool
    let pdf: PDFLink?
    let printCSS: String?
    /// The measured indicators of the programs its practices come from.
    let programs: [ProgramIndicators]
    /// Where the print document's relative links start, for WeasyPrint.
    var baseHref: String?

    static let fields: [String: TemplateField<Self>] = [
        "digestID": .text(\.digestID), "title": .text(\.title), "subtitle": .text(\.subtitle), "dateText": .text(\.dateText),
        "year": .text(\.year), "organisationName": .text(\.organisationName),
        "organisationContacts": .list(\.organisationContacts), "intro": .text(\.intro), "seminar": .model(\.seminar),
        "coverDate": .text(\.coverDate), "runningTitle": .text(\.runningTitle), "practices": .list(\.practices),
        "practiceCount": .text(\.practiceCount), "schools": .list(\.schools), "forPrint": .flag(\.forPrint),
        "pdf": .model(\.pdf), "printCSS": .text(\.printCSS), "baseHref": .text(\.baseHref), "programs": .list(\.programs),
    ]

    struct ProgramIndicators: TemplateModel {
        let title: String
        let series: [SeriesModel]

        static let fields: [String: TemplateField<Self>] = ["title": .text(\.title), "series": .list(\.series)]
    }

    /// A line of the publisher's contacts on the cover; the site is a link.
    struct ContactLine: TemplateModel {
        let text: String
        var websiteHref: String?

        static let fields: [String: TemplateField<Self>] = ["text": .text(\.text), "websiteHref": .text(\.websiteHref)]
    }
}

/// A practice's section of a digest.
struct DigestPractice: TemplateModel {
    let anchor: String
    let href: String
    let number: String
    let title: String
    /// The title short enough for the running head.
    let runningHead: String
    let summary: String
    let recommended: Bool
    let schools: [DigestSchool]
    /// «СОШ № 1 г. Емвы (г. Емва)».
    let authorSchool: String?
    let partnerSchools: String?
    let network: String?
    let program: String?
    let period: String?
    let results: [ResultLine]
    let materials: [FileLink]
    let resources: String?
    let replicability: String?
    let contact: PersonModel?
    let body: String?
    /// The practice's online page, for readers of the paper.
    let url: String?
    let shortURL: String?
    let breakableURL: String?
    let qr: String?
    /// The titles of the practices this one adapts.
    let basedOn: String?
    let evidence: EvidenceModel
    let cost: CostBand?
    let replicationText: String?

    static let fields: [String: TemplateField<Self>] = [
        "anchor": .text(\.anchor), "href": .text(\.href), "number": .text(\.number), "title": .text(\.title),
        "runningHead": .text(\.runningHead), "summary": .text(\.summary), "recommended": .flag(\.recommended),
        "schools": .list(\.schools), "authorSchool": .text(\.authorSchool), "partnerSchools": .text(\.partnerSchools),
        "network": .text(\.network), "program": .text(\.program), "period": .text(\.period), "results": .list(\.results),
        "materials": .list(\.materials), "resources": .text(\.resources), "replicability": .text(\.replicability),
        "contact": .model(\.contact), "body": .text(\.body), "url": .text(\.url), "shortURL": .text(\.shortURL),
        "breakableURL": .text(\.breakableURL), "qr": .text(\.qr), "basedOn": .text(\.basedOn),
        "evidence": .model(\.evidence), "cost": .model(\.cost), "replicationText": .text(\.replicationText),
    ]
}

/// A school in a digest: on its practices' pages and in the index of schools.
struct DigestSchool: TemplateModel {
    let name: String
    let shortName: String
    let place: String
    let address: String?
    let phone: String?
    let email: String?
    let website: String?
    let director: PersonModel?
    let href: String
    /// In the index: the anchors of the school's practices.
    var practiceRefs: [String]?

    static let fields: [String: TemplateField<Self>] = [
        "name": .text(\.name), "shortName": .text(\.shortName), "place": .text(\.place), "address": .text(\.address),
        "phone": .text(\.phone), "email": .text(\.email), "website": .text(\.website), "director": .model(\.director),
        "href": .text(\.href), "practiceRefs": .optionalList { $0.practiceRefs?.map(Anchor.init) },
    ]

    struct Anchor: TemplateModel {
        let anchor: String

        static let fields: [String: TemplateField<Self>] = ["anchor": .text(\.anchor)]
    }
}

/// A digest in the list of digests, or linked from its seminar's page.
struct DigestLink: TemplateModel {
    let title: String
    var subtitle: String?
    var dateText: String?
    let href: String
    let pdf: PDFLink?
    var count: String?

    static let fields: [String: TemplateField<Self>] = [
        "title": .text(\.title), "subtitle": .text(\.subtitle), "dateText": .text(\.dateText), "href": .text(\.href),
        "pdf": .model(\.pdf), "count": .text(\.count),
    ]
}

struct DigestIndexPage: TemplateModel {
    let digests: [DigestLink]

    static let fields: [String: TemplateField<Self>] = ["digests": .list(\.digests)]
}

extension PageContext {
    func digestPage(_ id: String, forPrint: Bool) -> Page<DigestPage>? {
        guard let digest = graph.digests[id] else { return nil }
        let ids = DigestSelector.practices(of: digest.fields, in: graph)
        let base = env.settings.baseURL
        let practices: [DigestPractice] = ids.enumerated().compactMap { index, practiceID in
            guard let practice = graph.practices[practiceID] else { return nil }
            let url = base.isEmpty ? nil : base + SitePaths.entity(.practice, practiceID)
            let partners = practice.schools.dropFirst().compactMap { graph.schools[$0.value]?.displayName }
            return DigestPractice(
                anchor: "practice-\(practiceID)",
                href: href(SitePaths.entity(.practice, practiceID)),
                number: String(index + 1),
                title: practice.title,
                runningHead: Self.runningHead(typeset(practice.title) ?? practice.title, limit: Self.runningSectionLimit),
                summary: practice.summary,
                recommended: practice.status == .recommended,
                schools: practice.schools.compactMap { digestSchool($0.value) },
                authorSchool: practice.schools.first.flatMap { digestSchoolLine($0.value) },
                partnerSchools: partners.isEmpty ? nil : partners.joined(separator: ", "),
                network: practice.network.flatMap { graph.networks[$0.value]?.name },
                program: practice.program.flatMap { graph.programs[$0.value]?.title },
                period: format.period(practice.period),
                results: resultRows(practice.results),
                materials: digestMaterials(practice),
                resources: markdown(practice.resources, in: practice.file),
                replicability: markdown(practice.replicability, in: practice.file),
                contact: person(practice.contact),
                body: practice.body.flatMap { markdown($0.text, origin: .body(file: practice.file, body: $0)) },
                url: url, shortURL: url.map(Self.shortURL), breakableURL: url.map(Self.breakableURL),
                qr: url.flatMap { QRCode.svg(for: $0, moduleSize: 3, label: $0) },
                basedOn: practice.basedOn.compactMap { graph.practices[$0.value].map { "«\($0.title)»" } }.joined(separator: ", "),
                evidence: evidence(practice), cost: costBand(practice), replicationText: replicationText(practiceID))
        }
        let seminar = digest.seminar.flatMap { seminarCard($0.value) }
        // The date once on the cover: the seminar's dates, else the digest's; none when the subtitle already gives the year.
        let coverDate = seminar?.dateText ?? format.date(digest.date)
        let dateInSubtitle = digest.date.map { digest.subtitle?.contains(String($0.year)) ?? false } ?? false
        let organisation = env.site.organisation
        let model = DigestPage(
            digestID: id, title: digest.title, subtitle: digest.subtitle, dateText: format.date(digest.date),
            year: digest.date.map { String($0.year) }, organisationName: organisation?.name,
            organisationContacts: organisation.map(coverContacts) ?? [], intro: markdown(digest.intro, in: digest.file),
            seminar: seminar, coverDate: dateInSubtitle ? nil : coverDate,
            runningTitle: Self.runningHead(typeset(digest.title) ?? digest.title, limit: Self.runningTitleLimit),
            practices: practices, practiceCount: String(practices.count), schools: digestSchoolIndex(practices: ids),
            forPrint: forPrint, pdf: pdfLink(id),
            printCSS: forPrint ? env.theme.assets["digest.css"].flatMap { try? String(contentsOf: $0, encoding: .utf8) } : nil,
            programs: digestPrograms(ids))
        return page(model, kind: "digest", title: digest.title, description: digest.subtitle, section: "digests")
    }

    /// The measured indicators of the programs the digest's practices come from,
    /// and of the programs those implement, in the order first met.
    func digestPrograms(_ practices: [String]) -> [DigestPage.ProgramIndicators] {
        var seen: Set<String> = []
        let programs = practices.compactMap { graph.practices[$0]?.program?.value }.flatMap { graph.programLineage($0).reversed() + [$0] }
        return programs.filter { seen.insert($0).inserted }.compactMap { id in
            guard let program = graph.programs[id] else { return nil }
            let series = program.indicators.compactMap(\.measured).map(indicatorSeries)
            return series.isEmpty ? nil : .init(title: program.title, series: series)
        }
    }

    func digestSchool(_ id: String) -> DigestSchool? {
        guard let school = graph.schools[id] else { return nil }
        return DigestSchool(
            name: school.name, shortName: school.displayName,
            place: [school.locality, school.municipality, school.region].compactMap { $0 }.joined(separator: ", "),
            address: school.address, phone: school.phone, email: school.email, website: URLRule.allowed(school.website?.value),
            director: person(school.director), href: href(SitePaths.entity(.school, id)))
    }

    /// `uo.example.ru/praktiki/practices/x/`: what a reader can type.
    static func shortURL(_ url: String) -> String {
        var text = url
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        return text
    }

    func digestIndexPage() -> Page<DigestIndexPage> {
        let digests: [DigestLink] = graph.digests.values.sorted { ($0.date ?? Day(year: 0, month: 1), $0.id) > ($1.date ?? Day(year: 0, month: 1), $1.id) }
            .map { digest in
                DigestLink(title: digest.title, subtitle: digest.subtitle, dateText: format.date(digest.date),
                           href: href(SitePaths.entity(.digest, digest.id)), pdf: pdfLink(digest.id),
                           count: String(DigestSelector.practices(of: digest.fields, in: graph).count))
            }
        return page(DigestIndexPage(digests: digests), kind: "digests", title: t("digests_title"), description: t("digests_intro"),
                    section: "digests")
    }

    /// Links to a seminar's digests for its page: the PDF when there is one, else the print page.
    func digestLinks(forSeminar id: String) -> [DigestLink] {
        (graph.digestsBySeminar[id] ?? []).compactMap { digestID in
            graph.digests[digestID].map { DigestLink(title: $0.title, href: href(SitePaths.entity(.digest, digestID)), pdf: pdfLink(digestID)) }
        }
    }
}
