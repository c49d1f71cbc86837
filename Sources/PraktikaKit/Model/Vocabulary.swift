/// One of the controlled lists practices are tagged with.
enum VocabularyKind: String, CaseIterable, Sendable {
    case topics
    case riskFactors = "risk-factors"
    case subjects, levels, audiences
    /// Cost bands (`cost:`), with what each means for a school.
    case cost
    /// What results measure (`results[].outcome`), to compare practices by it.
    case outcomes

    /// The practice front-matter field that names terms of this vocabulary.
    public var practiceField: String {
        switch self {
        case .riskFactors: return "risk_factors"
        case .outcomes: return "outcome"
        case .topics, .subjects, .levels, .audiences, .cost: return rawValue
        }
    }

    /// Shown as a practice's tags (its topics, subjects…); a cost band and
    /// outcomes have places of their own on the page.
    public var tagsPractices: Bool {
        switch self {
        case .topics, .riskFactors, .subjects, .levels, .audiences: return true
        case .cost, .outcomes: return false
        }
    }

    public func terms(of practice: Practice) -> [Ref] {
        switch self {
        case .topics: return practice.topics
        case .riskFactors: return practice.riskFactors
        case .subjects: return practice.subjects
        case .levels: return practice.levels
        case .audiences: return practice.audiences
        case .cost: return practice.cost.map { [$0] } ?? []
        case .outcomes:
            var seen: Set<String> = []
            return practice.results.compactMap(\.outcome).filter { seen.insert($0.value).inserted }
        }
    }
}

struct Term: Decodable, Sendable {
    public var id: Ref
    @NonEmpty public var label: String
    public var description: String?
}

struct Vocabulary: Sendable {
    public var kind: VocabularyKind
    public var file: String
    public var terms: [Term]

    public func term(_ id: String) -> Term? { terms.first { $0.id.value == id } }
}
