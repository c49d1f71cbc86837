struct Network: Decodable, Sendable {
    public var name: String
    public var level: Level?
    public var region: String?
    public var period: Period?
    /// `leader:` and `leaders:` merged, in the order written.
    public var leaders: [Ref]
    public var members: [Membership]
    public var coordinator: Person?
    @OrEmpty public var programs: [Ref]

    public enum Level: String, ContentEnum {
        case municipal, intermunicipal, regional
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, level, region, period, leader, leaders, members, coordinator, programs
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(NonEmpty.self, forKey: .name).wrappedValue
        level = try c.decodeIfPresent(Level.self, forKey: .level)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        period = try c.decodeIfPresent(Period.self, forKey: .period)
        var leaders: [Ref] = []
        if let one = try c.decodeIfPresent(Ref.self, forKey: .leader) { leaders.append(one) }
        leaders += try c.decodeIfPresent([Ref].self, forKey: .leaders) ?? []
        if leaders.isEmpty {
            throw DecodingError.keyNotFound(CodingKeys.leader, .init(
                codingPath: c.codingPath, debugDescription: "a network needs `leader:` (or `leaders:`)"))
        }
        self.leaders = leaders
        members = try c.decode([Membership].self, forKey: .members)
        coordinator = try c.decodeIfPresent(Person.self, forKey: .coordinator)
        _programs = try c.decode(OrEmpty<Ref>.self, forKey: .programs)
    }
}

/// A supported school in a network, with the period it was supported if known.
struct Membership: Decodable, Sendable {
    public var school: Ref
    public var from: Day?
    public var to: Day?

    enum CodingKeys: String, CodingKey { case school, from, to }

    public init(from decoder: Decoder) throws {
        if let id = try? decoder.singleValueContainer().decode(Ref.self) {
            school = id
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        school = try c.decode(Ref.self, forKey: .school)
        from = try c.decodeIfPresent(Day.self, forKey: .from)
        to = try c.decodeIfPresent(Day.self, forKey: .to)
    }
}
