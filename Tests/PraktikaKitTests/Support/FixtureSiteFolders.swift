import Foundation
import Testing
@testable import PraktikaKit

/// The site folders kept under `Tests/fixtures/sites/` (after Zola's `test_site/`
/// and `test_sites_invalid/`): `valid/` is a small complete site, `invalid/<case>/`
/// each hold one kind of mistake and the diagnostics expected for it. Tests copy a
/// folder to a temporary place first, so nothing is ever built inside `Tests/`.
enum FixtureSiteFolders {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/sites", isDirectory: true)
    static var valid: URL { folder.appendingPathComponent("valid", isDirectory: true) }
    static var validSnapshot: URL { folder.appendingPathComponent("valid.snapshot", isDirectory: true) }
    static var invalid: URL { folder.appendingPathComponent("invalid", isDirectory: true) }

    /// The invalid cases, by folder name.
    static var invalidCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: invalid.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The day the snapshots were made for: the home and seminar pages depend on it.
    static let today = Day(year: 2026, month: 11, day: 22)

    /// `PRAKTIKA_UPDATE_SNAPSHOTS=1` rewrites the snapshots instead of comparing.
    static var updating: Bool { ProcessInfo.processInfo.environment["PRAKTIKA_UPDATE_SNAPSHOTS"] == "1" }

    /// A copy of a fixture folder in a new temporary folder; remove it with `root`.
    static func copy(_ source: URL) throws -> (root: URL, site: URL) {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("praktika-fixture-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let site = root.appendingPathComponent("site", isDirectory: true)
        try FileManager.default.copyItem(at: source, to: site)
        return (root, site)
    }

    /// Options for a build that needs neither WeasyPrint nor Pagefind.
    static func options(site: URL, output: URL, today: Day = today) -> BuildOptions {
        var options = BuildOptions(site: site, output: output, today: today)
        options.makePDFs = false
        options.makeSearchIndex = false
        return options
    }

    /// Every file under `folder`, as sorted relative paths.
    static func files(in folder: URL) -> [String] {
        var result: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        let base = folder.standardizedFileURL.path + "/"
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            result.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
        }
        return result.sorted()
    }

    /// Where two texts first differ, for a failure message a person can act on.
    static func firstDifference(expected: String, actual: String) -> String {
        let want = expected.components(separatedBy: "\n"), got = actual.components(separatedBy: "\n")
        for index in 0..<max(want.count, got.count) {
            let a = index < want.count ? want[index] : "<end of text>"
            let b = index < got.count ? got[index] : "<end of text>"
            if a != b {
                return "first difference at line \(index + 1):\n  expected: \(a.prefix(400))\n  actual:   \(b.prefix(400))"
            }
        }
        return "no difference"
    }

    /// Compares `actual` with the snapshot file at `url`, or rewrites it when updating
    /// (recording an issue then, so that an update never passes silently).
    static func compare(_ actual: Data, with url: URL, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if updating {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url)
                Issue.record("snapshot \(name) rewritten (PRAKTIKA_UPDATE_SNAPSHOTS=1): read the diff, then run again without it",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write the snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no snapshot \(url.path): make it with PRAKTIKA_UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let hint = firstDifference(expected: String(decoding: expected, as: UTF8.self), actual: String(decoding: actual, as: UTF8.self))
            Issue.record("\(name) differs from its snapshot \(url.path); \(hint)", sourceLocation: sourceLocation)
        }
    }
}
