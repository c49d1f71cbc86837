import Foundation
import Testing
@testable import PraktikaKit

/// Pipe tables written in Markdown, as readers get them: on a practice's page,
/// in a program's Markdown field, in a seminar's report and in the printed
/// digest (the PDF read back with poppler's pdftotext).
@Suite("Markdown tables on pages and in the digest", .serialized)
struct TableRenderTests {
    static let table = """
        | Класс | Было, балл | Стало, балл |
        |:---|:---:|---:|
        | 9 «А» | **11,2** | [14,8](school:leader-school) |
        | 9 \\| 11 | 3 | 4 |

        Таблица: Результаты *пробного* ОГЭ
        """

    /// Pages may be typeset (non-breaking spaces in Russian text); the table's structure is what is pinned here.
    static func page(_ site: FixtureSite, _ path: String) throws -> String {
        try site.page(path).replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&#160;", with: " ")
    }

    static func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("content/practices/gia-holidays.md", """
            ---
            title: Каникулы ГИА
            summary: Интенсивы для девятиклассников в каникулы.
            schools: [other-school]
            topics: [gia]
            date: 2022-03-01
            ---
            ## Результаты

            \(table)

            После таблицы.
            """)
        try site.write("content/seminars/future-seminar.md", """
            ---
            title: Будущий семинар
            date: 2027-03-01
            host: other-school
            ---
            | Секция | Участников |
            |---|---:|
            | Математика | 24 |
            """)
        try site.write("content/programs/tutoring.yaml", """
            title: Программа тьюторского сопровождения
            period: {from: 2020-09, to: 2021-08}
            goal: |
              Снизить долю неуспевающих.

              | Показатель | 2020 | 2021 |
              |---|---|---|
              | Доля «2» | 18 % | 6 % |
            """)
        try site.write("content/digests/gia.yaml", "title: Сборник о ГИА\npractices: [gia-holidays]\norder: as-listed\n")
        return site
    }

    @Test("a pipe table becomes an accessible table with its caption, in a frame that scrolls by itself")
    func practicePage() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let report = try site.build()
        #expect(!report.warnings.contains { $0.location.file.contains("gia-holidays") }, "\(report.warnings)")
        let page = try Self.page(site, "practices/gia-holidays/index.html")
        let expected = """
            <div class="table-scroll text-table" role="region" tabindex="0" aria-label="Результаты пробного ОГЭ">
            <table>
            <caption><span>Результаты <em>пробного</em> ОГЭ</span></caption>
            <thead>
            <tr>
            <th scope="col" class="align-left">Класс</th>
            <th scope="col" class="align-center">Было, балл</th>
            <th scope="col" class="align-right">Стало, балл</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-left">9 «А»</td>
            <td class="align-center"><strong>11,2</strong></td>
            <td class="align-right"><a href="../../schools/leader-school/">14,8</a></td>
            </tr>
            <tr>
            <td class="align-left">9 | 11</td>
            <td class="align-center">3</td>
            <td class="align-right">4</td>
            </tr>
            </tbody>
            </table>
            </div>
            """
        #expect(page.contains(expected))
        #expect(!page.contains("| Класс |"))
        #expect(!page.contains("Таблица:"), "the caption paragraph is taken into the table")
        #expect(page.contains("<p>После таблицы.</p>"))
        // The search index and the catalog read the page; the text of every cell is on it.
        #expect(page.contains("Стало, балл"))
    }

    @Test("tables in a seminar's report and in a program's Markdown field; a table without a caption is named by the theme")
    func otherPlaces() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.build()
        let seminar = try Self.page(site, "seminars/future-seminar/index.html")
        #expect(seminar.contains("aria-label=\"Таблица\""))
        #expect(seminar.contains("<th scope=\"col\" class=\"align-right\">Участников</th>"))
        #expect(seminar.contains("<td>Математика</td>"))
        let program = try Self.page(site, "programs/tutoring/index.html")
        #expect(program.contains("<th scope=\"col\">Показатель</th>"))
        #expect(program.contains("<td>Доля «2»</td>"))
    }

    @Test("a table's text is kept safe: HTML in a cell is dropped and reported, javascript: links emptied")
    func safeCells() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("content/seminars/future-seminar.md", """
            ---
            title: Будущий семинар
            date: 2027-03-01
            host: other-school
            ---
            | Секция | Ссылка |
            |---|---|
            | <img src=x onerror=alert(1)> | [плохая](javascript:alert(1)) |
            """)
        let report = try site.build()
        let page = try Self.page(site, "seminars/future-seminar/index.html")
        let start = try #require(page.range(of: "<table>")), end = try #require(page.range(of: "</table>"))
        let table = page[start.lowerBound..<end.upperBound]
        #expect(table.contains("<td><!-- raw HTML omitted --></td>"))
        #expect(table.contains("<td><a href=\"\">плохая</a></td>"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("href=\"javascript:"))
        #expect(report.warnings.contains { $0.location.description == "content/seminars/future-seminar.md:8:3" && $0.message.ru.contains("<img>") })
    }

    @Test("the digest prints the table: its print page has it and the PDF shows its cells")
    func digest() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let pdf = site.root.appendingPathComponent("gia.pdf")
        let result = try DigestCommandRunner.run(id: "gia", site: site.root, pdf: pdf, printer: DigestPrinter.find())
        let html = try String(contentsOf: result.html, encoding: .utf8).replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: "&nbsp;", with: " ")
        #expect(html.contains("<th scope=\"col\" class=\"align-center\">Было, балл</th>"))
        #expect(html.contains("<caption><span>Результаты <em>пробного</em> ОГЭ</span></caption>"))
        #expect(result.pdfSize != nil, "WeasyPrint must be installed: scripts/test.sh installs it")
        let text = try DigestTests.tool("pdftotext", ["-layout", pdf.path, "-"])
        // One row of the table stays on one line of the page, its cells in order.
        let row = text.split(separator: "\n").first { $0.contains("9 «А»") }
        #expect(row.map { DigestTests.collapse(String($0)) } == "9«А»11,214,8")
        #expect(DigestTests.collapse(text).contains("РезультатыпробногоОГЭ"))
        #expect(!text.contains("| Класс |"))
    }
}
