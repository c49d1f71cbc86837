import Yams

/// Walks a YAML document along its schema and warns about every field the
/// schema does not know, at the field's own position.
enum UnknownFields {
    static func check(_ node: Node, _ schema: Schema, lineOffset: Int, file: String, path: String = "") -> [Diagnostic] {
        switch (schema, node) {
        case (.record(let fields), .mapping(let mapping)):
            var found: [Diagnostic] = []
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                let fieldPath = path.isEmpty ? name : "\(path).\(name)"
                if let inner = fields[name] {
                    found += check(value, inner, lineOffset: lineOffset, file: file, path: fieldPath)
                    continue
                }
                let hint = Suggestions.hint(Suggestions.closest(to: name, among: fields.keys, limit: 1))
                let mark = key.mark
                found.append(.warning(SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1), LocalizedText(
                    en: "unknown field `\(fieldPath)` is ignored\(hint.en)",
                    ru: "неизвестное поле «\(fieldPath)» пропущено\(hint.ru)")))
            }
            return found
        case (.list(let inner), .sequence(let sequence)):
            return sequence.enumerated().flatMap { index, element in
                check(element, inner, lineOffset: lineOffset, file: file, path: "\(path)[\(index + 1)]")
            }
        default:
            return []
        }
    }
}
