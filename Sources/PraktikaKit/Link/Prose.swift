import Foundation

/// Where a Markdown text sits in its file: the key under which its HTML is kept.
struct ProseKey: Hashable, Sendable {
    let file: String
    let line: Int
    let column: Int
}

extension MarkdownOrigin {
    var key: ProseKey {
        switch self {
        case .body(let file, let body): return ProseKey(file: file, line: body.firstLine, column: 0)
        case .field(let file, let field): return ProseKey(file: file, line: field.line, column: field.column)
        }
    }
}

/// One Markdown text of a published entity, as the Markdown pass reads it.
struct ProseText {
    var origin: MarkdownOrigin
    /// After rendering, a build lets go of a practice body's text.
    var releasesText = false

    /// Read when rendered, not before: a copy taken earlier would keep a released text alive.
    var text: String {
        switch origin {
        case .body(_, let body): return body.text
        case .field(_, let field): return field.value
        }
    }
}

/// What the Markdown pass made of one content file: its texts as HTML, the
/// attachments they link, the entities they point to and what was wrong.
struct FileProse: Sendable {
    var html: [ProseKey: String] = [:]
    /// A build's practice bodies: their HTML is in the scratch file (`ProseSpill`), not here.
    var stored: [ProseKey: ProseSpill.Slot] = [:]
    var usedFiles: Set<String> = []
    /// `kind:id` of every entity link, resolved or not: when one of these
    /// comes or goes, the file's HTML must be made again (serve).
    var targets: Set<String> = []
    var diagnostics: [Diagnostic] = []
}

/// The link stage's Markdown pass: every published Markdown text rendered
/// once, with links from the root placeholder, so that every page shows the
/// same HTML of it. Attachments in use are known here, before anything renders.
struct Prose: Sendable {
    private(set) var files: [String: FileProse] = [:]
    /// Files whose HTML is made when a page first asks for it (`DeferredProse`).
    private var deferred: DeferredProse?
    private let spill: ProseSpill?

    init(files: [String: FileProse] = [:], deferred: DeferredProse? = nil, spill: ProseSpill? = nil) {
        self.files = files
        self.deferred = deferred
        self.spill = spill
    }

    mutating func replace(_ file: String, with prose: FileProse) {
        files[file] = prose
    }

    /// The HTML of a text the pass rendered; nil for a blank text.
    func html(_ origin: MarkdownOrigin) -> String? {
        let key = origin.key
        guard let file = files[key.file] ?? deferred?.file(key.file) else { return nil }
        return file.html[key] ?? file.stored[key].flatMap { slot in spill?.read(slot) }
    }

    /// Every HTML text of one content file.
    func htmlTexts(of file: String) -> [String] {
        guard let prose = files[file] else { return [] }
        return Array(prose.html.values) + prose.stored.values.compactMap { slot in spill?.read(slot) }
    }

    /// Attachments linked from Markdown or listed in fields of published entities.
    var usedFiles: Set<String> {
        files.values.reduce(into: deferred?.usedFiles ?? []) { $0.formUnion($1.usedFiles) }
    }

    /// How many files' texts wait to be rendered when asked for.
    var deferredCount: Int { deferred?.count ?? 0 }

    var diagnostics: [Diagnostic] { files.values.flatMap(\.diagnostics) }
}

/// Texts the Markdown pass leaves to be rendered when a page asks for them:
/// after edits to practices' text only (`BodyEdits`), the pages of the other
/// practices are the previous build's files, so their HTML is most often not
/// needed at all. Only texts that link no attachment are left (what they
/// use is then their listed attachments), and only those the previous build
/// found nothing wrong in: the same text in the same graph has the same
/// problems, and their warnings are not lost.
final class DeferredProse: @unchecked Sendable {
    typealias Source = (texts: [ProseText], attachments: [String])
    private let renderer: ProseRenderer
    private let sources: [String: Source]
    private let made = Locked<[String: FileProse]>([:])
    let usedFiles: Set<String>

    init(renderer: ProseRenderer, sources: [String: Source]) {
        self.renderer = renderer
        self.sources = sources
        usedFiles = sources.values.reduce(into: []) { $0.formUnion(renderer.listedFiles($1.attachments)) }
    }

    var count: Int { sources.count }

    func file(_ file: String) -> FileProse? {
        guard let source = sources[file] else { return nil }
        if let done = made.withLock({ $0[file] }) { return done }
        let prose = renderer.render(source.texts, attachments: source.attachments)
        made.withLock { $0[file] = prose }
        return prose
    }

    /// Whether texts may link an attachment: a `file:` link, or one spelled
    /// with a character reference. Those are rendered at once.
    static func mayLinkFiles(_ texts: [ProseText]) -> Bool {
        texts.contains { text in
            var source = text.text
            // Over the bytes: Foundation's case-insensitive search took longer than rendering the text.
            return source.withUTF8 { bytes in
                let wanted: [UInt8] = Array("file:".utf8)
                for start in bytes.indices {
                    if bytes[start] == UInt8(ascii: "&") { return true }
                    guard bytes[start] | 0x20 == wanted[0], start + wanted.count <= bytes.count else { continue }
                    if (1..<wanted.count).allSatisfy({ index in
                        let byte = bytes[start + index]
                        return index == wanted.count - 1 ? byte == wanted[index] : byte | 0x20 == wanted[index]
                    }) { return true }
                }
                return false
            }
        }
    }
}
