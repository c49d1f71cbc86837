/// An enumerated field. Decoding a value outside the list fails with a message
/// that names every allowed value, so that authors see how to fix it.
protocol ContentEnum: RawRepresentable, CaseIterable, Decodable, Sendable, Hashable where RawValue == String {}

extension ContentEnum {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            throw ValueError(LocalizedText(
                en: "unknown value `\(text)`; expected one of \(allowed)",
                ru: "недопустимое значение «\(text)»; допустимые значения: \(allowed)"), at: decoder)
        }
        self = value
    }
}
