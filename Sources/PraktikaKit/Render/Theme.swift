import Foundation
import Mustache
import Yams

/// A theme: Mustache templates parsed once, interface strings and assets.
/// The default theme ships inside praktika; a site theme overrides single
/// files and falls back to the default for the rest.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    public let templateNames: Set<String>
    /// Interface strings for the site's language (`i18n/<language>.yaml`).
    public let strings: [String: String]
    /// Asset path relative to `assets/` → file on disk; site files win over defaults.
    public let assets: [String: URL]
    /// Where each template came from, for messages.
    public let templateFiles: [String: String]

    /// The folder of the default theme inside praktika's resources.
    public static var builtinDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("DefaultTheme", isDirectory: true)
    }

    /// - Parameters:
    ///   - siteThemeDirectory: the site's `themes/<name>/`, if it has one.
    ///   - displayRoot: the site folder, so messages show paths relative to it.
    public static func load(siteThemeDirectory: URL?, language: String, displayRoot: URL) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let layers = [builtinDirectory] + (siteThemeDirectory.map { [$0] } ?? [])
        func display(_ url: URL) -> String {
            let path = url.standardizedFileURL.path, root = displayRoot.standardizedFileURL.path + "/"
            if path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
            if path.hasPrefix(builtinDirectory.standardizedFileURL.path) {
                return "(built-in theme)" + path.dropFirst(builtinDirectory.standardizedFileURL.path.count)
            }
            return path
        }

        FastHTMLContentType.register()
        var library = MustacheLibrary()
        var names: Set<String> = []
        var sources: [String: String] = [:]
        var texts: [String: String] = [:]
        for layer in layers {
            let folder = layer.appendingPathComponent("templates", isDirectory: true)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where file.hasSuffix(".mustache") {
                let url = folder.appendingPathComponent(file)
                if layer != builtinDirectory, !SiteBoundary.isInside(url.path, root: layer.path) {
                    diagnostics.append(SiteBoundary.outside(display(url), what: "the theme folder"))
                    continue
                }
                let name = String(file.dropLast(".mustache".count))
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    diagnostics.append(.error(SourceLocation(file: display(url)), LocalizedText(
                        en: "cannot read the template as UTF-8 text", ru: "не удаётся прочитать шаблон как текст UTF-8")))
                    continue
                }
                do {
                    // Parsed here only to report syntax errors with the file's own positions.
                    _ = try MustacheTemplate(string: text)
                    names.insert(name)
                    sources[name] = display(url)
                    texts[name] = text
                } catch let error as MustacheTemplate.ParserError {
                    diagnostics.append(.error(SourceLocation(file: display(url), line: error.context.lineNumber, column: error.context.columnNumber), LocalizedText(
                        en: "template syntax error: \(error.error)", ru: "ошибка синтаксиса шаблона: \(error.error)")))
                } catch {
                    diagnostics.append(.error(SourceLocation(file: display(url)), LocalizedText(
                        en: "template error: \(error)", ru: "ошибка шаблона: \(error)")))
                }
            }
        }
        diagnostics += checkPartials(texts, names: names, sources: sources)

        var strings: [String: String] = [:]

        for layer in layers {
            let url = layer.appendingPathComponent("i18n/\(language).yaml")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            switch SourceText.read(url, relativePath: display(url)).flatMap({
                YAMLReader().decode([String: String].self, yaml: $0, lineOffset: 0, file: display(url)).value
            }) {
            case .success(let values):
                // A layer that sets a word (`stats_practices: "кейсов"`) and not its
                // variants (`stats_practices_few`, `period_until_case`) means its own
                // word: the variants of the layers below must not win over it.
                for key in values.keys {
                    for suffix in Self.variantSuffixes where values[key + suffix] == nil { strings[key + suffix] = nil }
                }
                strings.merge(values) { _, new in new }
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        if strings.isEmpty {
            diagnostics.append(.error(SourceLocation(file: "themes"), LocalizedText(
                en: "the theme has no interface strings for language `\(language)` (i18n/\(language).yaml)",
                ru: "в теме нет строк интерфейса для языка «\(language)» (i18n/\(language).yaml)")))
        }

        // A typed model's template may read only the model's names: a typo renders as nothing.
        for (name, model) in TemplateCheck.typedRoots.sorted(by: { $0.key < $1.key }) {
            guard let text = texts[name] else { continue }
            for unknown in TemplateCheck.unknownNames(in: text, root: model) {
                let known = TemplateFields.names(of: model).keys.sorted()
                let hint = Suggestions.hint(Suggestions.closest(to: unknown.name, among: known))
                // A page has dozens of names; the closest one says more than all of them.
                let list = known.count > 12 ? "" : " (it has: \(known.joined(separator: ", ")))"
                let listRU = known.count > 12 ? "" : " (есть: \(known.joined(separator: ", ")))"
                diagnostics.append(.error(SourceLocation(file: sources[name] ?? name, line: unknown.line, column: unknown.column), LocalizedText(
                    en: "the template reads `\(unknown.name)`, which the \(name) template's model does not have\(list)\(hint.en)",
                    ru: "шаблон читает «\(unknown.name)», а в модели шаблона \(name) такого поля нет\(listRU)\(hint.ru)")))
            }
        }

        for (name, text) in texts {
            do {
                try library.register(TemplateConstants.inline(text, strings: strings), named: name)
            } catch {
                diagnostics.append(.error(SourceLocation(file: sources[name] ?? name), LocalizedText(
                    en: "template error: \(error)", ru: "ошибка шаблона: \(error)")))
            }
        }

        var assets: [String: URL] = [:]
        for layer in layers {
            let folder = layer.appendingPathComponent("assets", isDirectory: true)
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let url = folder.appendingPathComponent(relative)
                // A site theme's asset that links out of the theme would publish any file of the machine.
                if layer != builtinDirectory, !SiteBoundary.isInside(url.path, root: layer.path) {
                    diagnostics.append(SiteBoundary.outside(display(url), what: "the theme folder"))
                    enumerator.skipDescendants()
                    continue
                }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   !url.lastPathComponent.hasPrefix(".") {
                    assets[relative] = url
                }
            }
        }
        let theme = Theme(library: library, templateNames: names, strings: strings, assets: assets, templateFiles: sources)
        return (diagnostics.contains { $0.severity == .error } ? nil : theme, diagnostics)
    }

    /// The keys that vary a word: its plural forms (`TextFormat.countLabel`) and
    /// the case a preposition takes (`TextFormat.period`).
    static let variantSuffixes = PluralCategory.allCases.map { "_" + $0.rawValue } + ["_case"]

    /// swift-mustache renders a missing partial as nothing; a theme with a
    /// typo in a partial name must fail loudly instead.
    private static func checkPartials(_ texts: [String: String], names: Set<String>, sources: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let pattern = try! NSRegularExpression(pattern: #"\{\{\s*[><]\s*([A-Za-z0-9_\-./]+)\s*\}\}"#)
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let string = String(line)
                for match in pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)) {
                    let partial = (string as NSString).substring(with: match.range(at: 1))
                    if !names.contains(partial) {
                        diagnostics.append(.error(SourceLocation(file: sources[name] ?? name, line: index + 1, column: match.range.location + 1), LocalizedText(
                            en: "template `\(partial)` does not exist (templates/\(partial).mustache)",
                            ru: "шаблона «\(partial)» нет (templates/\(partial).mustache)")))
                    }
                }
            }
        }
        return diagnostics
    }

    /// Renders a template with a dictionary or a typed model (`TemplateModel`);
    /// a missing template is an error, never an empty page.
    public func render(_ template: String, _ context: Any) throws -> String {
        let root: Any = (context as? [String: Any]).map { RootModel(values: $0) } ?? context
        guard templateNames.contains(template), let html = library.render(root, withTemplate: template) else {
            throw ContentErrors([.error(SourceLocation(file: "themes"), LocalizedText(
                en: "the theme has no template `\(template)` (templates/\(template).mustache)",
                ru: "в теме нет шаблона «\(template)» (templates/\(template).mustache)"))])
        }
        return html
    }

    public func string(_ key: String) -> String { strings[key] ?? key }
}
