struct Practice: Decodable, Sendable {
    public var title: String
    public var summary: String
    public var schools: [Ref]
    public var network: Ref?
    public var program: Ref?
    @OrEmpty public var topics: [Ref]
    @OrEmpty public var riskFactors: [Ref]
    @OrEmpty public var subjects: [Ref]
    @OrEmpty public var levels: [Ref]
    @OrEmpty public var audiences: [Ref]
    public var period: Period?
    public var status: Status
    public var contact: Person?
    @OrEmpty public var results: [ResultRow]
    public var resources: MarkdownField?
    public var replicability: MarkdownField?
    @OrEmpty public var attachments: [Attachment]
    public var date: Day?
    public var updated: Day?
    /// The practices this one adapts: it is a replication of them.
    @OrEmpty public var basedOn: [Ref]
    public var evidence: Evidence?
    /// A band of the `cost` vocabulary: none, low, medium, high.
    public var cost: Ref?

    public enum Status: String, ContentEnum {
        case draft, published, recommended
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summary, schools, network, program, topics, subjects, levels, audiences, period, status
        case contact, results, resources, replicability, attachments, date, updated, evidence, cost
        case riskFactors = "risk_factors"
        case basedOn = "based_on"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(NonEmpty.self, forKey: .title).wrappedValue
        summary = try c.decode(NonEmpty.self, forKey: .summary).wrappedValue
        schools = try c.decode([Ref].self, forKey: .schools)
        network = try c.decodeIfPresent(Ref.self, forKey: .network)
        program = try c.decodeIfPresent(Ref.self, forKey: .program)
        _topics = try c.decode(OrEmpty<Ref>.self, forKey: .topics)
        _riskFactors = try c.decode(OrEmpty<Ref>.self, forKey: .riskFactors)
        _subjects = try c.decode(OrEmpty<Ref>.self, forKey: .subjects)
        _levels = try c.decode(OrEmpty<Ref>.self, forKey: .levels)
        _audiences = try c.decode(OrEmpty<Ref>.self, forKey: .audiences)
        period = try c.decodeIfPresent(Period.self, forKey: .period)
        status = try c.decodeIfPresent(Status.self, forKey: .status) ?? .published
        contact = try c.decodeIfPresent(Person.self, forKey: .contact)
        _results = try c.decode(OrEmpty<ResultRow>.self, forKey: .results)
        resources = try c.decodeIfPresent(MarkdownField.self, forKey: .resources)
        replicability = try c.decodeIfPresent(MarkdownField.self, forKey: .replicability)
        _attachments = try c.decode(OrEmpty<Attachment>.self, forKey: .attachments)
        date = try c.decodeIfPresent(Day.self, forKey: .date)
        updated = try c.decodeIfPresent(Day.self, forKey: .updated)
        _basedOn = try c.decode(OrEmpty<Ref>.self, forKey: .basedOn)
        evidence = try c.decodeIfPresent(Evidence.self, forKey: .evidence)
        cost = try c.decodeIfPresent(Ref.self, forKey: .cost)
    }

    public var isDraft: Bool { status == .draft }

    /// Without an `evidence` block a practice is its school's own report.
    public var evidenceLevel: Evidence.Level { evidence?.level ?? .selfReport }
}

/// One row of a practice's results table; numbers are kept as written.
struct ResultRow: Decodable, Sendable {
    public var indicator: String
    public var before: String?
    public var after: String?
    public var unit: String?
    public var source: String?
    /// A term of the `outcomes` vocabulary, so results can be compared across practices.
    public var outcome: Ref?
    /// Which way is better for this indicator.
    public var direction: Located<Direction>?

    public enum Direction: String, ContentEnum {
        case up, down
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicator, before, after, unit, source, outcome, direction
    }
}

/// How far a practice's results can be trusted (EEF's "evidence strength").
struct Evidence: Decodable, Sendable {
    public var level: Level
    /// Who confirmed the results: a person's name and position, or an organisation.
    public var reviewedBy: String?
    public var reviewedOn: Day?
    /// How many students or teachers took part.
    public var participants: Int?
    /// Against what the change was measured.
    public var comparison: MarkdownField?

    public enum Level: String, ContentEnum, CaseIterable {
        case selfReport = "self-report"
        case monitoring, external
        case expertReviewed = "expert-reviewed"
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case level, participants, comparison
        case reviewedBy = "reviewed_by"
        case reviewedOn = "reviewed_on"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level = try c.decodeIfPresent(Level.self, forKey: .level) ?? .selfReport
        reviewedBy = try c.decodeIfPresent(String.self, forKey: .reviewedBy)
        reviewedOn = try c.decodeIfPresent(Day.self, forKey: .reviewedOn)
        participants = try c.decodeIfPresent(Int.self, forKey: .participants)
        comparison = try c.decodeIfPresent(MarkdownField.self, forKey: .comparison)
    }
}
