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

    init(files: [String: FileProse] = [:]) {
        self.files = files
    }

    mutating func replace(_ file: String, with prose: FileProse) {
        files[file] = prose
    }

    /// The HTML of a text the pass rendered; nil for a blank text.
    func html(_ origin: MarkdownOrigin) -> String? {
        let key = origin.key
        return files[key.file]?.html[key]
    }

    /// Attachments linked from Markdown or listed in fields of published entities.
    var usedFiles: Set<String> {
        files.values.reduce(into: Set<String>()) { $0.formUnion($1.usedFiles) }
    }

    var diagnostics: [Diagnostic] { files.values.flatMap(\.diagnostics) }
}
