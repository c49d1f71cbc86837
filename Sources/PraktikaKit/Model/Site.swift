/// `content/site.yaml`.
struct SiteConfig: Decodable, Sendable {
    public var title: String
    /// A line under the title on the home page and in meta descriptions.
    public var description: String?
    public var organisation: Organisation?
    public var baseURL: Located<String>?
    public var language: String
    public var theme: String
    public var menu: [MenuItem]?
    /// Where requests to replicate a practice go: an e-mail address or a URL.
    public var replicationContact: String?
    /// `false` hides the e-mail and phone of the people in `people/` everywhere.
    public var peopleContacts: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, organisation, language, theme, menu
        case baseURL = "base_url"
        case replicationContact = "replication_contact"
        case peopleContacts = "people_contacts"
    }

    public init(title: String, language: String = "ru", theme: String = "default") {
        self.title = title
        self.language = language
        self.theme = theme
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(NonEmpty.self, forKey: .title).wrappedValue
        description = try c.decodeIfPresent(String.self, forKey: .description)
        organisation = try c.decodeIfPresent(Organisation.self, forKey: .organisation)
        baseURL = try c.decodeIfPresent(Located<String>.self, forKey: .baseURL)
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "ru"
        theme = try c.decodeIfPresent(String.self, forKey: .theme) ?? "default"
        menu = try c.decodeIfPresent([MenuItem].self, forKey: .menu)
        replicationContact = try c.decodeIfPresent(String.self, forKey: .replicationContact)
        peopleContacts = try c.decodeIfPresent(Bool.self, forKey: .peopleContacts)
    }
}

struct Organisation: Decodable, Sendable {
    public var name: String
    public var website: Located<String>?
    public var email: String?
    public var phone: String?
    public var address: String?
}

struct MenuItem: Decodable, Sendable {
    public var title: String
    public var url: Located<String>
}
