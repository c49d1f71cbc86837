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
        return rows.map { row in
            var line = ResultLine(indicator: typeset(row.indicator), before: numbers(row.before), after: numbers(row.after),
                                  unit: typeset(row.unit), source: typeset(row.source))
            if let change = ResultChange(row) {
                line.change = change.text(decimalComma: typesetsRussian)
                if let improvement = change.improvement {
                    line.better = improvement > 0
                    line.worse = improvement < 0
                    line.verdict = t(improvement > 0 ? "results_better" : improvement < 0 ? "results_worse" : "results_same")
                }
            }
            line.outcome = row.outcome.flatMap { termLink(.outcomes, $0.value) }
            return line
        }
    }
}
