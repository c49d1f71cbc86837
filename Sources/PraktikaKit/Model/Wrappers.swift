import Foundation

/// A list field that may be left out or left empty in YAML.
@propertyWrapper
struct OrEmpty<Element: Decodable & Sendable>: Decodable, Sendable {
    public var wrappedValue: [Element]

    public init(wrappedValue: [Element] = []) { self.wrappedValue = wrappedValue }

    public init(from decoder: Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([Element].self)
    }
}

extension KeyedDecodingContainer {
    func decode<T>(_ type: OrEmpty<T>.Type, forKey key: Key) throws -> OrEmpty<T> {
        try decodeIfPresent(type, forKey: key) ?? OrEmpty()
    }
}

/// Accepts a single value where a list is usual (`status: recommended` as well as `status: [recommended]`).
struct OneOrMany<Element: Decodable & Sendable>: Decodable, Sendable {
    public var values: [Element]

    public init(_ values: [Element]) { self.values = values }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([Element].self) {
            values = list
        } else {
            values = [try container.decode(Element.self)]
        }
    }
}

/// Markdown text from a YAML field, with its position for link errors.
typealias MarkdownField = Located<String>

/// A reference to another entity by id, with its position.
typealias Ref = Located<String>

/// Either a school id or `{organisation: "…"}` (an education office, an institute).
enum OrganiserRef: Decodable, Sendable {
    case school(Ref)
    case organisation(String)

    private enum CodingKeys: String, CodingKey { case organisation, name }

    public init(from decoder: Decoder) throws {
        if let id = try? decoder.singleValueContainer().decode(Ref.self) {
            self = .school(id)
            return
        }
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        let name = try keyed.decodeIfPresent(String.self, forKey: .organisation)
            ?? keyed.decode(String.self, forKey: .name)
        self = .organisation(name)
    }

    public var schoolID: Ref? {
        if case .school(let id) = self { return id }
        return nil
    }
}

/// A person named in content: a director, a coordinator, a contact, a speaker.
/// Written out (`{name, position…}`) or as the id of a file in `people/`, whose
/// details the link stage fills in (`ref`), and whose page then links back.
struct Person: Decodable, Sendable {
    public var name: String
    public var position: String?
    public var organisation: String?
    public var email: String?
    public var phone: String?
    /// The id of a person in `people/`, when written as one.
    public var ref: Ref?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, position, organisation, email, phone
    }

    init(name: String, position: String? = nil, organisation: String? = nil, email: String? = nil, phone: String? = nil, ref: Ref? = nil) {
        (self.name, self.position, self.organisation, self.email, self.phone, self.ref) = (name, position, organisation, email, phone, ref)
    }

    public init(from decoder: Decoder) throws {
        if let id = try? decoder.singleValueContainer().decode(Ref.self) {
            self.init(name: id.value, ref: id)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), position: try c.decodeIfPresent(String.self, forKey: .position),
                  organisation: try c.decodeIfPresent(String.self, forKey: .organisation),
                  email: try c.decodeIfPresent(String.self, forKey: .email), phone: try c.decodeIfPresent(String.self, forKey: .phone))
    }
}

/// A file under `content/files/` with an optional title.
struct Attachment: Decodable, Sendable {
    public var file: Ref
    public var title: String?
}

/// A required text field that must not be empty (`title:` alone, or a value
/// that YAML reads as a comment, such as `title: # 1`).
@propertyWrapper
struct NonEmpty: Decodable, Sendable {
    public var wrappedValue: String

    public init(wrappedValue: String) { self.wrappedValue = wrappedValue }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = container.decodeNil() ? "" : try container.decode(String.self)
        guard !text.isBlank else {
            throw ValueError(LocalizedText(
                en: "field `\(decoder.codingPath.last?.stringValue ?? "")` is empty; expected text (a `#` starts a comment in YAML: put such text in quotes)",
                ru: "поле «\(decoder.codingPath.last?.stringValue ?? "")» пустое; ожидается текст (знак `#` начинает комментарий в YAML: возьмите такой текст в кавычки)"),
                at: decoder)
        }
        wrappedValue = text
    }
}

extension String {
    /// Only spaces, tabs and line breaks (Foundation's trimming is slow on Linux).
    var isBlank: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }

    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        return String(self[first...last])
    }
}
