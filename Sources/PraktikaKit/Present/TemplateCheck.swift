import Foundation

/// Checks that a template rendered with a typed model reads only names the
/// model has: a misspelt `{{sumary}}` renders as nothing in Mustache, so
/// without this check a theme's typo (or a renamed field) fails silently.
enum TemplateCheck {
    /// Every template of the default theme and the model it is rendered with.
    /// A partial reads the model of the page that includes it (`pagination`:
    /// the catalog's and a term's pages, which both have one).
    static let typedRoots: [String: any TemplateModel.Type] = [
        "layout": PageFrame.self, "site-header": SiteChrome.self, "site-footer": SiteChrome.self,
        "breadcrumbs": BreadcrumbTrail.self, "pagination": Page<CatalogPage>.self,
        "home": Page<HomePage>.self, "search": Page<SearchPage>.self, "404": Page<NotFoundPage>.self,
        "practices": Page<CatalogPage>.self, "practice": Page<PracticePage>.self, "term": Page<TermPage>.self,
        "vocabulary": Page<VocabularyPage>.self,
        "schools": Page<SchoolIndexPage>.self, "school": Page<SchoolPage>.self,
        "networks": Page<NetworkIndexPage>.self, "network": Page<NetworkPage>.self,
        "programs": Page<ProgramIndexPage>.self, "program": Page<ProgramPage>.self,
        "seminars": Page<SeminarIndexPage>.self, "seminar": Page<SeminarPage>.self,
        "digests": Page<DigestIndexPage>.self, "digest-page": Page<DigestPage>.self, "digest": Page<DigestPage>.self,
        "registers": Page<RegisterIndexPage>.self, "register": Page<RegisterPage>.self,
        "materials": Page<MaterialsPage>.self, "people": Page<PeopleIndexPage>.self, "person": Page<PersonPage>.self,
        "practice-card": PracticeCard.self, "school-link": SchoolLink.self, "seminar-card": SeminarCard.self,
        "term-tag": TermLink.self, "search-filter": SearchFilter.self,
    ]

    struct UnknownName: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// The names the template reads that no model on the section stack has.
    static func unknownNames(in template: String, root: any TemplateModel.Type) -> [UnknownName] {
        // Each open section: the model whose names it adds (nil: a section on text or a flag).
        var stack: [(name: String, model: (any TemplateModel.Type)?)] = [("", root)]
        var unknown: [UnknownName] = []
        func lookup(_ name: String) -> (found: Bool, opens: (any TemplateModel.Type)?) {
            for frame in stack.reversed() {
                guard let model = frame.model, let opens = TemplateFields.names(of: model)[name] else { continue }
                return (true, opens)
            }
            return (false, nil)
        }
        for tag in tags(in: template) {
            var body = tag.body
            let sigil = body.first.map(String.init) ?? ""
            if ["!", ">", "<", "$", "="].contains(sigil) { continue }
            if ["#", "^", "/", "&"].contains(sigil) { body.removeFirst() }
            var name = body.trimmingCharacters(in: .whitespaces)
            // A transform, `empty(topics)`, reads the name inside the brackets.
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            }
            if sigil == "/" {
                if let index = stack.lastIndex(where: { $0.name == body.trimmingCharacters(in: .whitespaces) }) { stack.removeSubrange(index...) }
                continue
            }
            // `.` is the current item; `t.…` are the theme's strings, put in when it loads.
            if name == "." || name.hasPrefix("t.") || name.isEmpty { continue }
            let first = String(name.split(separator: ".").first ?? "")
            let (found, opens) = lookup(first)
            if !found {
                unknown.append(UnknownName(name: first, line: tag.line, column: tag.column))
            }
            if sigil == "#" || sigil == "^" {
                stack.append((body.trimmingCharacters(in: .whitespaces), found ? opens : nil))
            }
        }
        return unknown
    }

    /// `{{…}}` and `{{{…}}}` tags with their 1-based line and column.
    private static func tags(in text: String) -> [(body: String, line: Int, column: Int)] {
        var found: [(body: String, line: Int, column: Int)] = []
        let chars = Array(text)
        var index = 0, line = 1, column = 1
        while index < chars.count {
            if chars[index] == "{", index + 1 < chars.count, chars[index + 1] == "{" {
                let triple = index + 2 < chars.count && chars[index + 2] == "{"
                let start = index + (triple ? 3 : 2)
                var end = start
                while end + 1 < chars.count, !(chars[end] == "}" && chars[end + 1] == "}") { end += 1 }
                found.append((String(chars[start..<min(end, chars.count)]), line, column))
                let stop = min(chars.count, end + (triple ? 3 : 2))
                for char in chars[index..<stop] {
                    if char == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = stop
                continue
            }
            if chars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return found
    }
}
