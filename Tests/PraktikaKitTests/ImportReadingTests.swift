import Foundation
import Testing
@testable import PraktikaKit

/// The importer's readers of Russian office prose, one by one.
@Suite("import: reading Russian office text")
struct ImportReadingTests {
    @Test("periods with Russian month names, with and without years, across New Year", arguments: [
        ("сентябрь-октябрь 2020", "2020-09", "2020-10"),
        ("октябрь 2020- апрель 2021", "2020-10", "2021-04"),
        ("май2023г. - сентябрь2023г.", "2023-05", "2023-09"),
        ("сентябрь – май 2021", "2020-09", "2021-05"),
        ("с сентября 2022 года по май 2023 года", "2022-09", "2023-05"),
        ("декабрь2023г.", "2023-12", "2023-12"),
    ])
    func periods(text: String, from: String, to: String) {
        let period = RussianText.period(in: text)
        #expect(period?.from?.description == from)
        #expect(period?.to?.description == to)
    }

    @Test("a period without any year is not guessed")
    func periodWithoutYear() {
        #expect(RussianText.period(in: "май – август") == nil)
        #expect(RussianText.period(in: "материалы и мартышки") == nil)
    }

    @Test("the approving order in its usual forms")
    func approval() {
        let stamp = "УТВЕРЖДЕНА\nприказом Управления образования администрации МО ГО «Сыктывкар»\nот  20 августа 2020 г. № 472"
        let found = RussianText.approval(in: stamp)
        #expect(found?.by == "Приказ Управления образования администрации МО ГО «Сыктывкар»")
        #expect(found?.number == "472")
        #expect(found?.date == Day(year: 2020, month: 8, day: 20))
        let dotted = RussianText.approval(in: "Утверждено постановлением администрации района от 23.01.2024 № 83/ОД")
        #expect(dotted?.by == "Постановление администрации района")
        #expect(dotted?.number == "83/ОД")
        #expect(dotted?.date == Day(year: 2024, month: 1, day: 23))
        let numberFirst = RussianText.approval(in: "Утверждена приказом МУ ДПО «ЦРО» № 12-п от 03.09.2021")
        #expect(numberFirst?.by == "Приказ МУ ДПО «ЦРО»")
        #expect(numberFirst?.number == "12-п")
        #expect(numberFirst?.date == Day(year: 2021, month: 9, day: 3))
        let schoolNumber = RussianText.approval(in: "УТВЕРЖДЕНА приказом директора СОШ № 5 от 01.04.2021 № 15")
        #expect(schoolNumber?.by == "Приказ директора СОШ № 5")
        #expect(schoolNumber?.number == "15")
    }

    @Test("numbers the Russian way", arguments: [
        ("3,1", 3.1, nil), ("48 %", 48, "%"), ("1 250", 1250, nil), ("48,5%", 48.5, "%"),
    ] as [(String, Double, String?)])
    func numbers(text: String, value: Double, unit: String?) {
        let number = RussianText.number(text)
        #expect(number?.value == value)
        #expect(number?.unit == unit)
    }

    @Test("text is not a number")
    func notNumbers() {
        #expect(RussianText.number("нет данных") == nil)
        #expect(RussianText.number("") == nil)
    }

    @Test("ids transliterated from titles")
    func slugs() {
        #expect(RussianText.slug("Наставнические пары «учитель – учитель»") == "nastavnicheskie-pary-uchitel-uchitel")
        #expect(RussianText.slug("Каникулы ГИА в СОШ № 20, 2021 год", words: 8) == "kanikuly-gia-sosh-20-2021-god")
        #expect(RussianText.slug("Щедрый ёж") == "shchedryy-ezh")
    }

    @Test("field labels and their synonyms")
    func labels() {
        #expect(ProgramField.match("Наименование программы") == .title)
        #expect(ProgramField.match("Название Программы") == .title)
        #expect(ProgramField.match("Сроки и этапы реализации") == .stages)
        #expect(ProgramField.match("Целевые индикаторы и показатели эффективности") == .indicators)
        #expect(ProgramField.match("Цели и задачи") == .goalAndTasks)
        #expect(ProgramField.match("Цель реализации Программы") == .goal)
        #expect(ProgramField.match("Риски и меры по их устранению") == .risks)
        #expect(ProgramField.match("Ожидаемые результаты реализации программы") == .expectedResults)
        #expect(ProgramField.match("Нормативно-правовая основа Программы") == .legalBasis)
        #expect(ProgramField.match("Основные разработчики") == nil)
        #expect(PracticeField.match("Название практики") == .title)
        #expect(PracticeField.match("Образовательная организация") == .school)
        #expect(PracticeField.match("Условия тиражирования") == .replicability)
        #expect(PracticeField.match("ФИО автора, должность") == .author)
    }

    @Test("schools found by full or short name; a near miss is a suggestion; another number is never taken")
    func schools() {
        let matcher = SchoolMatcher(schools: [
            .init(id: "gymnasium-1-syktyvkar", name: "МАОУ «Гимназия № 1» г. Сыктывкара", shortName: "Гимназия № 1"),
            .init(id: "school-33-syktyvkar", name: "МАОУ «СОШ № 33» г. Сыктывкара", shortName: "СОШ № 33"),
        ])
        if case .exact(let school) = matcher.match("МАОУ \"Гимназия №1\" г.Сыктывкара") { #expect(school.id == "gymnasium-1-syktyvkar") } else { Issue.record("not exact") }
        if case .exact(let school) = matcher.match("Муниципальное автономное общеобразовательное учреждение «СОШ № 33»") {
            #expect(school.id == "school-33-syktyvkar")
        } else { Issue.record("short name inside the full name not found") }
        if case .unsure(let school) = matcher.match("Средняя школа № 33 Эжвинского района г. Сыктывкара") { #expect(school.id == "school-33-syktyvkar") } else { Issue.record("no suggestion") }
        if case .none = matcher.match("МАОУ «СОШ № 20» г. Сыктывкара") {} else { Issue.record("took a school with another number") }
    }

    @Test("hand-typed list markers and «- … - …» in one line")
    func lists() {
        #expect(RussianText.stripListMarker("1.Достижение качества").text == "Достижение качества")
        #expect(RussianText.stripListMarker("2020 год").marked == false)
        #expect(ListReader.splitInlineDashes("Задачи: - первая; - вторая") == ["первая", "вторая"])
        #expect(ListReader.splitInlineDashes("сентябрь - октябрь") == [])
    }

    @Test("only picture formats a browser shows, and nothing can run in, are taken")
    func pictureFormats() {
        #expect(DocumentPictures.allowedExtensions == ["png", "jpg", "jpeg", "gif", "webp"])
        let pictures = DocumentPictures(container: URL(fileURLWithPath: "/nonexistent.docx"))
        #expect(throws: DocumentPictures.Failure.self) { try pictures.data(for: "media/image1.svg") }
        #expect(throws: DocumentPictures.Failure.self) { try pictures.data(for: "media/image1.emf") }
        #expect(throws: DocumentPictures.Failure.self) { try pictures.data(for: "media/image1.png") }
    }

    @Test("paragraphs with typed «- » or «·» become a Markdown list; «-2» stays a number; markup is escaped")
    func typedBullets() {
        let writer = MarkdownWriter()
        let blocks: [PandocBlock] = [
            .para([.str("Меры:")]),
            .para([.str("-"), .space, .str("разъяснение"), .space, .emph([.str("целей")])]),
            .para([.str("·индивидуальная"), .space, .str("работа")]),
            .para([.str("-2"), .space, .str("градуса")]),
            .para([.str("1."), .space, .str("не"), .space, .str("список"), .space, .str("*звёздочка*")]),
        ]
        #expect(writer.blocks(blocks) == "Меры:\n\n- разъяснение *целей*\n- индивидуальная работа\n\n\\-2 градуса\n\n1\\. не список \\*звёздочка\\*")
    }

    @Test("pandoc 3's Figure blocks and Word formulas are read, not dropped")
    func pandocThreeFigures() throws {
        let json = #"{"pandoc-api-version":[1,23],"meta":{},"blocks":[{"t":"Figure","c":[["",[],[]],[null,[{"t":"Plain","c":[{"t":"Str","c":"Схема"}]}]],[{"t":"Plain","c":[{"t":"Image","c":[["",[],[]],[],["media/image1.png",""]]}]}]]},{"t":"Para","c":[{"t":"Math","c":[{"t":"InlineMath"},"x^2"]}]}]}"#
        let document = try PandocDocument.decode(Data(json.utf8))
        var writer = MarkdownWriter()
        writer.imageTarget = { $0 == "media/image1.png" ? "file:programs/p/image1.png" : nil }
        #expect(writer.blocks(document.blocks) == "![Рисунок](file:programs/p/image1.png)\n\nСхема\n\n`x^2`")
    }
}

