/// Where pages use the typographic rules: Markdown's HTML, a practice's own
/// title and summary, results tables, and the whole print document of a digest.
/// Only for sites in Russian.
extension PageContext {
    var typesetsRussian: Bool { env.site.language.lowercased().hasPrefix("ru") }

    func typeset(_ text: String?) -> String? {
        guard let text, typesetsRussian else { return text }
        return RussianTypography.text(text)
    }

    func typesetHTML(_ html: String, forPrint: Bool = false) -> String {
        typesetsRussian ? RussianTypography.html(html, joinsCompounds: forPrint) : html
    }

    /// The rows of a results table: numbers in the language's form.
    func resultRows(_ rows: [ResultRow]) -> [ResultLine] {
        let numbers: (String?) -> String? = { value in
            guard let value, self.typesetsRussian else { return value }
            return RussianTypography.numbers(RussianTypography.text(value))
        }
        return rows.map {
            ResultLine(indicator: typeset($0.indicator), before: numbers($0.before), after: numbers($0.after),
                       unit: typeset($0.unit), source: typeset($0.source))
        }
    }
}
