import Foundation
import Testing
@testable import PraktikaKit

@Suite("Bad content is reported with file, line and column")
struct ContentErrorTests {
    /// The fixture's practice holds a `<script>` on purpose (the safety tests);
    /// its warning is tested in AuthoringMistakeTests and left out here.
    private func messages(_ site: FixtureSite) -> [String] {
        site.errors().filter { !($0.severity == .warning && $0.message.en.contains("<script>")) }.map { $0.formatted(language: "en") }
    }

    @Test("a YAML syntax error names its line")
    func yamlSyntax() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", "---\ntitle: Каникулы\nsummary: [broken\nschools: [other-school]\n---\nText\n")
        let errors = messages(site)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/practices/gia-holidays.md:") == true)
        #expect(errors.first?.contains("YAML syntax error") == true)
    }

    @Test("a front matter without its closing line is named as such")
    func unclosedFrontMatter() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", "---\ntitle: Каникулы\nsummary: Кратко\n\nText\n")
        #expect(messages(site) == ["content/practices/gia-holidays.md:1:1: error: the front matter opened by `---` on line 1 is never closed: add a line `---` after the last field"])
    }

    @Test("an unknown school id points at the value and suggests the closest id")
    func unknownReference() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", "---\ntitle: Каникулы\nsummary: Кратко\nschools: [other-schol]\n---\nText\n")
        #expect(messages(site) == ["content/practices/gia-holidays.md:4:11: error: unknown school `other-schol`: there is no content/schools/other-schol.md; did you mean `other-school`?"])
        let russian = site.errors().first?.formatted(language: "ru")
        #expect(russian == "content/practices/gia-holidays.md:4:11: ошибка: неизвестная школа «other-schol»: нет файла content/schools/other-schol.md; возможно, имелось в виду `other-school`?")
    }

    @Test("a broken entity link in Markdown names the link's own line and column")
    func brokenMarkdownLink() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", "---\ntitle: Каникулы\nsummary: Кратко\nschools: [other-school]\n---\nПервая строка.\n\nСм. [сеть](network:no-such-network).\n")
        #expect(messages(site) == ["content/practices/gia-holidays.md:8:5: error: unknown network `no-such-network`: there is no content/networks/no-such-network.md"])
    }

    @Test("a missing required field and a wrong enumerated value are both reported, in different files")
    func severalFilesOneRun() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", "---\ntitle: Каникулы\nschools: [other-school]\n---\nText\n")
        try site.write("content/seminars/future-seminar.md", "---\ntitle: Семинар\ndate: 2027-02-30\n---\n")
        try site.write("content/programs/tutoring.yaml", "title: Программа\nkind: tutorship\n")
        let errors = messages(site)
        #expect(errors.contains("content/practices/gia-holidays.md:2:1: error: required field `summary` is missing"))
        #expect(errors.contains("content/seminars/future-seminar.md:3:7: error: `2027-02-30` is not a real date; expected YYYY-MM-DD or YYYY-MM, e.g. 2021-09-01"))
        #expect(errors.contains("content/programs/tutoring.yaml:2:7: error: unknown value `tutorship`; expected one of `tutoring`, `transition`, `municipal`, `regional`, `roadmap`, `antirisk`"))
        // The broken program is not reported again through every reference to it.
        #expect(!errors.contains { $0.contains("unknown program `tutoring`") })
    }

    @Test("a Windows-1251 file is explained, with how to convert it")
    func windows1251() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let cp1251: [UInt8] = Array("---\ntitle: ".utf8) + [0xCA, 0xE0, 0xED, 0xE8, 0xEA, 0xF3, 0xEB, 0xFB] + Array("\n---\n".utf8)
        try site.write(data: Data(cp1251), to: "content/practices/gia-holidays.md")
        let errors = messages(site)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/practices/gia-holidays.md:2:8: error: the file is not UTF-8 text (it looks like Windows-1251)") == true)
        #expect(errors.first?.contains("iconv -f cp1251 -t utf-8") == true)
    }

    @Test("a seminar agenda naming a draft practice is an error")
    func draftReferenced() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/seminars/future-seminar.md", "---\ntitle: Семинар\ndate: 2027-03-01\nagenda:\n  - title: Доклад\n    practice: secret-draft\n---\n")
        #expect(messages(site) == ["content/seminars/future-seminar.md:6:15: error: practice `secret-draft` is a draft (status: draft) and is not published; publish it or remove the reference"])
    }

    @Test("a network's leader listed as its member is an error")
    func leaderAsMember() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/networks/gym-network.md", "---\nname: Сеть\nleader: leader-school\nmembers: [supported-school, leader-school]\n---\n")
        #expect(messages(site) == ["content/networks/gym-network.md:4:29: error: school `leader-school` is the leader of this network and cannot also be its supported member"])
    }

    @Test("an attachment path cannot leave content/files")
    func attachmentEscape() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", "---\ntitle: К\nsummary: К\nschools: [other-school]\nattachments:\n  - file: ../site.yaml\n---\n")
        #expect(messages(site) == ["content/practices/gia-holidays.md:6:11: error: attachment `../site.yaml` must be a path inside content/files/ (no `..`, no absolute path)"])
    }
}

@Suite("More checks: unknown fields, periods, networks, digests, output links")
struct MoreChecksTests {
    private func messages(_ site: FixtureSite, strict: Bool = false) -> [String] {
        do {
            _ = try SiteBuilder.build(BuildOptions(site: site.root, strict: strict, today: Day(year: 2026, month: 11, day: 22)))
            return []
        } catch let errors as ContentErrors {
            // The fixture's deliberate `<script>` (see ContentErrorTests.messages).
            return errors.diagnostics.filter { !$0.message.en.contains("raw HTML <script>") }.map { $0.formatted(language: "en") }
        } catch {
            return ["\(error)"]
        }
    }

    @Test("an unknown field is a warning naming the closest known field; --strict makes it an error")
    func unknownField() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", "---\ntitle: К\nsummary: К\nschools: [other-school]\nresuls: []\ncontact:\n  name: Иванова\n  emial: i@example.ru\n---\n")
        let report = try site.build()
        let warnings = report.warnings.map { $0.formatted(language: "en") }
        #expect(warnings.contains("content/practices/gia-holidays.md:5:1: warning: unknown field `resuls` is ignored; did you mean `results`?"))
        #expect(warnings.contains("content/practices/gia-holidays.md:8:3: warning: unknown field `contact.emial` is ignored; did you mean `email`?"))
        #expect(messages(site, strict: true).contains("content/practices/gia-holidays.md:5:1: error: unknown field `resuls` is ignored; did you mean `results`?"))
    }

    @Test("a period that ends before it starts")
    func reversedPeriod() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", "---\ntitle: К\nsummary: К\nschools: [other-school]\nperiod: {from: 2021-09, to: 2021-05}\n---\n")
        #expect(messages(site) == ["content/practices/gia-holidays.md:5:9: error: the period ends before it starts: `to: 2021-05` is earlier than `from: 2021-09`"])
    }

    @Test("a program stage outside the program's own period")
    func stageOutsideProgram() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/programs/tutoring.yaml", "title: П\nkind: tutoring\nperiod: {from: 2020-09, to: 2021-08}\nstages:\n  - name: Первый\n    period: {from: 2020-09, to: 2020-12}\n  - name: Последний\n    period: {from: 2021-06, to: 2021-12}\n")
        #expect(messages(site) == ["content/programs/tutoring.yaml:8:13: error: stage «Последний» lies outside the program's period 2020-09 – 2021-08"])
    }

    @Test("a practice naming a network its author school does not belong to")
    func authorOutsideNetwork() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/schools/outsider.md", "---\nname: Школа вне сети\n---\n")
        try site.write("content/practices/gia-holidays.md", "---\ntitle: К\nsummary: К\nschools: [outsider]\nnetwork: gym-network\n---\n")
        #expect(messages(site) == ["content/practices/gia-holidays.md:5:10: error: the author school `outsider` does not belong to network `gym-network` (neither its leader nor a member)"])
    }

    @Test("a digest that selects no practice; a dead link in a draft")
    func emptyDigestAndDraftLinks() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/digests/empty.yaml", "title: Сборник\nselect:\n  years: [1999]\n")
        try site.write("content/practices/secret-draft.md", "---\ntitle: Ч\nsummary: Ч\nschools: [leader-school]\nstatus: draft\n---\nСм. [школу](school:nowhere).\n")
        #expect(messages(site) == [
            "content/digests/empty.yaml:1:1: error: the digest selects no published practice: check `seminar`, `select` and `practices`",
            "content/practices/secret-draft.md:7:5: error: unknown school `nowhere`: there is no content/schools/nowhere.md",
        ])
    }

    @Test("a template link to a page that is not built is caught by the output link check")
    func brokenTemplateLink() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("themes/default/templates/term.mustache", "{{<layout}}{{$main}}<a href=\"{{root}}glossary/\">Глоссарий</a>{{/main}}{{/layout}}")
        let errors = messages(site)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("themes/default/templates/term.mustache: error: the page `") == true)
        #expect(errors.first?.contains("links to `../../glossary/`, which is not part of the built site") == true)
    }

    @Test("digest selection: agenda, then matching practices, then the explicit list, drafts never")
    func digestSelection() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let (content, _) = ContentLoader(root: site.root).load()
        let (graph, _) = Linker.link(try #require(content))
        let yaml = "title: С\nseminar: network-seminar\nselect:\n  topics: [gia, mentoring]\npractices: [secret-draft]\n"
        let digest = try YAMLDecoderForTests.decode(Digest.self, yaml)
        #expect(DigestSelector.practices(of: digest, in: graph) == ["mentoring", "gia-holidays"])
    }
}

enum YAMLDecoderForTests {
    static func decode<T: Decodable>(_ type: T.Type, _ yaml: String) throws -> T {
        try YAMLReader().decode(type, yaml: yaml, lineOffset: 0, file: "test.yaml").value.get()
    }
}

@Suite("Required text")
struct RequiredTextTests {
    @Test("a title that YAML reads as a comment is reported as empty")
    func commentTitle() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/practices/gia-holidays.md", "---\ntitle: # 1 место\nsummary: К\nschools: [other-school]\n---\n")
        let errors = site.errors().filter { $0.severity == .error }.map { $0.formatted(language: "en") }
        #expect(errors == ["content/practices/gia-holidays.md:2:7: error: field `title` is empty; expected text (a `#` starts a comment in YAML: put such text in quotes)"])
    }
}
