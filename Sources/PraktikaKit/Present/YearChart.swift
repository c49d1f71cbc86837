import Foundation

/// Values by year drawn at build time as a small inline SVG: the measured
/// values as a line, the baseline as an open dot, the target as a dashed line.
/// The chart is a picture of the table printed with it (which screen readers
/// and the low-vision mode read), so it is hidden from assistive technology.
/// Colours are attributes, for the PDF printer; the site's stylesheet (its
/// low-vision schemes) overrides them, as CSS beats presentation attributes.
struct YearChart {
    struct Point { let year: Int; let value: Double }

    let values: [Point]
    var baseline: Point?
    var target: Point?
    /// Formats a value as the page writes it («12,5»).
    let label: (Double) -> String
    /// «цель», written at the end of the target's line.
    var targetCaption = ""

    private let width = 320.0, height = 150.0, left = 36.0, right = 24.0, top = 16.0, bottom = 24.0

    func svg() -> String? {
        let all = values + [baseline, target].compactMap { $0 }
        guard !all.isEmpty else { return nil }
        let years = all.map(\.year), low = years.min()!, high = max(years.max()!, low + 1)
        let top = all.map(\.value).max()!, floor = min(0, all.map(\.value).min()!)
        let span = top - floor == 0 ? 1 : (top - floor) * 1.15
        func x(_ year: Int) -> Double { left + Double(year - low) / Double(high - low) * (width - left - right) }
        func y(_ value: Double) -> Double { height - bottom - (value - floor) / span * (height - self.top - bottom) }
        func n(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = "<svg class=\"year-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        out += "width=\"\(Int(width))\" height=\"\(Int(height))\" aria-hidden=\"true\" focusable=\"false\">"
        out += "<line class=\"axis\" stroke=\"#999\" x1=\"\(n(left))\" y1=\"\(n(height - bottom))\" x2=\"\(n(width - right))\" y2=\"\(n(height - bottom))\"/>"
        for year in Set(years).sorted() {
            out += "<text class=\"tick\" font-size=\"11\" fill=\"#555\" x=\"\(n(x(year)))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">\(year)</text>"
        }
        if let target {
            out += "<line class=\"target\" stroke=\"#1e4d12\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\" x1=\"\(n(left))\" y1=\"\(n(y(target.value)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(target.value)))\"/>"
            out += "<circle class=\"target-point\" fill=\"#fff\" stroke=\"#1e4d12\" stroke-width=\"2\" cx=\"\(n(x(target.year)))\" cy=\"\(n(y(target.value)))\" r=\"4\"/>"
            // At the line's right end, away from the measured values' labels.
            let caption = (targetCaption.isEmpty ? "" : targetCaption + " ") + label(target.value)
            let below = y(target.value) + 13, captionY = below > height - bottom - 2 ? y(target.value) - 6 : below
            out += "<text class=\"value target-value\" font-size=\"11\" fill=\"#1e4d12\" x=\"\(n(width - right))\" y=\"\(n(captionY))\" text-anchor=\"end\">\(XMLText.escape(caption))</text>"
        }
        let line = ([baseline].compactMap { $0 } + values).sorted { $0.year < $1.year }
        if line.count > 1 {
            out += "<polyline class=\"measured\" fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2\" points=\"" + line.map { "\(n(x($0.year))),\(n(y($0.value)))" }.joined(separator: " ") + "\"/>"
        }
        if let baseline {
            out += "<circle class=\"baseline-point\" fill=\"#fff\" stroke=\"#0b5394\" stroke-width=\"2\" cx=\"\(n(x(baseline.year)))\" cy=\"\(n(y(baseline.value)))\" r=\"4\"/>"
        }
        for point in values {
            out += "<circle class=\"measured-point\" fill=\"#0b5394\" cx=\"\(n(x(point.year)))\" cy=\"\(n(y(point.value)))\" r=\"4\"/>"
        }
        for point in [baseline].compactMap({ $0 }) + values {
            out += "<text class=\"value\" font-size=\"11\" fill=\"#1b1f24\" x=\"\(n(x(point.year)))\" y=\"\(n(y(point.value) - 8))\" text-anchor=\"middle\">\(XMLText.escape(label(point.value)))</text>"
        }
        return out + "</svg>"
    }
}
