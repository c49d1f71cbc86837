import Foundation
import Yams

/// Turns YAML text into a typed model, and every way that can fail into a
/// diagnostic with the line and column of the offending value.
struct YAMLReader {
    /// Every node Yams makes holds its resolver and constructor; with the
    /// shared `.basic` and `.default` instances, two threads parsing at once
    /// fought over those objects' reference counts, and two cores loaded
    /// slower than one. Each reader (one per worker) has its own.
    private let resolver = Resolver.basic.removing(.str)  // a new, equally empty resolver
    private let constructor = Constructor()

    /// Decodes, or fails with the first problem; unknown fields are added to `warnings`.
    func decode<T: Decodable>(_ type: T.Type, yaml: String, lineOffset: Int, file: String,
                              schema: Schema? = nil, warnings: inout [Diagnostic]) -> Result<T, Diagnostic> {
        let result = decode(type, yaml: yaml, lineOffset: lineOffset, file: file, schema: schema)
        warnings += result.warnings
        return result.value
    }

    func decode<T: Decodable>(_ type: T.Type, yaml: String, lineOffset: Int, file: String, schema: Schema? = nil)
        -> (value: Result<T, Diagnostic>, warnings: [Diagnostic]) {
        let node: Node
        do {
            // Typed decoding reads scalars as the model's types, so Yams' tag
            // resolution (a regular expression per scalar) is not needed; it also
            // keeps YAML 1.1's `no`, `on` and `10:00` from turning into other types.
            // The encoding is named because Yams' default reads the whole
            // process environment on every call.
            guard let composed = try Yams.compose(yaml: yaml, resolver, constructor, .utf8) else {
                return (.failure(.error(SourceLocation(file: file, line: lineOffset + 1, column: 1), LocalizedText(
                    en: "no data: write the fields one per line, as `title: Name`",
                    ru: "нет данных: запишите поля, каждое на своей строке, например `title: Название`"))), [])
            }
            node = composed
        } catch {
            return (.failure(Self.diagnostic(for: error, lineOffset: lineOffset, file: file)), [])
        }
        let warnings = schema.map { UnknownFields.check(node, $0, lineOffset: lineOffset, file: file) } ?? []
        return (decode(type, node: node, lineOffset: lineOffset, file: file), warnings)
    }

    private func decode<T: Decodable>(_ type: T.Type, node: Node, lineOffset: Int, file: String) -> Result<T, Diagnostic> {
        do {
            return .success(try T(from: NodeDecoder(node: node, lineOffset: lineOffset)))
        } catch let error as ValueError {
            return .failure(.error(SourceLocation(file: file, line: error.line, column: error.column), error.message))
        } catch let error as DecodingError {
            return .failure(Self.diagnostic(for: error, root: node, lineOffset: lineOffset, file: file))
        } catch {
            return .failure(Self.diagnostic(for: error, lineOffset: lineOffset, file: file))
        }
    }

    static func diagnostic(for error: Error, lineOffset: Int, file: String) -> Diagnostic {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(let context, let problem, let mark, let yaml), .parser(let context, let problem, let mark, let yaml),
                 .composer(let context, let problem, let mark, let yaml):
                let help = YAMLSyntaxHelp.explain(problem: problem, context: context, mark: mark, yaml: yaml)
                return .error(SourceLocation(file: file, line: help.line + lineOffset, column: help.column), help.message)
            case .duplicatedKeysInMapping(let duplicates, let context):
                let keys = duplicates.joined(separator: ", ")
                return .error(SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column), LocalizedText(
                    en: "field `\(keys)` is given twice", ru: "поле «\(keys)» указано дважды"))
            default:
                break
            }
        }
        return .error(SourceLocation(file: file, line: lineOffset + 1, column: 1), LocalizedText(
            en: "cannot read YAML: \(error)", ru: "не удаётся прочитать YAML: \(error)"))
    }

    static func diagnostic(for error: DecodingError, root: Node, lineOffset: Int, file: String) -> Diagnostic {
        func location(_ path: [CodingKey]) -> SourceLocation {
            let mark = Self.node(at: path, in: root)?.mark
            return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = Self.describe(context.codingPath + [key])
            return .error(location(context.codingPath), LocalizedText(
                en: "required field `\(field)` is missing", ru: "нет обязательного поля «\(field)»"))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = Self.describe(context.codingPath)
            let (en, ru) = Self.expectation(for: type)
            let found = Self.node(at: context.codingPath, in: root)
            let isEmpty = found == nil || found?.null != nil
            return .error(location(context.codingPath), isEmpty
                ? LocalizedText(en: "field `\(field)` is empty; expected \(en)", ru: "поле «\(field)» пустое; ожидается \(ru)")
                : LocalizedText(en: "field `\(field)` should be \(en)", ru: "поле «\(field)» должно быть: \(ru)"))
        case .dataCorrupted(let context):
            let field = Self.describe(context.codingPath)
            return .error(location(context.codingPath), LocalizedText(
                en: "field `\(field)`: \(context.debugDescription)", ru: "поле «\(field)»: \(context.debugDescription)"))
        @unknown default:
            return .error(SourceLocation(file: file), LocalizedText(en: "\(error)", ru: "\(error)"))
        }
    }

    static func node(at path: [CodingKey], in root: Node) -> Node? {
        var current: Node? = root
        for key in path {
            guard let node = current else { return nil }
            if let index = key.intValue, let sequence = node.sequence {
                current = index < sequence.count ? sequence[index] : nil
            } else if let mapping = node.mapping {
                current = mapping.first { $0.key.string == key.stringValue }?.value
            } else {
                return node
            }
        }
        return current
    }

    /// `plan[0].items[2].due`, counted from 1 for people: `plan[1].items[3].due`.
    static func describe(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index + 1)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text.isEmpty ? "(document)" : text
    }

    static func expectation(for type: Any.Type) -> (String, String) {
        let name = String(describing: type)
        switch name {
        case "String", "Located<String>": return ("text", "текст")
        case "Int", "Located<Int>": return ("a whole number", "целое число")
        case "Double", "Float": return ("a number", "число")
        case "Bool": return ("true or false", "true или false")
        default:
            if name.hasPrefix("Array") || name.hasPrefix("[") { return ("a list", "список") }
            return ("fields below it, each on its own indented line (e.g. `name: …`)",
                    "несколько вложенных полей, каждое на своей строке с отступом (например, `name: …`), а не одно значение")
        }
    }
}
