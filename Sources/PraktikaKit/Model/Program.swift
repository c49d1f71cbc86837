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
    /// Target indicators: Markdown text, or measured (`{name, unit, baseline, target, actual}`).
    @OrEmpty public var indicators: [Indicator]
    @OrEmpty public var stages: [Stage]
    public var resources: MarkdownField?
    @OrEmpty public var risks: [Risk]
    @OrEmpty public var expectedResults: [MarkdownField]
    @OrEmpty public var responsible: [Person]
    @OrEmpty public var plan: [PlanGroup]
    public var description: MarkdownField?
    /// The program this one implements (a school program under a municipal one…).
    public var parent: Ref?

    public enum Kind: String, ContentEnum {
        case tutoring, transition, municipal, regional, roadmap, antirisk
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, kind, owner, network, period, approved, goal, tasks, indicators, stages, resources, risks
        case responsible, plan, description, parent
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
    public var status: Located<Status>?
    /// Markdown: how the item went, with links to what it produced.
    public var note: MarkdownField?

    public enum Status: String, ContentEnum, CaseIterable {
        case planned
        case inProgress = "in-progress"
        case done, cancelled
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case number, action, executor, due, result, status, note
    }
}

/// A target indicator of a program: text as written, or measured.
enum Indicator: Decodable, Sendable {
    case text(MarkdownField)
    case measured(MeasuredIndicator)

    init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(MarkdownField.self) {
            self = .text(text)
        } else {
            self = .measured(try MeasuredIndicator(from: decoder))
        }
    }

    var text: MarkdownField? { if case .text(let text) = self { return text }; return nil }
    var measured: MeasuredIndicator? { if case .measured(let measured) = self { return measured }; return nil }
}

/// An indicator with its baseline, its target and the values measured since.
struct MeasuredIndicator: Decodable, Sendable {
    @NonEmpty public var name: String
    public var unit: String?
    public var baseline: YearValue?
    public var target: YearValue?
    @OrEmpty public var actual: [YearValue]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, unit, baseline, target, actual
    }
}

/// A value measured (or aimed at) in a year.
struct YearValue: Decodable, Sendable {
    public var year: Located<Int>
    public var value: Double

    enum CodingKeys: String, CodingKey, CaseIterable {
        case year, value
    }
}
