/// One content file after loading: its id, where it came from, its typed
/// front matter or YAML, and its Markdown body if it has one.
/// A class, not a struct: entries are looked up many times per page, and
/// copying a practice's dozens of fields on every lookup showed in profiles.
@dynamicMemberLookup
final class Entry<Fields: Sendable>: Sendable {
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

    public subscript<T>(dynamicMember keyPath: KeyPath<Fields, T>) -> T {
        fields[keyPath: keyPath]
    }
}

/// The Markdown below the front matter and the file line it starts on.
struct MarkdownBody: Sendable {
    private let source: Locked<String>
    public let firstLine: Int

    public init(text: String, firstLine: Int) {
        source = Locked(text)
        self.firstLine = firstLine
    }

    /// Empty once a build's Markdown pass has made the HTML and let go of the text.
    public var text: String { source.current }

    /// A big bank's bodies are as large as their HTML: a build keeps only one of the two.
    func releaseText() { source.withLock { $0 = "" } }
}
