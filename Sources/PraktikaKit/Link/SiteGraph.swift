/// The link stage's result: every entity by id and every relation between
/// them, derived once from the data in both directions, so pages never
/// need to search. Drafts are not in it.
struct SiteGraph: Sendable {
    public internal(set) var content: SiteContent
    public let schools: [String: Entry<School>]
    public let networks: [String: Entry<Network>]
    public let programs: [String: Entry<Program>]
    /// Published and recommended practices only.
    public internal(set) var practices: [String: Entry<Practice>]
    public let seminars: [String: Entry<Seminar>]
    public let digests: [String: Entry<Digest>]
    public let registers: [String: Entry<Register>]
    public let people: [String: Entry<PersonProfile>]
    /// Registers by year, oldest first.
    public let registerOrder: [String]

    /// Practices in catalog order: recommended first, then newest, then by title.
    public let practiceOrder: [String]
    /// Seminars by date, oldest first.
    public let seminarOrder: [String]
    /// Position of each practice in `practiceOrder`.
    let practiceRank: [String: Int]
    /// Practices by date, newest first (the home page's "new practices").
    public let newestOrder: [String]

    public internal(set) var rolesBySchool: [String: [NetworkRole]] = [:]
    public internal(set) var practicesBySchool: [String: [PracticeRole]] = [:]
    public internal(set) var practicesByNetwork: [String: [String]] = [:]
    public internal(set) var practicesByProgram: [String: [String]] = [:]
    public internal(set) var practicesByTerm: [VocabularyKind: [String: [String]]] = [:]
    public internal(set) var seminarsBySchool: [String: [SeminarRole]] = [:]
    public internal(set) var seminarsByPractice: [String: [String]] = [:]
    public internal(set) var seminarsByNetwork: [String: [String]] = [:]
    public internal(set) var programsByNetwork: [String: [String]] = [:]
    public internal(set) var programsBySchool: [String: [String]] = [:]
    public internal(set) var digestsBySeminar: [String: [String]] = [:]
    /// School → its places in the registers, oldest year first.
    public internal(set) var registrationsBySchool: [String: [Registration]] = [:]
    /// Program → its registers, oldest year first.
    public internal(set) var registersByProgram: [String: [String]] = [:]
    /// Person → the schools they accompany, and the reverse (people are visited in id order).
    public internal(set) var schoolsByPerson: [String: [String]] = [:]
    public internal(set) var peopleBySchool: [String: [String]] = [:]
    /// Person (people/) → what names them.
    public internal(set) var personLinks: [String: PersonLinks] = [:]
    /// Program → the seminars whose agenda names it.
    public internal(set) var seminarsByProgram: [String: [String]] = [:]
    /// Program → the programs that implement it (`parent`).
    public internal(set) var childPrograms: [String: [String]] = [:]
    /// Practice → the published practices based on it (`based_on`), in catalog order.
    public internal(set) var replications: [String: [String]] = [:]
    /// Outcome id → published results for it, the most used unit first, then the largest improvement.
    internal(set) var resultsByOutcome: [String: [OutcomeResult]] = [:]
    /// Built once the lists above are complete.
    private(set) var related: RelatedIndex?

    mutating func indexRelatedPractices() { related = RelatedIndex(self) }

    init(content: SiteContent) {
        self.content = content
        schools = Dictionary(content.schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        networks = Dictionary(content.networks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        programs = Dictionary(content.programs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        practices = Dictionary(content.practices.filter { !$0.isDraft }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        seminars = Dictionary(content.seminars.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        digests = Dictionary(content.digests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        registers = Dictionary(content.registers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        people = Dictionary(content.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        registerOrder = registers.values.sorted { ($0.year.value, $0.id) < ($1.year.value, $1.id) }.map(\.id)
        practiceOrder = practices.values.sorted(by: Self.catalogOrder).map(\.id)
        practiceRank = Dictionary(uniqueKeysWithValues: practiceOrder.enumerated().map { ($1, $0) })
        let undated = Day(year: 0, month: 1)
        newestOrder = practices.values.sorted { ($0.date ?? undated, $1.id) > ($1.date ?? undated, $0.id) }.map(\.id)
        seminarOrder = seminars.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map(\.id)
    }

    static func catalogOrder(_ a: Entry<Practice>, _ b: Entry<Practice>) -> Bool {
        let aRecommended = a.status == .recommended, bRecommended = b.status == .recommended
        if aRecommended != bRecommended { return aRecommended }
        let aDate = a.date ?? Day(year: 0, month: 1), bDate = b.date ?? Day(year: 0, month: 1)
        if aDate != bDate { return aDate > bDate }
        // Plain string order (Foundation's locale-aware compare is slow for tens of
        // thousands); equal titles happen, and the id keeps the order stable.
        return a.title == b.title ? a.id < b.id : a.title < b.title
    }

    /// Whether a published entity of this kind has this id.
    public func contains(_ kind: EntityKind, _ id: String) -> Bool {
        switch kind {
        case .school: return schools[id] != nil
        case .network: return networks[id] != nil
        case .program: return programs[id] != nil
        case .practice: return practices[id] != nil
        case .seminar: return seminars[id] != nil
        case .digest: return digests[id] != nil
        case .register: return registers[id] != nil
        case .person: return people[id] != nil
        }
    }

    /// The content file of a published entity.
    public func file(_ kind: EntityKind, _ id: String) -> String? {
        switch kind {
        case .school: return schools[id]?.file
        case .network: return networks[id]?.file
        case .program: return programs[id]?.file
        case .practice: return practices[id]?.file
        case .seminar: return seminars[id]?.file
        case .digest: return digests[id]?.file
        case .register: return registers[id]?.file
        case .person: return people[id]?.file
        }
    }

    public func term(_ kind: VocabularyKind, _ id: String) -> Term? {
        content.vocabularies[kind]?.term(id)
    }
}

/// A school's place in one network: leader or supported, for a period.
struct NetworkRole: Sendable {
    public enum Role: String, Sendable { case leader, member }
    public var network: String
    public var role: Role
    public var from: Day?
    public var to: Day?
}

struct PracticeRole: Sendable {
    public enum Role: String, Sendable { case author, partner }
    public var practice: String
    public var role: Role
}

struct SeminarRole: Sendable {
    public enum Role: String, Sendable, Comparable {
        case organiser, host, speaker, presented
        public static func < (a: Role, b: Role) -> Bool { a.order < b.order }
        var order: Int { [.organiser, .host, .speaker, .presented].firstIndex(of: self)! }
    }
    public var seminar: String
    public var roles: [Role]
}
