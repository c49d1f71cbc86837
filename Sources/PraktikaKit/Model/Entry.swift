/// One content file after loading: its id, where it came from, its typed
/// front matter or YAML, and its Markdown body if it has one.
/// A class, not a struct: entries are looked up many times per page, and
/// copying a practice's dozens of fields on every lookup showed in profiles.
@dynamicMemberLookup
public final class Entry<Fields: Sendable>: Sendable {
    public let id: String
    /// Path relative to the site folder.
    public let file: String
    public let fields: Fields
    public let body: MarkdownBody?
    /// A hash of the front matter's text: equal hashes, equal fields, so an
    /// edit of the body alone changes nothing the link stage derives.
    let frontMatterHash: Int

    public init(id: String, file: String, fields: Fields, body: MarkdownBody?) {
        self.id = id
        self.file = file
        self.fields = fields
        self.body = body
        self.frontMatterHash = 0
    }

    init(id: String, file: String, fields: Fields, body: MarkdownBody?, frontMatterHash: Int) {
        self.id = id
        self.file = file
        self.fields = fields
        self.body = body
        self.frontMatterHash = frontMatterHash
    }

    /// The same entry with an empty body text at the same line: its HTML is kept elsewhere.
    func withoutBodyText() -> Entry {
        Entry(id: id, file: file, fields: fields, body: body.map { MarkdownBody(text: "", firstLine: $0.firstLine) },
              frontMatterHash: frontMatterHash)
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<Fields, T>) -> T {
        fields[keyPath: keyPath]
    }
}

/// The Markdown below the front matter and the file line it starts on.
public struct MarkdownBody: Sendable {
    public var text: String
    public var firstLine: Int
}
