import Foundation

/// Dates, periods, sizes and enumerated values in the theme's language.
struct TextFormat: Sendable {
    let strings: [String: String]
    /// The site's language, for the plural forms of counted nouns.
    let language: String
    let monthsGenitive: [String]
    private let monthsNominative: [String]
    var months: [String] { monthsNominative }

    init(strings: [String: String], language: String) {
        self.strings = strings
        self.language = language
        monthsGenitive = (strings["months_genitive"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        monthsNominative = (strings["months"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func t(_ key: String) -> String { strings[key] ?? key }

    /// The noun after `count` in its plural form: `key_one`, `key_few`, `key_many`…
    /// by the language's plural rule, then `key_other`, then the single `key` a
    /// theme made before plural forms existed. «практика», «практики», «практик».
    func countLabel(_ count: Int, _ key: String) -> String {
        let category = PluralCategory.of(count, language: language)
        return strings["\(key)_\(category.rawValue)"] ?? strings["\(key)_other"] ?? t(key)
    }

    /// «4 практики».
    func counted(_ count: Int, _ key: String) -> String {
        "\(count) \(countLabel(count, key))"
    }

    /// «1 сентября 2021» or «сентябрь 2021»; after a preposition that governs
    /// the genitive, a month alone is «января 2021».
    func date(_ day: Day?, monthGenitive: Bool = false) -> String? {
        guard let day else { return nil }
        if let d = day.day, monthsGenitive.count == 12 {
            return "\(d) \(monthsGenitive[day.month - 1]) \(day.year)"
        }
        if day.day == nil, monthGenitive, monthsGenitive.count == 12 {
            return "\(monthsGenitive[day.month - 1]) \(day.year)"
        }
        if day.day == nil, monthsNominative.count == 12 {
            return "\(monthsNominative[day.month - 1]) \(day.year)"
        }
        return day.description
    }

    /// Russian «с» and «до» govern the genitive («с января 2021», «до мая 2022»):
    /// the theme says so with `period_since_case: genitive`. Without the key the
    /// month stays as `months` names it (English «since January 2021», or the
    /// accusative after «по», «по май 2022», which for months is the same form).
    private func monthGenitive(after preposition: String) -> Bool {
        strings[preposition + "_case"] == "genitive"
    }

    func dateRange(_ from: Day, _ to: Day?) -> String {
        guard let to, to != from else { return date(from) ?? "" }
        return "\(date(from) ?? "") — \(date(to) ?? "")"
    }

    func period(_ period: Period?) -> String? {
        period.flatMap { self.period(from: $0.from, to: $0.to) }
    }

    func period(from: Day?, to: Day?) -> String? {
        switch (from, to) {
        case (nil, nil): return nil
        case (let f?, nil): return "\(t("period_since")) \(date(f, monthGenitive: monthGenitive(after: "period_since")) ?? "")"
        case (nil, let e?): return "\(t("period_until")) \(date(e, monthGenitive: monthGenitive(after: "period_until")) ?? "")"
        case (let f?, let e?): return "\(date(f) ?? "") — \(date(e) ?? "")"
        }
    }

    /// «12 КБ», «1,4 МБ».
    func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) \(t("unit_bytes"))" }
        if bytes < 1024 * 1024 { return "\(Int((Double(bytes) / 1024).rounded())) \(t("unit_kb"))" }
        let mb = Double(bytes) / 1024 / 1024
        let text = String(format: "%.1f", mb)
        return "\(t("decimal_separator") == "," ? text.replacingOccurrences(of: ".", with: ",") : text) \(t("unit_mb"))"
    }

    /// The label of an enumerated value: `program_kind_tutoring` in the strings file.
    func label<E: RawRepresentable>(_ prefix: String, _ value: E?) -> String? where E.RawValue == String {
        value.map { t(prefix + "_" + String($0.rawValue.map { $0 == "-" ? "_" : $0 })) }
    }

    /// «PDF», «DOCX», from the file name.
    func fileType(_ path: String) -> String {
        let ext = (path as NSString).pathExtension
        return ext.isEmpty ? t("file_type_unknown") : ext.uppercased()
    }
}
