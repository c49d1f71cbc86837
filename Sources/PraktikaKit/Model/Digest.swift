struct Digest: Decodable, Sendable {
    @NonEmpty public var title: String
    public var subtitle: String?
    public var date: Day?
    public var seminar: Ref?
    public var select: DigestSelection?
    @OrEmpty public var practices: [Ref]
    public var order: Order?
    public var intro: MarkdownField?

    public enum Order: String, ContentEnum {
        case asListed = "as-listed", bySchool = "by-school", byTopic = "by-topic", byDate = "by-date"
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, subtitle, date, seminar, select, practices, order, intro
    }
}

/// Practices matching every non-empty criterion are taken.
struct DigestSelection: Decodable, Sendable {
    @OrEmpty public var topics: [Ref]
    @OrEmpty public var riskFactors: [Ref]
    @OrEmpty public var subjects: [Ref]
    @OrEmpty public var networks: [Ref]
    @OrEmpty public var schools: [Ref]
    @OrEmpty public var years: [Int]
    public var status: OneOrMany<Practice.Status>?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case topics, subjects, networks, schools, years, status
        case riskFactors = "risk_factors"
    }
}
