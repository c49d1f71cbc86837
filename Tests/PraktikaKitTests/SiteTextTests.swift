import Foundation
import Testing
@testable import PraktikaKit

/// The words around numbers, dates and descriptions as readers see them:
/// the plural form after a count, the case of a month after «с»/«до», and
/// descriptions made from Markdown as plain text.
@Suite("Site texts: plural forms, month case, plain-text descriptions")
struct SiteTextTests {
    static func defaultStrings() throws -> [String: String] {
        let (theme, diagnostics) = Theme.load(siteThemeDirectory: nil, language: "ru", displayRoot: FileManager.default.temporaryDirectory)
        return try #require(theme, "\(diagnostics)").strings
    }

    // MARK: Plural forms

    @Test("Russian plural categories by CLDR", arguments: [
        (0, PluralCategory.many), (1, .one), (2, .few), (4, .few), (5, .many), (11, .many), (12, .many), (14, .many),
        (21, .one), (22, .few), (25, .many), (101, .one), (111, .many), (112, .many), (122, .few), (1001, .one),
    ])
    func russianCategories(count: Int, expected: PluralCategory) {
        #expect(PluralCategory.of(count, language: "ru") == expected)
    }

    @Test("English has one and other; a region tag does not change the rule")
    func englishCategories() {
        #expect([0, 1, 2, 11, 21, 101].map { PluralCategory.of($0, language: "en") } == [.other, .one, .other, .other, .other, .other])
        #expect(PluralCategory.of(21, language: "ru-RU") == .one)
        #expect(PluralCategory.of(22, language: "uk") == .few)
    }

    @Test("the default theme's counted nouns in Russian", arguments: [
        (0, "0 практик"), (1, "1 практика"), (2, "2 практики"), (5, "5 практик"), (11, "11 практик"), (12, "12 практик"),
        (21, "21 практика"), (22, "22 практики"), (25, "25 практик"), (101, "101 практика"), (111, "111 практик"),
    ])
    func russianPractices(count: Int, expected: String) throws {
        #expect(TextFormat(strings: try Self.defaultStrings(), language: "ru").counted(count, "stats_practices") == expected)
    }

    @Test("every counted noun of the default theme has its three Russian forms")
    func everyCountHasItsForms() throws {
        let strings = try Self.defaultStrings()
        let format = TextFormat(strings: strings, language: "ru")
        #expect(format.counted(1, "stats_networks") == "1 сеть")
        #expect(format.counted(3, "stats_seminars") == "3 семинара")
        #expect(format.counted(4, "stats_schools") == "4 школы")
        #expect(format.counted(2, "network_member_count") == "2 сопровождаемые школы")
        #expect(format.counted(31, "network_member_count") == "31 сопровождаемая школа")
        #expect(format.counted(7, "term_count") == "7 практик")
        for key in ["stats_practices", "stats_schools", "stats_networks", "stats_seminars", "term_count", "network_member_count"] {
            for form in ["one", "few", "many"] { #expect(strings["\(key)_\(form)"] != nil, "\(key)_\(form)") }
            #expect(strings[key] != nil, "the single key \(key) stays for themes that use it")
        }
    }

    @Test("a theme without plural forms keeps its single word; English themes give one and other")
    func pluralFallbacks() {
        let old = TextFormat(strings: ["stats_practices": "кейсов"], language: "ru")
        #expect(old.counted(1, "stats_practices") == "1 кейсов")
        let english = TextFormat(strings: ["stats_practices_one": "practice", "stats_practices_other": "practices"], language: "en")
        #expect(english.counted(1, "stats_practices") == "1 practice")
        #expect(english.counted(0, "stats_practices") == "0 practices")
        #expect(english.counted(21, "stats_practices") == "21 practices")
    }

    // MARK: Month case

    @Test("a month alone after «с» and «до» is genitive; a range stays nominative; full dates as before")
    func monthCase() throws {
        let format = TextFormat(strings: try Self.defaultStrings(), language: "ru")
        #expect(format.period(from: Day("2021-01"), to: nil) == "с января 2021")
        #expect(format.period(from: Day("2021-03"), to: nil) == "с марта 2021")
        #expect(format.period(from: nil, to: Day("2022-05")) == "до мая 2022")
        #expect(format.period(from: nil, to: Day("2022-08")) == "до августа 2022")
        #expect(format.period(from: Day("2021-01"), to: Day("2022-05")) == "январь 2021 — май 2022")
        #expect(format.period(from: Day("2021-09-01"), to: nil) == "с 1 сентября 2021")
        #expect(format.date(Day("2021-09")) == "сентябрь 2021")
    }

    @Test("a theme that changes the preposition without saying its case gets the nominative form («по май»)")
    func prepositionOverride() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-texts-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("i18n", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "period_until: \"по\"\nstats_schools: \"учреждений\"\n".write(to: folder.appendingPathComponent("ru.yaml"), atomically: true, encoding: .utf8)
        let (theme, diagnostics) = Theme.load(siteThemeDirectory: root, language: "ru", displayRoot: root)
        let format = TextFormat(strings: try #require(theme, "\(diagnostics)").strings, language: "ru")
        #expect(format.period(from: nil, to: Day("2022-05")) == "по май 2022")
        #expect(format.period(from: Day("2021-01"), to: nil) == "с января 2021", "the inherited preposition keeps its case")
        // The site's own single word wins over the default theme's plural forms.
        #expect(format.counted(3, "stats_schools") == "3 учреждений")
        #expect(format.counted(3, "stats_practices") == "3 практики")
    }

    @Test("English month names after «since» stay as they are")
    func englishMonths() {
        let months = "January, February, March, April, May, June, July, August, September, October, November, December"
        let format = TextFormat(strings: ["period_since": "since", "period_until": "until", "months": months], language: "en")
        #expect(format.period(from: Day("2021-01"), to: nil) == "since January 2021")
        #expect(format.period(from: nil, to: Day("2022-05")) == "until May 2022")
    }

    // MARK: Plain-text descriptions

    @Test("Markdown as plain text: link text without targets, no heading or emphasis marks, no HTML, images or tables")
    func markdownPlainText() {
        let text = Markdown.plainText("""
            Школа-лидер — [Гимназия № 1](school:gymnasium-1); **важно** и _курсив_, `код` и 5 \\* 2.
            Вторая строка.

            ## Как идёт работа

            <div>скрытый html</div>

            ![Схема сети](file:scheme.png) Работа по <https://example.ru>.

            | Класс | Было |
            |---|---|
            | 5 «А» | 12 |

            Таблица: Подпись таблицы

            - первый пункт
            - второй пункт

            ### Итоги?
            > Цитата.
            """)
        #expect(text == "Школа-лидер — Гимназия № 1; важно и курсив, код и 5 * 2. Вторая строка.\nКак идёт работа.\nРабота по https://example.ru.\nпервый пункт\nвторой пункт\nИтоги?\nЦитата.")
        #expect(PageContext.plainText(text, limit: 200).hasPrefix("Школа-лидер — Гимназия № 1; важно"))
        #expect(Markdown.plainText("| a | b |\n|---|---|\n| 1 | 2 |\n") == "")
    }

    // MARK: End to end

    @Test("the built site: counts agree with their numbers, «с января», descriptions without Markdown")
    func builtSite() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let home = try site.page("index.html")
        for text in ["<strong>2</strong> практики<", "<strong>3</strong> школы<", "<strong>1</strong> сеть<",
                     "<strong>2</strong> семинара<", "· 2 сопровождаемые школы</span>"] {
            #expect(home.contains(text), "index.html: «\(text)»")
        }
        #expect(try site.page("networks/index.html").contains("· 2 сопровождаемые школы</p>"))
        #expect(try site.page("topics/index.html").contains("— 1 практика</span>"))
        let network = try site.page("networks/gym-network/index.html")
        #expect(network.contains("с января 2021"))
        #expect(network.contains("<meta name=\"description\" content=\"Лидер работает с СОШ № 20.\">"))
        #expect(network.contains("<meta property=\"og:description\" content=\"Лидер работает с СОШ № 20.\">"))
    }
}
