import Yams

/// A value decoded from YAML together with where it stood, so that the link
/// stage can point an author at the exact reference that is wrong.
struct Located<Value: Decodable & Sendable>: Decodable, Sendable {
    public var value: Value
    /// Line and column inside the YAML text (1-based); shifted to file lines by the loader.
    public var line: Int
    public var column: Int

    public init(_ value: Value, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }

    public init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(Value.self)
        (line, column) = sourcePosition(of: decoder)
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// Front matter starts below the `---` line, so YAML positions are shifted
/// to file positions through this offset, read from the decoder's user info.
struct LineOffset {
    static let key = CodingUserInfoKey(rawValue: "praktika.lineOffset")!
}
