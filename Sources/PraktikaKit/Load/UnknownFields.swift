import Yams

/// Walks a YAML document along its schema and warns about every field the
/// schema does not know, at the field's own position.
enum UnknownFields {
    static func check(_ node: Node, _ schema: Schema, lineOffset: Int, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        check(node, schema, lineOffset: lineOffset, file: file, path: { "" }, into: &found)
        return found
    }

    /// The path of a field (`contact.email`, `results[2].unit`) is only
    /// spelled out for a warning: almost every field is known.
    private static func check(_ node: Node, _ schema: Schema, lineOffset: Int, file: String,
                              path: () -> String, into found: inout [Diagnostic]) {
        switch (schema, node) {
        case (.record(let fields), .mapping(let mapping)):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                func fieldPath() -> String {
                    let parent = path()
                    return parent.isEmpty ? name : "\(parent).\(name)"
                }
                if let inner = fields[name] {
                    if case .value = inner { continue }
                    check(value, inner, lineOffset: lineOffset, file: file, path: fieldPath, into: &found)
                    continue
                }
                let hint = Suggestions.hint(Suggestions.closest(to: name, among: fields.keys, limit: 1))
                let mark = key.mark
                let field = fieldPath()
                found.append(.warning(SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1), LocalizedText(
                    en: "unknown field `\(field)` is ignored\(hint.en)",
                    ru: "неизвестное поле «\(field)» пропущено\(hint.ru)")))
            }
        case (.list(let inner), .sequence(let sequence)):
            if case .value = inner { return }
            for (index, element) in sequence.enumerated() {
                check(element, inner, lineOffset: lineOffset, file: file, path: { "\(path())[\(index + 1)]" }, into: &found)
            }
        default:
            return
        }
    }
}
