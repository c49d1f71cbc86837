import Foundation
import Testing
@testable import PraktikaKit

/// The sample site in `content/` is what newcomers see first: it must build
/// cleanly, with every link resolving.
@Suite("The repository's sample site")
struct SampleSiteTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("builds with no errors or warnings and no broken internal link")
    func sampleSiteBuilds() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try SiteBuilder.build(BuildOptions(site: Self.repository, output: output))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect((report.pagesByKind["practice"] ?? 0) >= 10)
        #expect((report.pagesByKind["school"] ?? 0) >= 6)
        #expect((report.pagesByKind["network"] ?? 0) >= 2)
        #expect((report.pagesByKind["program"] ?? 0) >= 4)
        #expect((report.pagesByKind["seminar"] ?? 0) >= 4)
        #expect(try HTMLLinks.broken(in: output) == [])
    }
}
