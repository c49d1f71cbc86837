/// `registers/<id>.yaml`: the schools taking part in a program in one year,
/// in the lists an order sets («1.1», «1.2», «Школы-партнёры»).
struct Register: Decodable, Sendable {
    @NonEmpty public var title: String
    public var year: Located<Int>
    public var approved: Approval?
    public var program: Ref?
    @OrEmpty public var lists: [RegisterList]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, year, approved, program, lists
    }
}

struct RegisterList: Decodable, Sendable {
    @NonEmpty public var name: String
    @OrEmpty public var schools: [Ref]
}

/// `people/<id>.md`: someone who accompanies schools — a curator, a
/// coordinator, a mentor — with work contacts only.
struct PersonProfile: Decodable, Sendable {
    @NonEmpty public var name: String
    public var position: String?
    public var organisation: String?
    @OrEmpty public var roles: [Located<Role>]
    /// Municipalities, as schools name theirs in `municipality`.
    @OrEmpty public var territories: [Located<String>]
    /// The schools this person accompanies.
    @OrEmpty public var schools: [Ref]
    public var email: String?
    public var phone: String?

    public enum Role: String, ContentEnum, CaseIterable {
        case curator, coordinator, mentor, expert, speaker
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, position, organisation, roles, territories, schools, email, phone
    }
}
