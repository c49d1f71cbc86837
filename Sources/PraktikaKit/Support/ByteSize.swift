import Foundation

/// Sizes as people write them on a command line: `1.5G`, `800M`, `2GiB`, `512m`.
/// Binary units (K = 1024 bytes), as `free -h` and `ulimit` use.
public enum ByteSize {
    /// Below this Pagefind could index only a few hundred pages at a time.
    public static let smallestSearchMemory = 256 << 20

    public static func parse(_ text: String) -> Int? {
        var number = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where number.hasSuffix(suffix) {
            number.removeLast(suffix.count)
            break
        }
        let units: [Character: Double] = ["K": 0x1p10, "M": 0x1p20, "G": 0x1p30, "T": 0x1p40]
        var scale = 1.0
        if let last = number.last, let unit = units[last] {
            scale = unit
            number.removeLast()
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(number), value.isFinite, value > 0, value * scale < Double(Int.max / 2) else { return nil }
        return Int(value * scale)
    }
}
