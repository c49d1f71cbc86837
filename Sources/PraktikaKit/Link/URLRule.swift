import Foundation

/// The one rule for every address that reaches an `href` or `src` from a
/// content field: http, https, mailto and tel addresses, and relative paths.
/// Anything else — `javascript:` in any case, `data:`, `vbscript:`, an
/// address starting with a space or a control character, a `//host`
/// address that leaves the site — is a content error where it is written,
/// and is never rendered (`allowed` is applied again when pages are made).
enum URLRule {
    static let schemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Why `url` is refused, or nil when it is allowed.
    static func problem(_ url: String) -> LocalizedText? {
        if url.isEmpty { return LocalizedText(en: "the address is empty", ru: "адрес пуст") }
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.properties.isWhitespace && $0 != " " })
            || url.first == " " || url.last == " " {
            return LocalizedText(en: "the address contains spaces at its ends or control characters",
                                 ru: "адрес содержит пробелы по краям или управляющие символы")
        }
        if url.contains("\\") {
            return LocalizedText(en: "the address contains a backslash `\\`", ru: "адрес содержит обратную косую черту `\\`")
        }
        if let scheme = scheme(of: url) {
            let lower = scheme.lowercased()
            guard schemes.contains(lower) else {
                return LocalizedText(en: "the address scheme `\(scheme):` is not allowed; expected http, https, mailto, tel or a relative path",
                                     ru: "схема адреса «\(scheme):» не допускается; ожидается http, https, mailto, tel или относительный путь")
            }
            if lower == "http" || lower == "https" {
                guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty,
                      url.dropFirst(scheme.count + 1).hasPrefix("//") else {
                    return LocalizedText(en: "expected an address like https://example.ru/", ru: "ожидается адрес вида https://example.ru/")
                }
            }
            return nil
        }
        if url.hasPrefix("//") {
            return LocalizedText(en: "an address starting with `//` leads to another site; write https:// in full",
                                 ru: "адрес, начинающийся с «//», ведёт на другой сайт; напишите https:// полностью")
        }
        return nil
    }

    /// The scheme before the first `:`, when what precedes it is a scheme
    /// (a relative path may hold `:` only after a `/`, `?` or `#`).
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let head = url[..<colon]
        guard !head.contains(where: { "/?#".contains($0) }) else { return nil }
        return String(head)
    }

    /// `url` when the rule allows it, else nil: what pages may show.
    public static func allowed(_ url: String?) -> String? {
        guard let url, problem(url) == nil else { return nil }
        return url
    }

    /// Whether `url` names another site (or a mail address or phone) rather than a page of this one.
    static func isExternal(_ url: String) -> Bool { scheme(of: url) != nil }

    /// `base_url` (of site.yaml or --base-url): http or https, a host, a clean
    /// absolute path (no `//`, `.` or `..` segments, no query or fragment).
    static func baseURLProblem(_ url: String) -> LocalizedText? {
        let expected = LocalizedText(en: "expected the site's public address like https://uo.example.ru/praktiki/",
                                     ru: "ожидается публичный адрес сайта вида https://uo.example.ru/praktiki/")
        if problem(url) != nil { return expected }
        guard let scheme = scheme(of: url)?.lowercased(), scheme == "http" || scheme == "https",
              let components = URLComponents(string: url), let host = components.host, !host.isEmpty,
              components.user == nil, components.password == nil, components.query == nil, components.fragment == nil
        else { return expected }
        let path = components.percentEncodedPath
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if !(path.isEmpty || path.hasPrefix("/")) || path.contains("//") || segments.contains(where: { $0 == "." || $0 == ".." })
            || path.lowercased().contains("%2f") || path.lowercased().contains("%5c") {
            return LocalizedText(en: "the path of base_url must be clean: no `//`, `.` or `..`; " + expected.en,
                                 ru: "путь в base_url должен быть простым: без «//», «.» и «..»; " + expected.ru)
        }
        return nil
    }

    /// Every address field of the content.
    static func check(_ content: SiteContent, log: DiagnosticLog) {
        func check(_ field: Located<String>?, _ name: String, _ file: String) {
            guard let field, let problem = problem(field.value) else { return }
            log.add(.error(SourceLocation(file: file, line: field.line, column: field.column), LocalizedText(
                en: "`\(name)`: \(problem.en)", ru: "«\(name)»: \(problem.ru)")))
        }
        let site = "content/site.yaml"
        check(content.site.organisation?.website, "organisation.website", site)
        for item in content.site.menu ?? [] { check(item.url, "menu.url", site) }
        if let base = content.site.baseURL, let problem = baseURLProblem(base.value) {
            log.add(.error(SourceLocation(file: site, line: base.line, column: base.column), LocalizedText(
                en: "`base_url`: \(problem.en)", ru: "«base_url»: \(problem.ru)")))
        }
        for school in content.schools { check(school.website, "website", school.file) }
        for seminar in content.seminars {
            for material in seminar.materials { check(material.url, "materials.url", seminar.file) }
        }
    }
}
