import Foundation
import Testing
@testable import PraktikaKit

/// The mistakes methodologists actually made (issue 14), each written into the
/// fixture site: the message must stand at the exact place, be Russian and say
/// how to write it instead; under --strict the build fails and the previous
/// output stays byte for byte as it was.
@Suite("Authoring mistakes are reported where they are, in Russian, with the fix")
struct AuthoringMistakeTests {
    struct Mistake: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String] = [:]
        var data: [String: Data] = [:]
        /// `file:line:col`, or the file alone for a file that is not read at all.
        var location: String
        var severity: Diagnostic.Severity
        /// Part of the Russian message that tells the fix.
        var fix: String
        var testDescription: String { name }
    }

    /// The practice `gia-holidays` with this body; its body starts on line 9.
    static func practice(body: String, frontMatter: String = "") -> [String: String] {
        ["content/practices/gia-holidays.md": """
            ---
            title: Каникулы ГИА
            summary: Интенсивы для девятиклассников в каникулы.
            schools: [other-school]
            topics: [gia]
            risk_factors: [low-motivation]
            date: 2022-03-01\(frontMatter)
            ---
            \(body)
            """]
    }

    static let practiceFile = "content/practices/gia-holidays.md"

    static let mistakes: [Mistake] = [
        Mistake(name: "a pipe table without its delimiter row",
                files: practice(body: "Итоги.\n\n| Класс | Было |\n| 5 «А» | 12 |"),
                location: "\(practiceFile):11:1", severity: .warning, fix: "|---|:---:|---:|"),
        Mistake(name: "a pipe table whose delimiter row has too few cells",
                files: practice(body: "| Класс | Было | Стало |\n|---|---|\n| 5 | 1 | 2 |"),
                location: "\(practiceFile):10:1", severity: .warning, fix: "по одному `---` на столбец"),
        Mistake(name: "a table row with more cells than the header",
                files: practice(body: "| Класс | Было |\n|---|---|\n| 5 | 12 | 18 |"),
                location: "\(practiceFile):11:12", severity: .warning, fix: "добавьте столбец в заголовок"),
        Mistake(name: "an HTML table",
                files: practice(body: "Итоги.\n\n<table><tr><td>5</td><td>12</td></tr></table>"),
                location: "\(practiceFile):11:1", severity: .warning, fix: "| Класс | Было | Стало |"),
        Mistake(name: "an iframe video",
                files: practice(body: "<iframe src=\"https://video.example.ru/1\"></iframe>"),
                location: "\(practiceFile):9:1", severity: .warning, fix: "[Видеозапись занятия](https://…)"),
        Mistake(name: "a <br> between words",
                files: practice(body: "Первая строка<br>вторая строка"),
                location: "\(practiceFile):9:14", severity: .warning, fix: "обратную косую черту `\\`"),
        Mistake(name: "bold in HTML",
                files: practice(body: "Очень <b>важно</b>."),
                location: "\(practiceFile):9:7", severity: .warning, fix: "`**текст**`"),
        Mistake(name: "a heading without its space",
                files: practice(body: "Вступление.\n\n##Что сделали"),
                location: "\(practiceFile):11:1", severity: .warning, fix: "`## Что сделали`"),
        Mistake(name: "a link to a file name with spaces",
                files: practice(body: "Смотрите [отчёт](file:отчёт 2023.pdf) ниже."),
                location: "\(practiceFile):9:10", severity: .warning, fix: "(<file:отчёт 2023.pdf>)"),
        Mistake(name: "an image from another web site",
                files: practice(body: "Схема: ![Схема сети](https://example.org/scheme.png)"),
                location: "\(practiceFile):9:8", severity: .warning, fix: "![подпись](file:путь/картинка.png)"),
        Mistake(name: "a table in a program's Markdown field without its delimiter row",
                files: ["content/programs/tutoring.yaml": """
                    title: Программа
                    period: {from: 2020-09, to: 2021-08}
                    goal: |
                      Цель.

                      | Этап | Срок |
                      | Начало | Сентябрь |
                    """],
                location: "content/programs/tutoring.yaml:6:3", severity: .warning, fix: "|---|"),
        Mistake(name: "a placeholder of praktika new in a published school",
                files: ["content/schools/other-school.md": "---\nname: СОШ № 33\nregion: Название региона\n---\nПортрет.\n"],
                location: "content/schools/other-school.md:3:9", severity: .error, fix: "замените его своим"),
        Mistake(name: "placeholders of praktika new in a draft",
                files: ["content/practices/secret-draft.md": """
                    ---
                    title: Секретный черновик
                    summary: Не публикуется.
                    schools: [leader-school]
                    status: draft
                    contact:
                      name: Фамилия Имя Отчество
                    ---
                    Опишите, какую проблему школы решала практика и как её выявили (диагностика, результаты ГИА, ВПР, рисковый профиль).
                    """],
                location: "content/practices/secret-draft.md:7:9", severity: .warning, fix: "замените их до публикации"),
        Mistake(name: "a quote left open",
                files: ["content/practices/gia-holidays.md": "---\ntitle: \"Каникулы ГИА\nsummary: Интенсивы.\nschools: [other-school]\ndate: 2022-03-01\nupdated: \"2022-03-02\"\n---\nТекст.\n"],
                location: "\(practiceFile):2:8", severity: .error, fix: "Закройте кавычку"),
        Mistake(name: "a tab for indentation",
                files: ["content/practices/gia-holidays.md": "---\ntitle: Каникулы\nsummary: Интенсивы.\nschools:\n\t- other-school\n---\nТекст.\n"],
                location: "\(practiceFile):5:1", severity: .error, fix: "Замените табуляцию пробелами"),
        Mistake(name: "a field indented differently from its neighbours",
                files: ["content/practices/gia-holidays.md": "---\ntitle: Каникулы\nsummary: Интенсивы.\n   schools: [other-school]\n---\nТекст.\n"],
                location: "\(practiceFile):4:4", severity: .error, fix: "Поля одного уровня начинаются с одной позиции"),
        Mistake(name: "a colon inside an unquoted value",
                files: ["content/practices/gia-holidays.md": "---\ntitle: Каникулы ГИА: опыт сети\nsummary: Интенсивы.\nschools: [other-school]\n---\nТекст.\n"],
                location: "\(practiceFile):2:20", severity: .error, fix: "title: \"Каникулы ГИА: опыт сети\""),
        Mistake(name: "a list item outside a list",
                files: ["content/practices/gia-holidays.md": "---\ntitle: Каникулы\nsummary: Интенсивы.\nschools: other-school\n- leader-school\n---\nТекст.\n"],
                location: "\(practiceFile):5:1", severity: .error, fix: "пункты с одинаковым отступом"),
        Mistake(name: "a vocabulary label instead of its id",
                files: practice(body: "Текст.").mapValues { $0.replacingOccurrences(of: "topics: [gia]", with: "topics: [Наставничество]") },
                location: "\(practiceFile):5:10", severity: .error, fix: "используйте `mentoring`"),
        Mistake(name: "a school's name instead of its id",
                files: practice(body: "Текст.").mapValues { $0.replacingOccurrences(of: "schools: [other-school]", with: "schools: [Гимназия № 1]") },
                location: "\(practiceFile):4:11", severity: .error, fix: "используйте `leader-school`"),
        Mistake(name: "an id in typographic quotes",
                files: practice(body: "Текст.").mapValues { $0.replacingOccurrences(of: "topics: [gia]", with: "topics: [“gia”]") },
                location: "\(practiceFile):5:10", severity: .error, fix: "без кавычек: `gia`"),
        Mistake(name: "a malformed e-mail address",
                files: practice(body: "Текст.", frontMatter: "\ncontact:\n  name: Рябова Ольга Николаевна\n  email: gymnasium1@example"),
                location: "\(practiceFile):10:10", severity: .error, fix: "`name@school.ru`"),
        Mistake(name: "a file saved in UTF-16",
                data: ["content/practices/gia-holidays.md": Data([0xFF, 0xFE]) + "---\ntitle: К\n---\n".data(using: .utf16LittleEndian)!],
                location: "\(practiceFile):1:1", severity: .error, fix: "Кодировка: UTF-8"),
        Mistake(name: "a practice saved as x.md.txt",
                files: ["content/practices/new-case.md.txt": "---\ntitle: Новая\nsummary: Кратко.\nschools: [other-school]\n---\n"],
                location: "content/practices/new-case.md.txt", severity: .error, fix: "переименуйте его в «new-case.md»"),
        Mistake(name: "a picture dropped into the practices folder",
                data: ["content/practices/photo.jpg": Data([0xFF, 0xD8, 0xFF])],
                location: "content/practices/photo.jpg", severity: .warning, fix: "кладите в content/files/"),
        Mistake(name: "order: as-listed with nothing listed",
                files: ["content/digests/by-topic.yaml": "title: Сборник\nselect:\n  topics: [mentoring, gia]\norder: as-listed\n"],
                location: "content/digests/by-topic.yaml:4:8", severity: .warning, fix: "Перечислите их в `practices`"),
    ]

    @Test("each mistake", arguments: mistakes)
    func mistake(_ mistake: Mistake) throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let before = try snapshot(site.output)
        for (path, text) in mistake.files { try site.write(path, text) }
        for (path, data) in mistake.data { try site.write(data: data, to: path) }

        let all: [Diagnostic]
        do {
            all = try SiteBuilder.check(site.options()).warnings
        } catch let errors as ContentErrors {
            all = errors.diagnostics
        }
        let found = all.filter { $0.location.description == mistake.location && $0.message.ru.contains(mistake.fix) }
        #expect(found.count == 1, "expected at \(mistake.location): …\(mistake.fix)…; got:\n\(all.map { $0.formatted(language: "ru") }.joined(separator: "\n"))")
        guard let diagnostic = found.first else { return }
        #expect(diagnostic.severity == mistake.severity)
        let russian = diagnostic.message.ru.unicodeScalars.filter { (0x0410...0x044F).contains($0.value) }.count
        #expect(russian >= 15, "the message is not Russian: \(diagnostic.message.ru)")
        #expect(!diagnostic.message.ru.contains("mapping values") && !diagnostic.message.ru.contains("did not find"))

        var strict = site.options()
        strict.strict = true
        var strictErrors: [Diagnostic] = []
        do {
            try SiteBuilder.build(strict)
            Issue.record("the --strict build succeeded")
        } catch let errors as ContentErrors {
            strictErrors = errors.diagnostics
        }
        #expect(strictErrors.contains { $0.location == diagnostic.location && $0.severity == .error && $0.message == diagnostic.message })
        #expect(try snapshot(site.output) == before, "a failed build changed the output")
    }

    @Test("one value where a list is expected is a list of one")
    func listOfOne() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let files = Self.practice(body: "Текст.").mapValues {
            $0.replacingOccurrences(of: "topics: [gia]", with: "topics: mentoring").replacingOccurrences(of: "schools: [other-school]", with: "schools: other-school")
        }
        for (path, text) in files { try site.write(path, text) }
        try site.build()
        let page = try site.page("practices/gia-holidays/index.html")
        #expect(page.contains("Наставничество"))
        #expect(try site.page("topics/mentoring/index.html").contains("Каникулы ГИА"))
    }

    @Test("the order a digest lists is the order it prints, before what `select` adds")
    func asListed() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/digests/listed.yaml", "title: Сборник\nselect:\n  topics: [mentoring, gia]\npractices: [gia-holidays, mentoring]\norder: as-listed\n")
        let report = try SiteBuilder.check(site.options())
        #expect(!report.warnings.contains { $0.location.file == "content/digests/listed.yaml" })
        let (content, _) = ContentLoader(root: site.root).load()
        let (graph, _) = Linker.link(content!)
        #expect(DigestSelector.practices(of: graph.digests["listed"]!.fields, in: graph) == ["gia-holidays", "mentoring"])
        try site.write("content/digests/listed.yaml", "title: Сборник\nselect:\n  topics: [mentoring, gia]\npractices: [mentoring, gia-holidays]\norder: as-listed\n")
        let (content2, _) = ContentLoader(root: site.root).load()
        let (graph2, _) = Linker.link(content2!)
        #expect(DigestSelector.practices(of: graph2.digests["listed"]!.fields, in: graph2) == ["mentoring", "gia-holidays"])
    }

    /// Every file of the output with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }
}
