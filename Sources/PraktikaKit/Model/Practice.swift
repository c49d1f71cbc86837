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

    public enum Status: String, ContentEnum {
        case draft, published, recommended
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summary, schools, network, program, topics, subjects, levels, audiences, period, status
        case contact, results, resources, replicability, attachments, date, updated
        case riskFactors = "risk_factors"
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
    }

    public var isDraft: Bool { status == .draft }
}

/// One row of a practice's results table; numbers are kept as written.
struct ResultRow: Decodable, Sendable {
    public var indicator: String
    public var before: String?
    public var after: String?
    public var unit: String?
    public var source: String?
}
