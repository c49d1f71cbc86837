import Foundation

/// Everything the load stage read from a site folder, typed, with positions.
struct SiteContent: Sendable {
    public var root: URL
    public var site: SiteConfig
    public var schools: [Entry<School>] = []
    public var networks: [Entry<Network>] = []
    public var programs: [Entry<Program>] = []
    /// Drafts included: the link stage leaves them out of everything it builds.
    public var practices: [Entry<Practice>] = []
    public var seminars: [Entry<Seminar>] = []
    public var digests: [Entry<Digest>] = []
    public var registers: [Entry<Register>] = []
    public var people: [Entry<PersonProfile>] = []
    public var vocabularies: [VocabularyKind: Vocabulary] = [:]
    /// Attachment paths relative to `content/files/`, with their sizes in bytes.
    public var files: [String: Int] = [:]
    /// `kind/id` of files that exist but could not be read; references to them
    /// are not reported again as unknown.
    public var unreadable: Set<String> = []

    public init(root: URL, site: SiteConfig) {
        self.root = root
        self.site = site
    }

    /// The id and file of every entry of a kind, drafts included.
    func entries(_ kind: EntityKind) -> [(id: String, file: String)] {
        switch kind {
        case .school: return schools.map { ($0.id, $0.file) }
        case .network: return networks.map { ($0.id, $0.file) }
        case .program: return programs.map { ($0.id, $0.file) }
        case .practice: return practices.map { ($0.id, $0.file) }
        case .seminar: return seminars.map { ($0.id, $0.file) }
        case .digest: return digests.map { ($0.id, $0.file) }
        case .register: return registers.map { ($0.id, $0.file) }
        case .person: return people.map { ($0.id, $0.file) }
        }
    }
}

/// The kinds of entity, as folder names under `content/` and in `kind:id`
/// links. Each kind's facts are here, in exhaustive switches, so that a new
/// case is led by the compiler through every place that must know it.
public enum EntityKind: String, CaseIterable, Sendable {
    case school, network, program, practice, seminar, digest, register, person

    public var folder: String {
        switch self {
        case .person: return "people"
        case .school, .network, .program, .practice, .seminar, .digest, .register: return rawValue + "s"
        }
    }

    /// Front matter + Markdown, or plain YAML.
    public var isMarkdown: Bool {
        switch self {
        case .school, .network, .practice, .seminar, .person: return true
        case .program, .digest, .register: return false
        }
    }

    /// The field names a file of this kind may use.
    var schema: Schema {
        switch self {
        case .school: return .school
        case .network: return .network
        case .program: return .program
        case .practice: return .practice
        case .seminar: return .seminar
        case .digest: return .digest
        case .register: return .register
        case .person: return .personProfile
        }
    }

    /// The template of an entity's own page.
    public var pageTemplate: String {
        switch self {
        case .digest: return "digest-page"
        case .school, .network, .program, .practice, .seminar, .register, .person: return rawValue
        }
    }

    /// The title `praktika new` writes when none is given.
    var newTitleRU: String {
        switch self {
        case .practice: return "Новая практика"
        case .school: return "Новая школа"
        case .network: return "Новое сетевое сообщество"
        case .program: return "Новая программа"
        case .seminar: return "Новый семинар"
        case .digest: return "Новый сборник практик"
        case .register: return "Участники программы"
        case .person: return "Фамилия Имя Отчество"
        }
    }

    /// Its line in the build summary.
    public var summaryTitle: String {
        switch self {
        case .school: return "Schools"
        case .network: return "Networks"
        case .program: return "Programs"
        case .practice: return "Practices"
        case .seminar: return "Seminars"
        case .digest: return "Digests"
        case .register: return "Registers"
        case .person: return "People"
        }
    }

    /// The template of the list of all entities of the kind.
    public var indexTemplate: String { folder }

    /// «неизвестная школа», with the adjective agreeing in gender.
    var unknownRU: String {
        switch self {
        case .school: return "неизвестная школа"
        case .network: return "неизвестная сеть"
        case .program: return "неизвестная программа"
        case .practice: return "неизвестная практика"
        case .seminar: return "неизвестный семинар"
        case .digest: return "неизвестный сборник"
        case .register: return "неизвестный реестр"
        case .person: return "неизвестный участник сопровождения"
        }
    }
}
