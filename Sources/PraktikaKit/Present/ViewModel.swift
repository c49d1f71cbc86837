/// Builds a template context, dropping absent and empty values: in Mustache
/// an empty string still opens a `{{#section}}`, so "nothing" must be no key.
func viewModel(_ values: [String: Any?]) -> [String: Any] {
    var result: [String: Any] = [:]
    result.reserveCapacity(values.count)
    for (key, value) in values {
        guard let value else { continue }
        // Most values are text: asking a String whether it is an Optional
        // was a conformance lookup per value.
        if let string = value as? String {
            if !string.isEmpty { result[key] = string }
            continue
        }
        if let optional = value as? OptionalProtocol, optional.isNone { continue }
        result[key] = value
    }
    return result
}

/// Lets `viewModel` see through nested optionals that arrive as `Any`.
protocol OptionalProtocol { var isNone: Bool { get } }
extension Optional: OptionalProtocol {
    var isNone: Bool {
        switch self {
        case .none: return true
        case .some(let wrapped): return (wrapped as? OptionalProtocol)?.isNone ?? false
        }
    }
}
