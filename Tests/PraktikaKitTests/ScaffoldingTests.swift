import Foundation
import Testing
@testable import PraktikaKit

@Suite("praktika init and new")
struct ScaffoldingTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("praktika-init-\(UUID().uuidString)", isDirectory: true)
    }

    @Test("init makes a site that checks and builds with no errors or warnings")
    func initSite() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Scaffolding.initSite(at: folder)
        #expect(files.contains("content/site.yaml"))
        #expect(files.contains("content/vocabularies/risk-factors.yaml"))
        let report = try SiteBuilder.check(BuildOptions(site: folder))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        for kind in ["practice", "school", "network", "program", "seminar"] {
            #expect((report.pagesByKind[kind] ?? 0) >= 1, "no \(kind) page")
        }
        let (content, _) = ContentLoader(root: folder).load()
        #expect(content?.vocabularies[.riskFactors]?.terms.map(\.id.value) == [
            "equipment", "staff-shortage", "teacher-competence", "low-adaptivity", "no-internal-cpd",
            "language-barriers", "school-climate", "parent-involvement", "learning-failure", "low-motivation",
        ])
        #expect(throws: Scaffolding.Problem.self) { try Scaffolding.initSite(at: folder) }
    }

    @Test("new writes every kind from its archetype; its placeholders are named until replaced", arguments: Scaffolding.kinds)
    func newEntry(kind: EntityKind) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Scaffolding.initSite(at: folder)
        let file = try Scaffolding.newEntry(kind: kind, id: "new-\(kind.rawValue)", site: folder, title: "Проверка: «кавычки»", school: nil)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(!text.contains("{{"), "a placeholder was left in \(file.lastPathComponent)")
        #expect(text.contains("#"), "the archetype explains its fields")
        // A new practice is a draft: its placeholders are one warning. Other
        // kinds are published at once, so each placeholder is an error; the
        // digest's archetype has only defaults it may keep.
        do {
            let report = try SiteBuilder.check(BuildOptions(site: folder))
            #expect(kind == .practice || kind == .digest, "placeholders of a new \(kind) were not reported")
            let expected = kind == .practice ? 1 : 0
            #expect(report.warnings.count == expected && report.warnings.allSatisfy { $0.message.en.contains("placeholder") }, "\(report.warnings)")
        } catch let errors as ContentErrors {
            #expect(kind != .practice && kind != .digest, "\(errors)")
            #expect(!errors.diagnostics.isEmpty)
            #expect(errors.diagnostics.allSatisfy { $0.location.file.hasSuffix("/" + file.lastPathComponent) && $0.message.en.contains("placeholder") }, "\(errors)")
        }
    }

    @Test("new refuses an id that exists or is malformed, and an unknown school")
    func newRefuses() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Scaffolding.initSite(at: folder)
        _ = try Scaffolding.newEntry(kind: .practice, id: "once", site: folder, title: nil, school: nil)
        #expect(throws: Scaffolding.Problem.self) { try Scaffolding.newEntry(kind: .practice, id: "once", site: folder, title: nil, school: nil) }
        #expect(throws: Scaffolding.Problem.self) { try Scaffolding.newEntry(kind: .practice, id: "Не-латиница", site: folder, title: nil, school: nil) }
        #expect(throws: Scaffolding.Problem.self) { try Scaffolding.newEntry(kind: .practice, id: "other", site: folder, title: nil, school: "no-such-school") }
    }
}
