/// The CLDR plural category of a whole number, which picks the form of the
/// noun after it: Russian needs three («1 практика», «2 практики», «5 практик»),
/// English two. Interface strings give each form under its own key,
/// `stats_practices_one`, `_few`, `_many`, `_other` (see `TextFormat.counted`).
enum PluralCategory: String, CaseIterable, Sendable {
    case zero, one, two, few, many, other

    /// The category of `count` in `language` (an ISO 639-1 code, optionally
    /// with a region, `ru`, `en-GB`), by the CLDR rules for integers
    /// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
    /// Languages not listed here take the rule most languages share: one for 1, other otherwise.
    static func of(_ count: Int, language: String) -> PluralCategory {
        let n = count.magnitude
        let mod10 = n % 10, mod100 = n % 100
        let fewEnding = (2...4).contains(mod10) && !(12...14).contains(mod100)
        switch language.prefix { $0 != "-" && $0 != "_" }.lowercased() {
        case "ru", "uk", "be":
            if mod10 == 1 && mod100 != 11 { return .one }
            return fewEnding ? .few : .many
        case "pl":
            if n == 1 { return .one }
            return fewEnding ? .few : .many
        case "cs", "sk":
            if n == 1 { return .one }
            return (2...4).contains(n) ? .few : .other
        case "fr":
            if n <= 1 { return .one }
            return n % 1_000_000 == 0 ? .many : .other
        case "ja", "zh", "ko", "vi", "th", "id", "ms", "lo", "km", "my":
            return .other
        default:
            return n == 1 ? .one : .other
        }
    }
}
