struct Program: Decodable, Sendable {
    @NonEmpty public var title: String
    public var kind: Kind?
    public var owner: OrganiserRef?
    public var network: Ref?
    /// When the program runs (an addition to the content model; stages must lie within it).
    public var period: Period?
    public var approved: Approval?
    @OrEmpty public var legalBasis: [String]
    public var goal: MarkdownField?
    @OrEmpty public var tasks: [MarkdownField]
    @OrEmpty public var indicators: [MarkdownField]
    @OrEmpty public var stages: [Stage]
    public var resources: MarkdownField?
    @OrEmpty public var risks: [Risk]
    @OrEmpty public var expectedResults: [MarkdownField]
    @OrEmpty public var responsible: [Person]
    @OrEmpty public var plan: [PlanGroup]
    public var description: MarkdownField?

    public enum Kind: String, ContentEnum {
        case tutoring, transition, municipal, regional, roadmap, antirisk
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, kind, owner, network, period, approved, goal, tasks, indicators, stages, resources, risks
        case responsible, plan, description
        case legalBasis = "legal_basis"
        case expectedResults = "expected_results"
    }
}

/// The order that approved a program: who, its number and date.
struct Approval: Decodable, Sendable {
    public var by: String?
    public var number: String?
    public var date: Day?
}

struct Stage: Decodable, Sendable {
    public var name: String
    public var period: Period?
    public var content: MarkdownField?
}

struct Risk: Decodable, Sendable {
    public var risk: MarkdownField
    @OrEmpty public var measures: [MarkdownField]
}

/// A group of rows of the action plan (план мероприятий), as grouped in the source.
struct PlanGroup: Decodable, Sendable {
    public var title: String?
    @OrEmpty public var items: [PlanItem]
}

struct PlanItem: Decodable, Sendable {
    public var number: String?
    public var action: MarkdownField
    public var executor: String?
    /// Free text as written: «До 15 сентября», «В течение учебного года».
    public var due: String?
    public var result: String?
}
