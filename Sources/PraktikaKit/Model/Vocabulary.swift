/// One of the controlled lists practices are tagged with.
enum VocabularyKind: String, CaseIterable, Sendable {
    case topics
    case riskFactors = "risk-factors"
    case subjects, levels, audiences

    /// The practice front-matter field that names terms of this vocabulary.
    public var practiceField: String {
        self == .riskFactors ? "risk_factors" : rawValue
    }

    public func terms(of practice: Practice) -> [Ref] {
        switch self {
        case .topics: return practice.topics
        case .riskFactors: return practice.riskFactors
        case .subjects: return practice.subjects
        case .levels: return practice.levels
        case .audiences: return practice.audiences
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
