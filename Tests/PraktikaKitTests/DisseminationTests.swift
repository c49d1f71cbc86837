import Foundation
import Testing
@testable import PraktikaKit

/// Issue 19 end to end on the valid fixture site: a replication (`based_on`),
/// evidence, cost and comparable outcomes, on the pages, the catalog's index,
/// the feed, JSON-LD and the search filters.
@Suite("Where a practice spread, its evidence, cost and outcomes")
struct DisseminationTests {
    /// The valid fixture site built once into a temporary folder.
    static func built(_ edit: (URL) throws -> Void = { _ in }) throws -> (root: URL, output: URL) {
        let (root, site) = try FixtureSiteFolders.copy(FixtureSiteFolders.valid)
        try edit(site)
        let output = root.appendingPathComponent("public", isDirectory: true)
        _ = try SiteBuilder.build(FixtureSiteFolders.options(site: site, output: output))
        return (root, output)
    }

    static func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("a replication is shown both ways; a draft based on the practice does not count")
    func replicationsBothWays() throws {
        let (root, output) = try Self.built()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try Self.page(output, "practices/mentoring-pairs/index.html")
        #expect(source.contains("<h2 id=\"replications-title\">Где применена</h2>"))
        #expect(source.contains("<a href=\"../../practices/visiting-lessons/\">Взаимопосещение уроков «В гостях у коллег»</a><br><span class=\"muted\">СОШ № 33, МО ГО «Сыктывкар», 2021</span>"))
        #expect(source.contains("20 → 41 % <span class=\"verdict is-better\">(лучше)</span>"))
        // One school took it up (СОШ № 33); the draft of the gymnasium's is not a replication.
        #expect(source.contains(">применена ещё в 1 школе</a>"))
        #expect(!source.contains("Черновик плана"))
        let replication = try Self.page(output, "practices/visiting-lessons/index.html")
        #expect(replication.contains("<dt>Основана на практике</dt> <dd><ul class=\"plain\"><li><a href=\"../../practices/mentoring-pairs/\">Наставнические пары «гимназия — школа»</a>"))
        #expect(replication.contains("\"isBasedOn\":[{\"@type\":\"Article\",\"headline\":\"Наставнические пары «гимназия — школа»\",\"url\":\"https://uo.example.ru/praktiki/practices/mentoring-pairs/\"}]"))
        // The card on every list says so, and the catalog's script gets the count.
        #expect(try Self.page(output, "practices/index.html").contains("<span class=\"card-replications\">применена ещё в 1 школе</span>"))
        let index = try Self.page(output, "practices/catalog-index.js")
        #expect(index.contains("\"replicationTexts\":{\"1\":\"применена ещё в 1 школе\"}"))
        let feed = try Self.page(output, "feed.xml")
        #expect(feed.contains("<link rel=\"related\" href=\"https://uo.example.ru/praktiki/practices/mentoring-pairs/\"/>"))
    }

    @Test("evidence and cost: explained badges, facets, search filters, feed categories; self-report by default")
    func evidenceAndCost() throws {
        let (root, output) = try Self.built()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try Self.page(output, "practices/mentoring-pairs/index.html")
        #expect(page.contains("<li class=\"badge-evidence level-monitoring\"><a href=\"#evidence-title\">Доказательность: Подтверждено мониторингом</a></li><li>Участников: 34</li>"))
        #expect(page.contains("<dt id=\"cost-title\">Затраты</dt> <dd><a href=\"../../cost/medium/\">Средние затраты</a>. <span class=\"muted\">Оплата часов наставникам или поездки между школами.</span></dd>"))
        #expect(page.contains("Подтверждено: Управление образования МО ГО «Сыктывкар», июнь 2021"))
        #expect(page.contains("<span data-pagefind-filter=\"Доказательность\">Подтверждено мониторингом</span>"))
        // Without an evidence block a practice is its school's own report.
        let plain = try Self.page(output, "practices/parents-saturday/index.html")
        #expect(plain.contains("Доказательность: Самооценка школы"))
        #expect(try Self.page(output, "cost/medium/index.html").contains("practices/mentoring-pairs/"))
        let index = try Self.page(output, "practices/catalog-index.js")
        #expect(index.contains("{\"key\":\"evidence\",\"label\":\"Доказательность\",\"values\":[\"Самооценка школы\",\"Подтверждено мониторингом\",\"Внешняя оценка\",\"Экспертиза\"]}"))
        #expect(index.contains("{\"key\":\"cost\",\"label\":\"Затраты\",\"values\":[\"Без затрат\",\"Низкие затраты\",\"Средние затраты\",\"Высокие затраты\"]}"))
        let feed = try Self.page(output, "feed.xml")
        #expect(feed.contains("<category term=\"evidence/monitoring\" label=\"Подтверждено мониторингом\"/>"))
        #expect(feed.contains("<category term=\"cost/medium\" label=\"Средние затраты\"/>"))
    }

    @Test("an outcome's page compares every result for it, the largest improvement first; the home page names the best")
    func outcomes() throws {
        let (root, output) = try Self.built()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try Self.page(output, "outcomes/formative-assessment-lessons/index.html")
        let first = try #require(outcome.range(of: "Наставнические пары «гимназия — школа»</a>"))
        let second = try #require(outcome.range(of: "Взаимопосещение уроков «В гостях у коллег»</a>"))
        #expect(first.lowerBound < second.lowerBound, "+39 comes before +21")
        #expect(outcome.contains("<td class=\"num change is-better\">+39 <span class=\"verdict\">(лучше)</span></td>"))
        #expect(outcome.contains("<caption>в единицах: %</caption>"))
        let home = try Self.page(output, "index.html")
        #expect(home.contains("<h2 id=\"home-outcomes\">Что лучше всего сработало</h2>"))
        #expect(home.contains("Уроки с формирующим оцениванием</a>: <span class=\"change is-better\">15 → 54 %</span>"))
        // The catalog can order by it: the improvements ride on the items.
        let index = try Self.page(output, "practices/catalog-index.js")
        #expect(index.contains("\"outcomes\":[{\"id\":\"formative-assessment-lessons\",\"label\":\"Уроки с формирующим оцениванием\",\"unit\":\"%\"}]"))
        #expect(index.contains("\"practices/mentoring-pairs/\""))
        #expect(index.contains(",1,{\"0\":39}]"))
    }

    @Test("«Хочу применить» writes to replication_contact, to a form's address, or to the practice's contact")
    func replicate() throws {
        let (root, output) = try Self.built()
        defer { try? FileManager.default.removeItem(at: root) }
        let page = try Self.page(output, "practices/mentoring-pairs/index.html")
        let subject = "Хочу применить практику «Наставнические пары «гимназия — школа»»"
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))!
        #expect(page.contains("<a class=\"button\" href=\"mailto:uo@example.ru?subject=\(subject)&amp;body="))

        let (formRoot, formOutput) = try Self.built { site in
            let path = site.appendingPathComponent("content/site.yaml")
            let text = try String(contentsOf: path, encoding: .utf8)
                .replacingOccurrences(of: "replication_contact: uo@example.ru", with: "replication_contact: https://uo.example.ru/zayavka/")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: formRoot) }
        #expect(try Self.page(formOutput, "practices/mentoring-pairs/index.html")
            .contains("<a class=\"button\" href=\"https://uo.example.ru/zayavka/\" rel=\"noopener\">Хочу применить</a>"))

        // Without replication_contact: the practice's own contact, if it has an e-mail.
        let (ownRoot, ownOutput) = try Self.built { site in
            let path = site.appendingPathComponent("content/site.yaml")
            let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "replication_contact: uo@example.ru\n", with: "")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: ownRoot) }
        #expect(try Self.page(ownOutput, "practices/mentoring-pairs/index.html").contains("href=\"mailto:gymnasium1@example.ru?subject="))
        #expect(!(try Self.page(ownOutput, "practices/parents-saturday/index.html")).contains("Хочу применить"))
    }
}
