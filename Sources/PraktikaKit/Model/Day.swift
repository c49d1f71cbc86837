import Foundation
import Yams

/// A calendar date as authors write it: `YYYY-MM-DD`, or `YYYY-MM` where only the month is known.
public struct Day: Sendable, Hashable, Comparable, Decodable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ text: String) {
        let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts[0].count == 4, let year = Int(parts[0]),
              parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        var day: Int?
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), d >= 1, d <= Day.daysIn(month: month, year: year)
            else { return nil }
            day = d
        }
        self.init(year: year, month: month, day: day)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = Day(text) else {
            throw ValueError(LocalizedText(
                en: "`\(text)` is not a real date; expected YYYY-MM-DD or YYYY-MM, e.g. 2021-09-01",
                ru: "«\(text)» — не дата; ожидается ГГГГ-ММ-ДД или ГГГГ-ММ, например 2021-09-01"), at: decoder)
        }
        self = parsed
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO form as written: `2021-09-01` or `2021-09`.
    public var description: String {
        let base = Self.pad(year, 4) + "-" + Self.pad(month, 2)
        return day.map { base + "-" + Self.pad($0, 2) } ?? base
    }

    /// For feeds and sitemaps, which need a full date; a month counts as its first day.
    public var isoDate: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day ?? 1, 2)
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
    }

    public static func today(_ now: Date = Date()) -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: now)
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }
}

/// `{from, to}`; either end may be missing for an open period.
struct Period: Sendable, Hashable, Decodable {
    public var from: Day?
    public var to: Day?
    /// Where the period was written, for "ends before it starts" errors.
    public var line = 0
    public var column = 0

    public init(from: Day?, to: Day?) {
        self.from = from
        self.to = to
    }

    enum CodingKeys: String, CodingKey { case from, to }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decodeIfPresent(Day.self, forKey: .from)
        to = try c.decodeIfPresent(Day.self, forKey: .to)
        (line, column) = sourcePosition(of: decoder)
    }

    /// False when `to` is before `from`; a month counts as all of its days.
    public var isOrdered: Bool {
        guard let from, let to else { return true }
        return (from.year, from.month, from.day ?? 1) <= (to.year, to.month, to.day ?? 31)
    }

    /// Whether this period lies within another; open ends are not compared.
    public func lies(within outer: Period) -> Bool {
        if let start = from, let outerStart = outer.from,
           (start.year, start.month, start.day ?? 31) < (outerStart.year, outerStart.month, outerStart.day ?? 1) { return false }
        if let end = to, let outerEnd = outer.to,
           (end.year, end.month, end.day ?? 1) > (outerEnd.year, outerEnd.month, outerEnd.day ?? 31) { return false }
        return true
    }
}
