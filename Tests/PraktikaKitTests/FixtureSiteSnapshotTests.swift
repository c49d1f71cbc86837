import Foundation
import Testing
@testable import PraktikaKit

/// The fixture sites under `Tests/fixtures/sites/` built end to end: each invalid
/// site must fail with exactly the diagnostics of its `expected.txt` and write
/// nothing; the valid site must write exactly the files and pages of
/// `valid.snapshot/`. `PRAKTIKA_UPDATE_SNAPSHOTS=1` rewrites both kinds of snapshot.
///
/// `expected.txt` holds the diagnostics as `praktika build` prints them
/// (`Diagnostic.formatted(language:)`, in the site's language), sorted, one per
/// diagnostic; a message with an example runs over several lines. An optional
/// `options.txt` names build flags (`--strict`).
@Suite("Fixture sites against their snapshots")
struct FixtureSiteSnapshotTests {
    /// Pages whose exact bytes are pinned: one of each main kind and the catalog.
    static let pinnedPages = [
        "index.html",
        "practices/index.html",
        "practices/mentoring-pairs/index.html",
        "schools/school-20/index.html",
        "networks/gymnasium-network/index.html",
    ]

    @Test("every invalid fixture site has cases to check")
    func invalidCasesExist() {
        #expect(FixtureSiteFolders.invalidCases.count >= 10, "\(FixtureSiteFolders.invalidCases)")
    }

    @Test("an invalid site fails with exactly its expected diagnostics and writes no output",
          arguments: FixtureSiteFolders.invalidCases)
    func invalidSite(_ name: String) throws {
        let fixture = FixtureSiteFolders.invalid.appendingPathComponent(name, isDirectory: true)
        let (root, site) = try FixtureSiteFolders.copy(fixture)
        defer { try? FileManager.default.removeItem(at: root) }
        // expected.txt and options.txt belong to the fixture, not to the site.
        let flags = (try? String(contentsOf: fixture.appendingPathComponent("options.txt"), encoding: .utf8)) ?? ""
        for file in ["expected.txt", "options.txt"] { try? FileManager.default.removeItem(at: site.appendingPathComponent(file)) }
        let output = root.appendingPathComponent("public", isDirectory: true)
        var options = FixtureSiteFolders.options(site: site, output: output)
        // A mistake praktika only warns about (and neutralises) fails a --strict build.
        options.strict = flags.split(whereSeparator: \.isWhitespace).contains("--strict")
        let printed: String
        do {
            _ = try SiteBuilder.build(options)
            Issue.record("\(name): the site built without errors")
            return
        } catch let errors as ContentErrors {
            printed = errors.diagnostics.map { $0.formatted(language: errors.language) }.joined(separator: "\n") + "\n"
        }
        #expect(!FileManager.default.fileExists(atPath: output.path), "\(name): a failed build created its output folder")
        #expect(OutputTree.leftovers(beside: output) == [], "\(name): a failed build left staging files")
        FixtureSiteFolders.compare(Data(printed.utf8), with: fixture.appendingPathComponent("expected.txt"),
                                   name: "the diagnostics of invalid/\(name)")
    }

    @Test("the valid site writes exactly the snapshot's files and pinned pages")
    func validSite() throws {
        let (root, site) = try FixtureSiteFolders.copy(FixtureSiteFolders.valid)
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public", isDirectory: true)
        let report = try SiteBuilder.build(FixtureSiteFolders.options(site: site, output: output))
        #expect(report.warnings.isEmpty, "\(report.warnings)")

        let files = FixtureSiteFolders.files(in: output)
        let snapshot = FixtureSiteFolders.validSnapshot
        FixtureSiteFolders.compare(Data((files.joined(separator: "\n") + "\n").utf8),
                                   with: snapshot.appendingPathComponent("files.txt"), name: "the list of output files")
        for page in Self.pinnedPages {
            let bytes = try #require(FileManager.default.contents(atPath: output.appendingPathComponent(page).path), "\(page) was not written")
            FixtureSiteFolders.compare(bytes, with: snapshot.appendingPathComponent("pages").appendingPathComponent(page), name: page)
        }
    }

    /// What the snapshot pins must be right, not merely stable: these hold
    /// whatever the snapshot says, so a wrong snapshot cannot be taken silently.
    @Test("the valid site's output has no draft, no Swift value's description, only relative internal links, and the attachment")
    func validSiteInvariants() throws {
        let (root, site) = try FixtureSiteFolders.copy(FixtureSiteFolders.valid)
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public", isDirectory: true)
        let report = try SiteBuilder.build(FixtureSiteFolders.options(site: site, output: output))
        // PDFs are off here (--no-pdf), which is not "WeasyPrint is not installed".
        #expect(report.notes.contains("digest PDFs not made (--no-pdf): the print pages are linked instead"), "\(report.notes)")
        let files = FixtureSiteFolders.files(in: output)
        #expect(!files.contains { $0.contains("draft-plan") }, "the draft's page or its attachment was written")
        #expect(files.contains("files/practices/mentoring-pairs-presentation.pdf"))
        #expect(files.contains("digests/network-digest-2021/print.html"))
        #expect(try HTMLLinks.broken(in: output) == [])
        for path in files where path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".js") || path.hasSuffix(".json") {
            let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.contains("draft-plan") && !text.contains("Черновик плана"), "the draft leaked into \(path)")
            // A template that reaches a model instead of its text prints Swift's description of it.
            let debugDescription = text.firstMatch(of: /Optional\(|\b[A-Z][A-Za-z]*(Model|Page|Link|Card|Entry)\(/)
            #expect(debugDescription == nil, "a Swift value's description in \(path): \(debugDescription.map { String($0.0) } ?? "")")
            guard path.hasSuffix(".html"), path != "404.html" else { continue }
            let absolute = HTMLLinks.attributes(in: text).filter(HTMLLinks.isInternal).filter { $0.hasPrefix("/") }
            #expect(absolute.isEmpty, "absolute internal links in \(path): \(absolute.prefix(3))")
        }
    }

    @Test("every entity kind links from Markdown, `digest:` too, and an unknown digest is reported at its line")
    func digestLinks() throws {
        let (root, site) = try FixtureSiteFolders.copy(FixtureSiteFolders.valid)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = site.appendingPathComponent("content/practices/gia-intensive.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\nСм. [сборник сети](digest:network-digest-2021).\n").write(to: file, atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("public", isDirectory: true)
        _ = try SiteBuilder.build(FixtureSiteFolders.options(site: site, output: output))
        let page = try String(contentsOf: output.appendingPathComponent("practices/gia-intensive/index.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"../../digests/network-digest-2021/\">сборник сети</a>"))

        try (text + "\nСм. [сборник](digest:no-such-digest).\n").write(to: file, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        do {
            _ = try SiteBuilder.check(FixtureSiteFolders.options(site: site, output: output))
            Issue.record("an unknown digest must be an error")
        } catch let errors as ContentErrors {
            let messages = errors.diagnostics.map { $0.formatted(language: "en") }
            #expect(messages.contains { $0.hasPrefix("content/practices/gia-intensive.md:\(lines + 1):5: error: unknown digest `no-such-digest`") }, "\(messages)")
        }
    }

    @Test("the print digest takes the Markdown pass's HTML with images read from disk and links made web addresses")
    func printDigestMarkdown() throws {
        let (root, site) = try FixtureSiteFolders.copy(FixtureSiteFolders.valid)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = site.appendingPathComponent("content/practices/mentoring-pairs.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\n![Схема](file:practices/mentoring-pairs-presentation.pdf) и [школа](school:school-20).\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("public", isDirectory: true)
        _ = try SiteBuilder.build(FixtureSiteFolders.options(site: site, output: output))
        let web = try String(contentsOf: output.appendingPathComponent("practices/mentoring-pairs/index.html"), encoding: .utf8)
        let print = try String(contentsOf: output.appendingPathComponent("digests/network-digest-2021/print.html"), encoding: .utf8)
        #expect(web.contains("<img src=\"../../files/practices/mentoring-pairs-presentation.pdf\" alt=\"Схема\""))
        #expect(web.contains("<a href=\"../../schools/school-20/\">школа</a>"))
        #expect(print.contains("<img src=\"../../files/practices/mentoring-pairs-presentation.pdf\" alt=\"Схема\""))
        let base = try #require(try String(contentsOf: site.appendingPathComponent("content/site.yaml"), encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("base_url:") }?.dropFirst("base_url:".count).trimmingCharacters(in: .whitespaces))
        #expect(print.contains("<a href=\"\(base)schools/school-20/\">школа</a>"), "links in print are web addresses")
    }

    /// Found while reading the snapshot: the snapshot pins today's bytes (so a
    /// refactoring shows every change), these say what the bytes should be.
    @Test("the valid site's text reads right: number agreement, month case, plain-text descriptions")
    func validSiteText() throws {
        let (root, site) = try FixtureSiteFolders.copy(FixtureSiteFolders.valid)
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public", isDirectory: true)
        _ = try SiteBuilder.build(FixtureSiteFolders.options(site: site, output: output))
        func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }

        // «4 практики», «1 сеть», «2 сопровождаемые школы», not one genitive plural for every number.
        let home = try page("index.html")
        for wrong in ["<strong>4</strong> практик<", "<strong>4</strong> школ<", "<strong>1</strong> сетей<",
                      "<strong>1</strong> семинаров<", "2 сопровождаемых школ"] {
            #expect(!home.contains(wrong), "index.html: «\(wrong)»")
        }
        // A member since January is «с января 2021», not «с январь 2021».
        let network = try page("networks/gymnasium-network/index.html")
        #expect(!network.contains("с январь 2021"), "networks/gymnasium-network/index.html: «с январь 2021»")
        // A description made from a Markdown body is its text, without link targets or heading marks.
        for path in FixtureSiteFolders.files(in: output) where path.hasSuffix(".html") {
            let html = try page(path)
            for attribute in ["name=\"description\" content=\"", "property=\"og:description\" content=\""] {
                guard let start = html.range(of: attribute) else { continue }
                let value = html[start.upperBound...].prefix { $0 != "\"" }
                #expect(!value.contains("](") && !value.contains("## "), "\(path): \(attribute)\(value.prefix(120))")
            }
        }
    }
}
