import Foundation

/// A fast 64-bit hash of bytes, stable across runs (Swift's `Hasher` is
/// seeded per process). Used to tell unchanged output files, not for security.
struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ string: String) {
        var copy = string
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt64(0xff))
    }

    mutating func add(_ number: UInt64) {
        value = (value ^ number) &* 0x0000_0100_0000_01B3
        value ^= value >> 29
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            add(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = UInt64(count)
        while index < count {
            tail = (tail << 8) | UInt64(bytes[index])
            index += 1
        }
        add(tail)
    }

    /// 16 hex digits (`String(format:)` cost more than hashing a page).
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func of(_ data: Data) -> String {
        var hash = ContentHash()
        hash.add(data)
        return hash.hex
    }
}

/// What a build's result depends on: every input file's size and time, the
/// theme, praktika's version and the options. Equal fingerprints mean the
/// previous output is still right, so nothing needs rendering.
enum InputFingerprint {
    static let version = "praktika 0.1.0"

    static func compute(site: URL, themeFolders: [URL], settings: [String]) -> String {
        var hash = ContentHash()
        hash.add(version)
        settings.forEach { hash.add($0) }
        for folder in [site.appendingPathComponent("content")] + themeFolders {
            let stamps = FileStamp.tree(folder.path, prefix: folder.path)
            for path in stamps.keys.sorted() {
                hash.add(path)
                hash.add(UInt64(stamps[path]!.size))
                hash.add(stamps[path]!.modified.bitPattern)
            }
        }
        return hash.hex
    }
}
