import Foundation

/// A place in a content file. Lines and columns are 1-based; 0 means "unknown".
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Path relative to the site folder, e.g. `content/practices/mentoring.md`.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem found in the content or the theme, ready to be shown to an author.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: LocalizedText

    public init(_ severity: Severity, at location: SourceLocation, _ message: LocalizedText) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: LocalizedText) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: LocalizedText) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `path:line:column: error: message`, the form editors and compilers understand.
    public func formatted(language: String) -> String {
        let kind: String
        switch (severity, language) {
        case (.error, "ru"): kind = "ошибка"
        case (.warning, "ru"): kind = "предупреждение"
        default: kind = severity.rawValue
        }
        return "\(location): \(kind): \(message.text(language))"
    }

    public var description: String { formatted(language: "en") }
}

/// A message in the languages praktika speaks to authors; Russian for `ru` sites.
public struct LocalizedText: Sendable, Hashable {
    public var en: String
    public var ru: String

    public init(en: String, ru: String) {
        self.en = en
        self.ru = ru
    }

    public func text(_ language: String) -> String { language == "ru" ? ru : en }
}

/// Thrown when a stage found errors; carries every diagnostic of the run.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// The site's language, for the messages; `ru` until site.yaml says otherwise.
    public var language: String

    public init(_ diagnostics: [Diagnostic], language: String = "ru") {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
        self.language = language
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics from concurrent work.
final class DiagnosticLog: Sendable {
    private let items = Locked<[Diagnostic]>([])

    func add(_ diagnostic: Diagnostic) {
        items.withLock { $0.append(diagnostic) }
    }

    func add(contentsOf diagnostics: [Diagnostic]) {
        items.withLock { $0.append(contentsOf: diagnostics) }
    }

    /// Sorted, each once: Markdown shown on several pages reports its problem once.
    var all: [Diagnostic] {
        var seen: Set<String> = []
        return items.current.sorted { $0.location < $1.location }.filter { seen.insert("\($0.severity) \($0.description)").inserted }
    }

    /// `--strict`: every warning becomes an error, reported once.
    func promoteWarnings() {
        items.withLock { $0 = $0.map { Diagnostic(.error, at: $0.location, $0.message) } }
    }

    var hasErrors: Bool { all.contains { $0.severity == .error } }
}
