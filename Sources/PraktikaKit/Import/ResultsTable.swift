import Foundation
import Yams

/// A practice's results table: «показатель | до | после» or «показатель | 2021 | 2023»,
/// numbers read the Russian way (3,1 → 3.1, «48 %» → 48 with unit «%»).
struct ResultsTable {
    let grid: TableGrid
    let indicatorColumn: Int
    let beforeColumn: Int
    let afterColumn: Int
    let unitColumn: Int?
    let sourceColumn: Int?
    /// Value columns between «before» and «after» (intermediate years); reported, not placed.
    let otherValueColumns: [Int]
    let yearsInHeader: Bool

    init?(_ grid: TableGrid) {
        guard grid.columnCount >= 3, grid.rows.count >= 2 else { return nil }
        let header = grid.rows[0].map { $0.text.lowercased() }
        func find(_ stems: [String]) -> Int? {
            header.firstIndex { text in
                let words = FieldLabels.words(text)
                return stems.contains { stem in words.contains { stem.count <= 3 ? $0 == stem : $0.hasPrefix(stem) } }
            }
        }
        let indicator = find(["показател", "критери", "индикатор", "параметр", "результат"]) ?? 0
        let unit = find(["ед", "единиц"])
        let source = find(["источник"])
        var before = find(["до", "было", "начал", "исходн", "входн"])
        var after = find(["после", "стало", "итог", "конечн", "выходн", "достигнут"])
        let years = header.enumerated().filter { index, text in
            index != indicator && text.firstMatch(of: /(19|20)\d\d/) != nil
        }.map(\.offset)
        var yearsInHeader = false
        if before == nil || after == nil, years.count >= 2 {
            before = years.first
            after = years.last
            yearsInHeader = true
        }
        guard let before, let after, before != after, before != indicator, after != indicator else { return nil }
        // Data, not a plan: most value cells are numbers.
        let body = grid.rows.dropFirst()
        let numeric = body.filter { RussianText.number($0[before].text) != nil || RussianText.number($0[after].text) != nil }.count
        guard numeric * 2 >= body.count else { return nil }
        self.grid = grid
        indicatorColumn = indicator
        beforeColumn = before
        afterColumn = after
        unitColumn = unit
        sourceColumn = source
        otherValueColumns = yearsInHeader ? years.filter { $0 != before && $0 != after } : []
        self.yearsInHeader = yearsInHeader
    }

    func rows(place: String, log: ImportLog) -> [Node] {
        let header = grid.rows[0]
        var out: [Node] = []
        for (offset, row) in grid.rows.enumerated().dropFirst() {
            var indicator = RussianText.collapseSpaces(row[indicatorColumn].text.replacingOccurrences(of: "\n", with: " "))
            guard !indicator.isEmpty else { continue }
            var unit = unitColumn.map { row[$0].text }.flatMap { $0.isEmpty ? nil : $0 }
            if indicator.hasSuffix(", %") || indicator.hasSuffix("(%)") || indicator.hasSuffix(" %") {
                unit = unit ?? "%"
                indicator = indicator.replacingOccurrences(of: #"\s*(,\s*%|\(%\)|%)$"#, with: "", options: .regularExpression)
            }
            func value(_ text: String) -> Node? {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { return nil }
                if let number = RussianText.number(trimmed) {
                    if let numberUnit = number.unit, unit == nil { unit = numberUnit }
                    return YAMLOut.number(number.value)
                }
                return YAMLOut.text(trimmed)
            }
            if yearsInHeader {
                indicator += " (" + RussianText.collapseSpaces(header[beforeColumn].text) + " → "
                    + RussianText.collapseSpaces(header[afterColumn].text) + ")"
            }
            let before = value(row[beforeColumn].text)
            let after = value(row[afterColumn].text)
            for column in otherValueColumns where !row[column].isEmpty {
                log.unplaced("\(place), строка \(offset + 1)", header[column].text + ": " + row[column].text,
                             note: "промежуточное значение показателя не вошло в results")
            }
            out.append(YAMLOut.map([
                ("indicator", YAMLOut.text(indicator)),
                ("before", before),
                ("after", after),
                ("unit", YAMLOut.optionalText(unit)),
                ("source", sourceColumn.flatMap { YAMLOut.optionalText(row[$0].text) }),
            ]))
        }
        return out
    }
}
