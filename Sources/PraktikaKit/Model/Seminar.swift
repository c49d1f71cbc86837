struct Seminar: Decodable, Sendable {
    @NonEmpty public var title: String
    public var date: Day
    public var endDate: Located<Day>?
    public var kind: Kind?
    public var level: Level?
    public var format: Format?
    public var organiser: OrganiserRef?
    public var host: Ref?
    public var venue: String?
    public var network: Ref?
    public var audience: String?
    public var participants: Int?
    @OrEmpty public var agenda: [AgendaItem]
    @OrEmpty public var materials: [Material]
    public var digest: Ref?

    public enum Kind: String, ContentEnum {
        case seminar, webinar, roundTable = "round-table", methodologicalLanding = "methodological-landing"
        case openDay = "open-day", conference
        /// Стажировка: teachers of a supported school work in the leader school for some days.
        case internship
        /// Единый методический день.
        case methodologicalDay = "methodological-day"
    }

    public enum Level: String, ContentEnum {
        case school, municipal, intermunicipal, regional
    }

    public enum Format: String, ContentEnum {
        case inPerson = "in-person", online, hybrid
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, date, kind, level, format, organiser, host, venue, network, audience, participants
        case agenda, materials, digest
        case endDate = "end_date"
    }
}

struct AgendaItem: Decodable, Sendable {
    /// As written («10:00», «10:00–10:20»); YAML 1.1 would read 10:00 as a number, so it is kept as text.
    public var time: String?
    @NonEmpty public var title: String
    @OrEmpty public var speakers: [Speaker]
    public var practice: Ref?
    public var school: Ref?
    public var program: Ref?
}

/// Written out or as a person's id (see `Person`).
struct Speaker: Decodable, Sendable {
    public var name: String
    public var position: String?
    public var school: Ref?
    public var person: Ref?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, position, school
    }

    public init(from decoder: Decoder) throws {
        if let id = try? decoder.singleValueContainer().decode(Ref.self) {
            (name, position, school, person) = (id.value, nil, nil, id)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        position = try c.decodeIfPresent(String.self, forKey: .position)
        school = try c.decodeIfPresent(Ref.self, forKey: .school)
        person = nil
    }
}

/// A seminar material: an attachment or an external link.
struct Material: Decodable, Sendable {
    public var file: Ref?
    public var url: Located<String>?
    public var title: String?
}
