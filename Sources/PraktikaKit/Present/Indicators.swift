import Foundation

/// A series of yearly values — a program's indicator or a school's
/// monitoring — as a chart and the table it draws.
struct SeriesModel: TemplateModel {
    let name: String
    let unit: String?
    let rows: [Row]
    let chart: String?

    static let fields: [String: TemplateField<Self>] = [
        "name": .text(\.name), "unit": .text(\.unit), "rows": .list(\.rows), "chart": .text(\.chart),
    ]

    struct Row: TemplateModel {
        let year: String
        /// «базовое значение», «цель», or nothing for a measured value.
        let kind: String?
        let value: String
        let source: String?

        static let fields: [String: TemplateField<Self>] = [
            "year": .text(\.year), "kind": .text(\.kind), "value": .text(\.value), "source": .text(\.source),
        ]
    }
}

extension PageContext {
    /// «12,5»: a value in the site's language, without a needless «,0».
    func number(_ value: Double) -> String {
        ResultChange.plain(value, decimals: 2, decimalComma: typesetsRussian)
    }

    func indicatorSeries(_ indicator: MeasuredIndicator) -> SeriesModel {
        var rows: [SeriesModel.Row] = []
        if let baseline = indicator.baseline {
            rows.append(.init(year: String(baseline.year.value), kind: t("indicator_baseline"), value: number(baseline.value), source: nil))
        }
        rows += indicator.actual.sorted { $0.year.value < $1.year.value }.map {
            .init(year: String($0.year.value), kind: nil, value: number($0.value), source: nil)
        }
        if let target = indicator.target {
            rows.append(.init(year: String(target.year.value), kind: t("indicator_target"), value: number(target.value), source: nil))
        }
        func point(_ value: YearValue?) -> YearChart.Point? { value.map { .init(year: $0.year.value, value: $0.value) } }
        let chart = YearChart(values: indicator.actual.map { .init(year: $0.year.value, value: $0.value) },
                              baseline: point(indicator.baseline), target: point(indicator.target), label: number,
                              targetCaption: t("indicator_target")).svg()
        return SeriesModel(name: indicator.name, unit: indicator.unit, rows: rows, chart: chart)
    }

    /// A school's monitoring, one series per indicator (and unit), in the order first written.
    func monitoringSeries(_ school: Entry<School>) -> [SeriesModel] {
        var order: [String] = [], byKey: [String: [MonitoringValue]] = [:]
        for value in school.monitoring {
            let key = value.indicator + "|" + (value.unit ?? "")
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(value)
        }
        return order.map { key in
            let values = byKey[key]!.sorted { $0.year.value < $1.year.value }
            let rows = values.map { SeriesModel.Row(year: String($0.year.value), kind: nil, value: number($0.value), source: $0.source) }
            let chart = values.count > 1 ? YearChart(values: values.map { .init(year: $0.year.value, value: $0.value) }, label: number).svg() : nil
            return SeriesModel(name: values[0].indicator, unit: values[0].unit, rows: rows, chart: chart)
        }
    }
}
