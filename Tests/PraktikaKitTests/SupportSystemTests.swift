import Foundation
import Testing
@testable import PraktikaKit

/// Issue 18 end to end on the valid fixture site: yearly registers, the
/// people who accompany schools, measured indicators, plan statuses, monitoring.
@Suite("The support system: registers, people, indicators, roadmaps")
struct SupportSystemTests {
    @Test("a register lists its schools and what changed since the year before; a school's page has its years")
    func registers() throws {
        let (root, output) = try DisseminationTests.built()
        defer { try? FileManager.default.removeItem(at: root) }
        let year = try DisseminationTests.page(output, "registers/syktyvkar-2021/index.html")
        #expect(year.contains("<h2 id=\"changes-title\">Изменения по сравнению с 2020</h2>"))
        #expect(year.contains("<dt>Вошли в список</dt> <dd><ul class=\"plain\"><li><a href=\"../../schools/school-klyuchi/\">"))
        #expect(year.contains("<dt>Вышли из списка</dt> <dd><ul class=\"plain\"><li><a href=\"../../schools/school-20/\">"))
        #expect(year.contains("(район Лесозавод)</span>\n: Школы с низкими результатами обучения → Школы с низкими результатами обучения, Школы в неблагоприятных социальных условиях</li>"))
        #expect(year.contains("<a href=\"../../registers/syktyvkar-2020/\" rel=\"prev\">← 2020</a>"))
        let school = try DisseminationTests.page(output, "schools/school-33/index.html")
        #expect(school.contains("<li><a href=\"../../registers/syktyvkar-2021/\">2021</a>: Школы с низкими результатами обучения; Школы в неблагоприятных социальных условиях <span class=\"muted\">(Приказ управления образования № 388 от 25 августа 2021)</span></li>"))
        let home = try DisseminationTests.page(output, "index.html")
        #expect(home.contains("В 2021 году в списках программы — 2 школы, по сравнению с прошлым годом вышли из списка 1"))
        #expect(try DisseminationTests.page(output, "registers/index.html").contains("Школы — участники муниципальной программы в 2021 году"))
    }

    @Test("a person written as an id is linked both ways; the people page groups by territory and role; contacts can be hidden")
    func people() throws {
        let (root, output) = try DisseminationTests.built()
        defer { try? FileManager.default.removeItem(at: root) }
        let network = try DisseminationTests.page(output, "networks/gymnasium-network/index.html")
        #expect(network.contains("<p><a href=\"../../people/ryabova-olga/\">Рябова Ольга Николаевна</a>, заместитель директора по методической работе"))
        let person = try DisseminationTests.page(output, "people/ryabova-olga/index.html")
        #expect(person.contains("<h2 id=\"person-networks-title\">Координирует сети</h2>"))
        #expect(person.contains("networks/gymnasium-network/"))
        #expect(person.contains("mailto:gymnasium1@example.ru"))
        // A coordinator answers for a territory: every school of it; a mentor only for the schools named.
        #expect(person.contains("schools/school-20/") && person.contains("schools/gymnasium-1/"))
        #expect(try DisseminationTests.page(output, "schools/school-33/index.html").contains("<a href=\"../../people/petrova-anna/\">Петрова Анна Сергеевна</a>, учитель математики <span class=\"muted\">— наставник</span>"))
        #expect(!(try DisseminationTests.page(output, "schools/school-20/index.html")).contains("petrova-anna"))
        // A person without an organisation: the lead is the position, never the site's publisher read from around it.
        let mentor = try DisseminationTests.page(output, "people/petrova-anna/index.html")
        #expect(mentor.contains("<p class=\"lead\">учитель математики</p>") && !mentor.contains("OrganisationModel"))
        let index = try DisseminationTests.page(output, "people/index.html")
        #expect(index.contains("<h2>МО ГО «Сыктывкар»</h2>"))
        #expect(index.contains("<h3>Муниципальные координаторы</h3>"))
        #expect(index.contains("<h2>Без закрепления за территорией</h2>"))

        let (hiddenRoot, hidden) = try DisseminationTests.built { site in
            let path = site.appendingPathComponent("content/site.yaml")
            try (String(contentsOf: path, encoding: .utf8) + "people_contacts: false\n").write(to: path, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: hiddenRoot) }
        #expect(!(try DisseminationTests.page(hidden, "people/ryabova-olga/index.html")).contains("gymnasium1@example.ru"))
        #expect(!(try DisseminationTests.page(hidden, "people/ryabova-olga/index.html")).contains("00-00-01"))
        #expect(!(try DisseminationTests.page(hidden, "networks/gymnasium-network/index.html")).contains("mailto:gymnasium1@example.ru"))
    }

    @Test("measured indicators and monitoring are drawn and tabled; plan items show their status and the plan its progress")
    func indicatorsAndPlan() throws {
        let (root, output) = try DisseminationTests.built()
        defer { try? FileManager.default.removeItem(at: root) }
        let program = try DisseminationTests.page(output, "programs/gymnasium-tutoring/index.html")
        #expect(program.contains("<figcaption>Доля уроков с элементами формирующего оценивания, %</figcaption>"))
        #expect(program.contains("<svg class=\"year-chart\""))
        #expect(program.contains("<tr><th scope=\"row\">2020 <span class=\"muted\">(базовое значение)</span></th><td class=\"num\">15</td></tr><tr><th scope=\"row\">2021</th><td class=\"num\">54</td></tr><tr><th scope=\"row\">2021 <span class=\"muted\">(цель)</span></th><td class=\"num\">40</td></tr>"))
        #expect(program.contains("<p class=\"plan-progress\">Выполнение плана: выполнено 1 из 2</p>"))
        #expect(program.contains("<span class=\"plan-status status-in-progress\">Выполняется</span>"))
        #expect(program.contains("<a href=\"../../practices/mentoring-pairs/\">полю затруднений</a>"))
        // The text indicator stays in the passport.
        #expect(program.contains("<li><p>Доля учителей, работающих в наставнических парах.</p></li>") || program.contains("Доля учителей, работающих в наставнических парах."))
        let school = try DisseminationTests.page(output, "schools/school-20/index.html")
        #expect(school.contains("<td class=\"num\">22,5</td><td>ФИС ОКО</td>"))
    }
}
