import Foundation
@testable import PraktikaKit

/// A small but complete site written into a temporary folder; tests change
/// single files of it to provoke one situation each.
struct FixtureSite {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("praktika-tests-\(UUID().uuidString)", isDirectory: true)
        for (path, text) in Self.files {
            try write(path, text)
        }
        try write(data: Data("%PDF-1.4\n% test attachment\n".utf8), to: "content/files/practices/Презентация наставничество.pdf")
        try write(data: Data(repeating: 0x41, count: 2048), to: "content/files/draft-only.pdf")
    }

    func write(_ path: String, _ text: String) throws {
        try write(data: Data(text.utf8), to: path)
    }

    func write(data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    var output: URL { root.appendingPathComponent("public", isDirectory: true) }

    func options(output: URL? = nil, offline: Bool = false) -> BuildOptions {
        BuildOptions(site: root, output: output, offline: offline, today: Day(year: 2026, month: 11, day: 22))
    }

    @discardableResult
    func build(offline: Bool = false) throws -> BuildReport {
        try SiteBuilder.build(options(offline: offline))
    }

    /// The diagnostics of a build that must fail.
    func errors() -> [Diagnostic] {
        do {
            _ = try SiteBuilder.build(options())
            return []
        } catch let errors as ContentErrors {
            return errors.diagnostics
        } catch {
            return [.error(SourceLocation(file: "?"), LocalizedText(en: "\(error)", ru: "\(error)"))]
        }
    }

    /// A content or theme file's text.
    func source(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }

    static let files: [String: String] = [
        "content/site.yaml": """
            title: Банк практик
            description: Практики поддержки школ с низкими результатами
            organisation:
              name: Управление образования
              email: uo@example.ru
            base_url: https://uo.example.ru/praktiki/
            language: ru
            """,
        "content/vocabularies/topics.yaml": """
            - id: mentoring
              label: Наставничество
            - id: gia
              label: Подготовка к ГИА
            """,
        "content/vocabularies/risk-factors.yaml": """
            - id: low-motivation
              label: Низкая учебная мотивация обучающихся
            - id: teacher-competence
              label: Недостаточная предметная и методическая компетентность педагогических работников
            """,
        "content/schools/leader-school.md": """
            ---
            name: МАОУ «Гимназия № 1»
            short_name: Гимназия № 1
            region: Республика Коми
            municipality: МО ГО «Сыктывкар»
            statuses:
              - {year: 2021, status: leader}
            ---
            Гимназия — школа-лидер.
            """,
        "content/schools/supported-school.md": """
            ---
            name: МАОУ «СОШ № 20»
            short_name: СОШ № 20
            region: Республика Коми
            municipality: МО ГО «Сыктывкар»
            statuses:
              - {year: 2021, status: low-results}
            ---
            Школа с низкими результатами.
            """,
        "content/schools/other-school.md": """
            ---
            name: МАОУ «СОШ № 33»
            short_name: СОШ № 33
            region: Республика Коми
            municipality: МО ГО «Сыктывкар»
            ---
            Ещё одна школа.
            """,
        "content/networks/gym-network.md": """
            ---
            name: Сеть «Гимназия № 1 — СОШ № 20, СОШ № 33»
            level: intermunicipal
            period: {from: 2020-09, to: 2021-08}
            leader: leader-school
            members:
              - supported-school
              - {school: other-school, from: 2021-01}
            programs: [tutoring]
            ---
            Лидер работает с [СОШ № 20](school:supported-school).
            """,
        "content/programs/tutoring.yaml": """
            title: Программа тьюторского сопровождения
            kind: tutoring
            owner: leader-school
            network: gym-network
            goal: Повышение качества образования
            tasks:
              - Выделить профессиональные затруднения
            stages:
              - name: Организационный
                period: {from: 2020-09, to: 2020-10}
            risks:
              - risk: Формальное отношение
                measures: [Разъяснение целей]
            plan:
              - title: Организационный этап
                items:
                  - {number: 1, action: Диагностика затруднений, executor: Гимназия, due: Сентябрь 2020}
                  - {number: 2, action: Создание пар наставничества, executor: Гимназия, due: Октябрь 2020}
              - title: Проектировочный этап
                items:
                  - {number: 3, action: "Семинар, см. [практику](practice:mentoring)", executor: ЦРО, due: В течение года}
            """,
        "content/practices/mentoring.md": """
            ---
            title: Наставнические пары
            summary: Учителя гимназии работают в парах с учителями школ.
            schools: [leader-school, supported-school]
            network: gym-network
            program: tutoring
            topics: [mentoring]
            risk_factors: [teacher-competence]
            status: recommended
            date: 2021-05-20
            results:
              - {indicator: Доля уроков с затруднениями, before: 40, after: 15, unit: "%", source: Анкетирование}
            attachments:
              - {file: practices/Презентация наставничество.pdf, title: Презентация}
            resources: Время учителей, [см. сеть](network:gym-network).
            ---
            ## Проблема

            См. [гимназию](school:leader-school) и [презентацию](<file:practices/Презентация наставничество.pdf>).

            <script>alert('x')</script>
            """,
        "content/practices/gia-holidays.md": """
            ---
            title: Каникулы ГИА
            summary: Интенсивы для девятиклассников в каникулы.
            schools: [other-school]
            topics: [gia]
            risk_factors: [low-motivation]
            date: 2022-03-01
            ---
            Практика [СОШ № 33](school:other-school).
            """,
        "content/practices/secret-draft.md": """
            ---
            title: Секретный черновик
            summary: Не публикуется.
            schools: [leader-school]
            topics: [mentoring]
            status: draft
            attachments:
              - {file: draft-only.pdf}
            ---
            Черновик.
            """,
        "content/seminars/network-seminar.md": """
            ---
            title: Межсетевой семинар
            date: 2021-04-15
            kind: seminar
            level: intermunicipal
            format: in-person
            organiser: {organisation: ЦРО}
            host: leader-school
            network: gym-network
            agenda:
              - time: 10:00
                title: Наставничество в сети
                speakers:
                  - {name: Иванова И. И., position: учитель, school: supported-school}
                practice: mentoring
            materials:
              - {url: "https://example.ru/video", title: Запись}
            ---
            Итоги семинара.
            """,
        "content/seminars/future-seminar.md": """
            ---
            title: Будущий семинар
            date: 2027-03-01
            kind: webinar
            host: other-school
            ---
            Анонс.
            """,
    ]
}
