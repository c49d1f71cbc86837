import Foundation

/// A fast 64-bit hash of bytes, stable across runs (Swift's `Hasher` is
/// seeded per process). Used to tell unchanged output files, not for security.
struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ string: String) {
        var copy = string
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt64(0xff))
    }

    mutating func add(_ number: UInt64) {
        value = Self.mix(value, number)
    }

    private static func mix(_ hash: UInt64, _ number: UInt64) -> UInt64 {
        let value = (hash ^ number) &* 0x0000_0100_0000_01B3
        return value ^ (value >> 29)
    }

    /// Bytes in one chain: the value is part of URLs (catalog filter slugs),
    /// so it must not change between versions.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        add(bytes, from: 0)
    }

    /// Bytes in four independent lanes, then one: a single chain of multiplies
    /// waits on itself, and every page of the site is hashed. For output
    /// files, whose hashes only the next build reads.
    mutating func addWide(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        if count >= 32 {
            var lanes = (value, value ^ 0x9E37_79B9_7F4A_7C15, value ^ 0xC2B2_AE3D_27D4_EB4F, value ^ 0x1656_67B1_9E37_79F9)
            while index + 32 <= count {
                lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                lanes.1 = Self.mix(lanes.1, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
                lanes.2 = Self.mix(lanes.2, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
                lanes.3 = Self.mix(lanes.3, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
                index += 32
            }
            value = lanes.0
            add(lanes.1); add(lanes.2); add(lanes.3)
        }
        add(bytes, from: index)
    }

    private mutating func add(_ bytes: UnsafeRawBufferPointer, from start: Int) {
        var index = start
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
        data.withUnsafeBytes { hash.addWide($0) }
        return hash.hex
    }
}

/// What a build's result depends on: every input file's size and time, the
/// theme, praktika itself and the options. Equal fingerprints mean the
/// previous output is still right, so nothing needs rendering.
enum InputFingerprint {
    static let version = "praktika 0.1.0"

    /// `contentFiles`: the content folder's files to count, when not all of them (`BodyEdits`).
    static func compute(site: URL, themeFolders: [URL], settings: [String], contentFiles: [String: FileStamp]? = nil) -> String {
        var hash = ContentHash()
        hash.add(version)
        // Another praktika (an upgrade, a fresh build of it) may write other
        // pages from the same content: its binary's size and time are inputs too.
        if let binary = Bundle.main.executablePath.flatMap({ FileStamp(path: $0) }) {
            hash.add(UInt64(binary.size))
            hash.add(binary.modified.bitPattern)
        }
        settings.forEach { hash.add($0) }
        let content = site.appendingPathComponent("content")
        for folder in [content] + themeFolders {
            let stamps = folder == content ? contentFiles ?? FileStamp.tree(folder.path, prefix: folder.path) : FileStamp.tree(folder.path, prefix: folder.path)
            for path in stamps.keys.sorted() {
                hash.add(path)
                hash.add(UInt64(stamps[path]!.size))
                hash.add(stamps[path]!.modified.bitPattern)
            }
        }
        return hash.hex
    }
}
