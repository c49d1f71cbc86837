import Foundation
import Yams

/// YAML written through Yams' emitter, so quoting is never done by hand: text that
/// YAML would read as something else (`1`, `yes`, `2020-09`) is double-quoted,
/// multi-line Markdown is a literal block.
enum YAMLOut {
    static func text(_ value: String) -> Node {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains("\n") { return Node(trimmed + "\n", .implicit, .literal) }
        let plain = Node(trimmed)
        return Resolver.default.resolveTag(of: plain) == .str ? plain : Node(trimmed, .implicit, .doubleQuoted)
    }

    static func optionalText(_ value: String?) -> Node? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text(value)
    }

    /// A value YAML must read as written: a date, a month, a number.
    static func plain(_ value: String) -> Node { Node(value, .implicit, .plain) }

    static func number(_ value: Double) -> Node {
        if value == value.rounded(), abs(value) < 1e15 { return plain(String(Int(value))) }
        return plain(String(value))
    }

    static func day(_ day: Day) -> Node { plain(day.description) }

    static func period(_ period: Period) -> Node {
        var pairs: [(String, Node?)] = []
        pairs.append(("from", period.from.map(day)))
        pairs.append(("to", period.to.map(day)))
        return map(pairs, flow: true)
    }

    static func list(_ values: [Node]) -> Node? { values.isEmpty ? nil : Node(values) }

    static func textList(_ values: [String]) -> Node? {
        list(values.compactMap(optionalText))
    }

    static func map(_ pairs: [(String, Node?)], flow: Bool = false) -> Node {
        Node(pairs.compactMap { key, value in value.map { (Node(key), $0) } }, .implicit, flow ? .flow : .block)
    }

    static func document(_ root: Node) throws -> String {
        try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)
    }
}
