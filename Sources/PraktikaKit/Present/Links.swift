/// Links to entities as lists and pages show them, with what a list adds to
/// each (a member's period, a network's leaders).

/// A school in a network's list of members, with the years it took part.
struct NetworkMember: TemplateModel {
    let school: SchoolLink
    let memberPeriod: String?

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(SchoolLink.fields, from: \Self.school)
        .adding(["memberPeriod": .text(\.memberPeriod)])
}

/// A school in the list of all schools, with its roles in networks.
struct SchoolListing: TemplateModel {
    let school: SchoolLink
    let isLeader: Bool
    let isSupported: Bool

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(SchoolLink.fields, from: \Self.school)
        .adding(["isLeader": .flag(\.isLeader), "isSupported": .flag(\.isSupported)])
}

struct NetworkLink: TemplateModel {
    let id: String
    let name: String
    let href: String
    let levelLabel: String?

    static let fields: [String: TemplateField<Self>] = [
        "id": .text(\.id), "name": .text(\.name), "href": .text(\.href), "levelLabel": .text(\.levelLabel),
    ]
}

/// A network in a list: the home page, the list of networks, a school's
/// networks. Each list fills the parts it shows; the rest stay absent.
struct NetworkListing: TemplateModel {
    let network: NetworkLink
    var period: String?
    var region: String?
    var leaders: [SchoolLink]?
    var members: [NetworkMember]?
    var memberCount: Int?
    var memberCountLabel: String?

    init(_ network: NetworkLink) { self.network = network }

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(NetworkLink.fields, from: \Self.network).adding([
        "period": .text(\.period), "region": .text(\.region), "leaders": .optionalList(\.leaders),
        "members": .optionalList(\.members), "memberCount": .number(\.memberCount), "memberCountLabel": .text(\.memberCountLabel),
    ])
}

struct ProgramLink: TemplateModel {
    let id: String
    let title: String
    let href: String
    let kindLabel: String?

    static let fields: [String: TemplateField<Self>] = [
        "id": .text(\.id), "title": .text(\.title), "href": .text(\.href), "kindLabel": .text(\.kindLabel),
    ]
}

/// A program in the list of programs, with its owner and years.
struct ProgramListing: TemplateModel {
    let program: ProgramLink
    let owner: OrganiserModel?
    let period: String?

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(ProgramLink.fields, from: \Self.program)
        .adding(["owner": .model(\.owner), "period": .text(\.period)])
}

/// Either a linked school or an organisation's name.
struct OrganiserModel: TemplateModel {
    let school: SchoolLink?
    let name: String?

    static let fields: [String: TemplateField<Self>] = ["school": .model(\.school), "name": .text(\.name)]
}

/// A person's work contacts.
struct PersonModel: TemplateModel {
    let name: String
    let position: String?
    let organisation: String?
    let email: String?
    let phone: String?
    /// The person's page, for a person of `people/`.
    var href: String? = nil

    static let fields: [String: TemplateField<Self>] = [
        "name": .text(\.name), "position": .text(\.position), "organisation": .text(\.organisation),
        "email": .text(\.email), "phone": .text(\.phone), "href": .text(\.href),
    ]
}

/// A file to download (an attachment, a seminar's material) or a link out.
/// The print digest adds the file's web address and a QR code of it.
struct FileLink: TemplateModel {
    let title: String
    let href: String
    var typeLabel: String?
    var sizeText: String?
    var external = false
    var url: String?
    var shortURL: String?
    var qr: String?

    static let fields: [String: TemplateField<Self>] = [
        "title": .text(\.title), "href": .text(\.href), "typeLabel": .text(\.typeLabel), "sizeText": .text(\.sizeText),
        "external": .flag(\.external), "url": .text(\.url), "shortURL": .text(\.shortURL), "qr": .text(\.qr),
    ]
}

/// A digest's PDF: where it is and how big.
struct PDFLink: TemplateModel {
    let href: String
    let sizeText: String

    static let fields: [String: TemplateField<Self>] = ["href": .text(\.href), "sizeText": .text(\.sizeText)]
}

/// A seminar as lists show it; `html` is the card drawn by the theme's
/// `seminar-card`, once per seminar (and roles), since a card appears on the
/// page of every practice presented.
struct SeminarCard: TemplateModel {
    let id: String
    let title: String
    let href: String
    let dateText: String
    let isoDate: String
    let kindLabel: String?
    let levelLabel: String?
    let upcoming: Bool
    let host: SchoolLink?
    let venue: String?
    /// What a school did at it, on that school's page.
    let roles: String?
    var html: String?

    static let fields: [String: TemplateField<Self>] = [
        "id": .text(\.id), "title": .text(\.title), "href": .text(\.href), "dateText": .text(\.dateText),
        "isoDate": .text(\.isoDate), "kindLabel": .text(\.kindLabel), "levelLabel": .text(\.levelLabel),
        "upcoming": .flag(\.upcoming), "host": .model(\.host), "venue": .text(\.venue), "roles": .text(\.roles), "html": .text(\.html),
    ]
}

/// Practice cards for a list: drawn once per build each, joined once per
/// list, so that a template inserts a list with one lookup (`{{{html}}}`).
/// Absent (nil) where a list is empty, so `{{#list}}` opens only on cards.
struct CardList: TemplateModel {
    let items: [RenderedCard]
    let html: String

    static let fields: [String: TemplateField<Self>] = [
        "items": .list(\.items), "html": .text(\.html), "count": .number { $0.items.count },
    ]
}

struct RenderedCard: TemplateModel {
    let id: String
    let html: String

    static let fields: [String: TemplateField<Self>] = ["id": .text(\.id), "html": .text(\.html)]
}
