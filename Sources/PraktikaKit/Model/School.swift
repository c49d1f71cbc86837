struct School: Decodable, Sendable {
    @NonEmpty public var name: String
    public var shortName: String?
    public var region: String?
    public var municipality: String?
    public var locality: String?
    public var address: String?
    public var website: Located<String>?
    public var email: String?
    public var phone: String?
    public var students: Int?
    public var director: Person?
    @OrEmpty public var statuses: [SchoolStatus]
    public var riskProfile: RiskProfile?
    /// Yearly values such as ВПР or ОГЭ results, drawn as charts on the school's page.
    @OrEmpty public var monitoring: [MonitoringValue]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, region, municipality, locality, address, website, email, phone, students, director, statuses, monitoring
        case shortName = "short_name"
        case riskProfile = "risk_profile"
    }

    /// The name used in lists and diagrams.
    public var displayName: String { shortName ?? name }
}

struct SchoolStatus: Decodable, Sendable {
    /// As written: `2021` or a school year such as `2020/2021`.
    public var year: String
    public var status: Kind

    public enum Kind: String, ContentEnum {
        case lowResults = "low-results"
        case adverseConditions = "adverse-conditions"
        case leader
    }
}

struct RiskProfile: Decodable, Sendable {
    public var year: String?
    @OrEmpty public var factors: [Ref]
}

/// One yearly value of a school's monitoring.
struct MonitoringValue: Decodable, Sendable {
    @NonEmpty public var indicator: String
    public var year: Located<Int>
    public var value: Double
    public var unit: String?
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicator, year, value, unit, source
    }
}
