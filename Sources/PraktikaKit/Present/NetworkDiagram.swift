/// The network drawn at build time as inline SVG: leader schools on top,
/// supported schools below, an arrow from each leader to each school it
/// supports. Every node links to the school's page; no script is needed.
struct NetworkDiagram {
    let title: String
    let caption: String
    let leaders: [SchoolLink]
    let members: [SchoolLink]

    private let nodeWidth = 200, nodeHeight = 56, gap = 24, rowGap = 90, margin = 8

    func svg() -> String? {
        guard !leaders.isEmpty, !members.isEmpty else { return nil }
        let columns = max(leaders.count, members.count)
        let width = columns * nodeWidth + (columns - 1) * gap + 2 * margin
        let height = 2 * nodeHeight + rowGap + 2 * margin
        let leaderXs = xs(count: leaders.count, width: width)
        let memberXs = xs(count: members.count, width: width)
        let topY = margin, bottomY = margin + nodeHeight + rowGap

        var out = "<svg class=\"network-diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
        out += "width=\"\(width)\" height=\"\(height)\" role=\"group\" aria-label=\"\(escape(caption)): \(escape(title))\">"
        out += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
        out += "<path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"edge-head\"/></marker></defs>"
        for lx in leaderXs {
            for mx in memberXs {
                out += "<line class=\"edge\" x1=\"\(lx + nodeWidth / 2)\" y1=\"\(topY + nodeHeight)\" "
                out += "x2=\"\(mx + nodeWidth / 2)\" y2=\"\(bottomY - 2)\" marker-end=\"url(#arrow)\"/>"
            }
        }
        for (school, x) in zip(leaders, leaderXs) { out += node(school, x: x, y: topY, cssClass: "leader") }
        for (school, x) in zip(members, memberXs) { out += node(school, x: x, y: bottomY, cssClass: "member") }
        return out + "</svg>"
    }

    private func xs(count: Int, width: Int) -> [Int] {
        let row = count * nodeWidth + (count - 1) * gap
        let start = (width - row) / 2
        return (0..<count).map { start + $0 * (nodeWidth + gap) }
    }

    private func node(_ school: SchoolLink, x: Int, y: Int, cssClass: String) -> String {
        let lines = wrap(school.shortName, width: 24).prefix(2)
        var out = "<a href=\"\(escape(school.href))\" class=\"node \(cssClass)\"><title>\(escape(school.name))</title>"
        out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(nodeWidth)\" height=\"\(nodeHeight)\" rx=\"8\"/>"
        let firstBaseline = y + nodeHeight / 2 + (lines.count == 1 ? 5 : -4)
        out += "<text x=\"\(x + nodeWidth / 2)\" y=\"\(firstBaseline)\" text-anchor=\"middle\">"
        for (index, line) in lines.enumerated() {
            out += "<tspan x=\"\(x + nodeWidth / 2)\" dy=\"\(index == 0 ? 0 : 18)\">\(escape(line))</tspan>"
        }
        return out + "</text></a>"
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) } else if current.count + word.count + 1 <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > 2 { lines[1] = lines[1...].joined(separator: " ").prefix(width - 1) + "…" }
        return lines
    }

    private func escape(_ text: String) -> String { XMLText.escape(text) }
}

enum XMLText {
    static func escape(_ text: String) -> String { FastHTMLContentType.escape(text) }
}
