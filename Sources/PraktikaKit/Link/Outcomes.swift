import Foundation

/// A published practice's result for an outcome of the `outcomes` vocabulary:
/// what makes results comparable across practices (EEF, WWC).
struct OutcomeResult: Sendable {
    let practice: String
    /// The row of the practice's results table.
    let row: Int
    let unit: String
    let change: ResultChange?
}

/// The change from before to after, read from numbers as authors write them
/// («18», «18,5», «45 %»), and whether it went the better way.
struct ResultChange: Sendable, Equatable {
    let before: Double
    let after: Double
    let direction: ResultRow.Direction?

    init?(_ row: ResultRow) {
        guard let before = Self.number(row.before), let after = Self.number(row.after) else { return nil }
        self.before = before
        self.after = after
        direction = row.direction?.value
    }

    var difference: Double { after - before }

    /// The change measured the better way: positive is an improvement; nil without a direction.
    var improvement: Double? {
        direction.map { $0 == .up ? difference : -difference }
    }

    /// «+33», «−9», «+2,5»: signed, in the site language's decimal form.
    func text(decimalComma: Bool) -> String {
        let digits = Self.plain(abs(difference), decimals: 1, decimalComma: decimalComma)
        return digits == "0" ? "0" : (difference > 0 ? "+" : "−") + digits
    }

    /// «12», «12,5»: rounded to `decimals` places, without a needless «,0».
    static func plain(_ value: Double, decimals: Int, decimalComma: Bool) -> String {
        let scale = pow(10, Double(decimals)), rounded = (value * scale).rounded() / scale
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.\(decimals)f", rounded)
            .replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// The first number in a text, with a decimal comma or point; nil when there is none.
    static func number(_ text: String?) -> Double? {
        guard let text else { return nil }
        var digits = "", started = false
        for char in text {
            if char.isASCII && char.isNumber { digits.append(char); started = true; continue }
            if started && (char == "," || char == ".") && !digits.contains(".") { digits.append("."); continue }
            if !started && (char == "-" || char == "−") { digits = "-"; continue }
            if started { break }
            if !char.isWhitespace { digits = "" }
        }
        if digits.hasSuffix(".") { digits.removeLast() }
        return Double(digits)
    }
}

extension Linker {
    /// Every published result with an outcome, per outcome: the unit most
    /// results use first, and in each unit the largest improvement first.
    static func outcomeResults(_ graph: SiteGraph) -> [String: [OutcomeResult]] {
        var byOutcome: [String: [OutcomeResult]] = [:]
        for id in graph.practiceOrder {
            guard let practice = graph.practices[id] else { continue }
            for (index, row) in practice.results.enumerated() {
                guard let outcome = row.outcome?.value, graph.term(.outcomes, outcome) != nil else { continue }
                byOutcome[outcome, default: []].append(
                    OutcomeResult(practice: id, row: index, unit: row.unit?.trimmingSpaces ?? "", change: ResultChange(row)))
            }
        }
        return byOutcome.mapValues { results in
            let unitCounts = Dictionary(grouping: results, by: \.unit).mapValues(\.count)
            return results.enumerated().sorted { a, b in
                let (x, y) = (a.element, b.element)
                if x.unit != y.unit {
                    let (cx, cy) = (unitCounts[x.unit]!, unitCounts[y.unit]!)
                    return cx != cy ? cx > cy : x.unit < y.unit
                }
                let (ix, iy) = (x.change?.improvement ?? -.infinity, y.change?.improvement ?? -.infinity)
                return ix != iy ? ix > iy : a.offset < b.offset
            }.map(\.element)
        }
    }
}
