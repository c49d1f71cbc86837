import Foundation

/// Reading Russian office prose: month names and periods, dates of orders,
/// numbers with a decimal comma, list markers typed by hand, transliterated ids.
enum RussianText {
    private static let monthStems: [(String, Int)] = [
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7),
        ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ]

    /// `май`, `мая`, `сентябрь`, `сентября`, `Сентябрь` → month number.
    static func month(_ word: String) -> Int? {
        let lower = word.lowercased()
        if lower == "май" || lower == "мая" || lower == "мае" { return 5 }
        for (stem, number) in monthStems where stem != "ма" && lower.hasPrefix(stem) && lower.count <= stem.count + 3 {
            return number
        }
        return nil
    }

    /// «сентябрь-октябрь 2020», «октябрь 2020- апрель 2021», «май2023г. - сентябрь2023г.»,
    /// «май – август 2021», «сентябрь – май» with `defaultYear`. The first month's year is
    /// the last one's (or the year before when the range crosses New Year).
    static func period(in text: String, defaultYear: Int? = nil) -> Period? {
        var found: [(month: Int, year: Int?)] = []
        let words = tokens(text)
        var index = 0
        while index < words.count {
            if let m = month(words[index]) {
                var year: Int?
                if index + 1 < words.count, let y = Int(words[index + 1]), (1990...2100).contains(y) {
                    year = y
                    index += 1
                }
                found.append((m, year))
            }
            index += 1
        }
        guard let first = found.first, let last = found.last else { return nil }
        guard let endYear = last.year ?? first.year ?? defaultYear else { return nil }
        let startYear = first.year ?? (first.month <= last.month ? endYear : endYear - 1)
        return Period(from: Day(year: startYear, month: first.month), to: Day(year: endYear, month: last.month))
    }

    /// Words and numbers, with «2023г.» split into «2023» and «г».
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var currentIsDigit = false
        for character in text {
            let isLetter = character.isLetter
            let isDigit = character.isNumber
            if (isLetter || isDigit) && (current.isEmpty || currentIsDigit == isDigit) {
                current.append(character)
                currentIsDigit = isDigit
            } else {
                if !current.isEmpty { out.append(current) }
                current = (isLetter || isDigit) ? String(character) : ""
                currentIsDigit = isDigit
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// «20 августа 2020», «23.03.2020», ««20» августа 2020 г.».
    static func date(in text: String) -> Day? {
        if let match = text.firstMatch(of: /(\d{1,2})\.(\d{1,2})\.(\d{4})/),
           let d = Int(match.1), let m = Int(match.2), let y = Int(match.3), (1...12).contains(m), (1...31).contains(d) {
            return Day(year: y, month: m, day: d)
        }
        let words = tokens(text)
        for index in words.indices.dropLast(2) {
            if let d = Int(words[index]), (1...31).contains(d), let m = month(words[index + 1]),
               let y = Int(words[index + 2]), (1990...2100).contains(y) {
                return Day(year: y, month: m, day: d)
            }
        }
        return nil
    }

    /// «УТВЕРЖДЕНА приказом Управления образования … от 20 августа 2020 г. № 472»;
    /// also «… № 472 от 20.08.2020». A «№» inside the issuer's name («директора СОШ № 5») stays in `by`.
    static func approval(in text: String) -> (by: String?, number: String?, date: Day?)? {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        guard let start = flat.range(of: "утвержден", options: .caseInsensitive) else { return nil }
        let rest = String(flat[start.upperBound...].prefix(600))
        let kinds = ["приказом": "Приказ", "постановлением": "Постановление", "распоряжением": "Распоряжение", "решением": "Решение"]
        var by: String?
        var number: String?
        var date: Day?
        if let act = rest.firstMatch(of: /(?i)(приказом|постановлением|распоряжением|решением)\s+(.+?)\s+от\s+(.{6,40})/) {
            var issuer = collapseSpaces(String(act.2))
            date = Self.date(in: String(act.3))
            let afterDate = String(act.3)
            if let after = afterDate.firstMatch(of: /№\s*([0-9A-Za-zА-Яа-я\/\-]+)/) {
                number = String(after.1)
            } else if let trailing = issuer.firstMatch(of: /\s*№\s*([0-9A-Za-zА-Яа-я\/\-]+)$/) {
                number = String(trailing.1)
                issuer = String(issuer[..<trailing.range.lowerBound])
            }
            by = (kinds[act.1.lowercased()] ?? String(act.1)) + " " + issuer
        } else if let match = rest.firstMatch(of: /№\s*([0-9A-Za-zА-Яа-я\/\-]+)/) {
            number = String(match.1)
            if let from = rest.firstMatch(of: /от\s+(.{6,30})/) { date = Self.date(in: String(from.1)) }
        }
        if by == nil && number == nil && date == nil { return nil }
        return (by, number, date)
    }

    /// «3,1» → 3.1, «48 %» → 48 (unit «%»), «1 250» → 1250; nil for text.
    static func number(_ text: String) -> (value: Double, unit: String?)? {
        var cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var unit: String?
        if cleaned.hasSuffix("%") {
            unit = "%"
            cleaned.removeLast()
        }
        cleaned = cleaned.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        return (value, unit)
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }).joined(separator: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Hand-typed list markers: «1.», «1)», «-», «–», «·», «•», «*», «a)».
    static func stripListMarker(_ text: String) -> (text: String, numbered: Bool, marked: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let match = trimmed.prefixMatch(of: /(\d{1,2})(?:\.\d{1,2})*[.)]\s*/) {
            let rest = trimmed[match.range.upperBound...]
            // «2020 год», «3,1» are not markers; «1.Достижение» is.
            if !rest.isEmpty { return (String(rest), true, true) }
        }
        if let first = trimmed.first, "-–—·•*▪●○◦".contains(first) {
            return (String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces), false, true)
        }
        return (trimmed, false, false)
    }

    private static let latin: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
        "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    /// «Наставнические пары в СОШ № 20» → `nastavnicheskie-pary-sosh-20`, at most `words` words.
    static func slug(_ title: String, words: Int = 6) -> String {
        var out = ""
        for character in title.lowercased() {
            if let mapped = latin[character] {
                out += mapped
            } else if character.isASCII && (character.isLetter || character.isNumber) {
                out.append(character)
            } else {
                out += "-"
            }
        }
        // One-letter words («в», «и», «г.» for город) make ids longer, not clearer.
        let pieces: [Substring] = out.split(separator: "-")
        let parts = pieces.filter { $0.count > 1 || $0.allSatisfy(\.isNumber) }.prefix(words)
        return parts.joined(separator: "-")
    }
}
