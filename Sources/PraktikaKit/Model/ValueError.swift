import Yams

/// A field value that was read but is not acceptable (an impossible date, a
/// value outside an enumeration). Thrown from `init(from:)` with the position
/// of the value itself, so the loader can point at it exactly.
struct ValueError: Error {
    var message: LocalizedText
    var line: Int
    var column: Int

    init(_ message: LocalizedText, at decoder: Decoder) {
        self.message = message
        (line, column) = sourcePosition(of: decoder)
    }
}
