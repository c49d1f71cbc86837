import Foundation
import Testing
@testable import PraktikaKit

/// `praktika import` end to end: real .docx files written by python-docx (and one
/// .doc saved by LibreOffice) go through pandoc into a fresh `praktika init` site;
/// the fields are read back through praktika's own loader and the site must check.
/// One test at a time: each may start LibreOffice, and several at once crowd out the
/// timing-sensitive serve tests on a small machine.
@Suite("praktika import of Word documents", .serialized)
struct ImportTests {
    /// The documents of Tests/import/make_documents.py, made once per test run.
    static let documents: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-import-docs-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/import/make_documents.py").path, folder.path]
        try? process.run()
        process.waitUntilExit()
        return folder
    }()

    /// pandoc, LibreOffice and python run in child processes; waiting for them must not hold
    /// one of Swift's few cooperative threads, or async tests beside these (serve) starve.
    static func blocking<T>(_ work: @escaping () throws -> T) async throws -> T {
        let job = UncheckedBox(work)
        let result: UncheckedBox<Result<T, Error>> = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: UncheckedBox(Result { try job.value() })) }
        }
        return try result.value.get()
    }

    /// Runs the importer off the cooperative pool.
    static func importing(_ options: @escaping () throws -> DocumentImporter.Options) async throws
        -> [Result<DocumentImporter.Imported, DocumentImporter.Problem>] {
        try await blocking { try DocumentImporter.run(try options()) }
    }

    static func document(_ name: String) throws -> URL {
        let url = documents.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ImportTestFailure(message: "\(name) was not made: Tests/import/make_documents.py needs python-docx and LibreOffice (scripts/install-deps.sh test)")
        }
        return url
    }

    struct ImportTestFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private func newSite() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-import-site-\(UUID().uuidString)", isDirectory: true)
        _ = try Scaffolding.initSite(at: folder)
        return folder
    }

    private func importOne(_ name: String, site: URL, kind: DocumentImporter.Kind? = nil, id: String? = nil) async throws -> DocumentImporter.Imported {
        let results = try await Self.importing { .init(site: site, files: [try Self.document(name)], kind: kind, id: id) }
        return try #require(results.first).get()
    }

    private func content(_ site: URL) throws -> SiteContent {
        let (content, diagnostics) = ContentLoader(root: site).load()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return try #require(content)
    }

    private func expectChecks(_ site: URL) throws {
        let report = try SiteBuilder.check(BuildOptions(site: site))
        #expect(report.warnings.filter { $0.severity == .error }.isEmpty, "\(report.warnings)")
    }

    @Test("a passport table: approving order, lists from Word numbering and typed markers, stages, risks, a plan with stage rows and merged executors")
    func passportProgram() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let imported = try await importOne("passport-program.docx", site: site)
        #expect(imported.kind == .program)
        #expect(imported.id == "programma-tyutorskogo-soprovozhdeniya-sosh-5-primerska")
        #expect(imported.written == ["content/programs/programma-tyutorskogo-soprovozhdeniya-sosh-5-primerska.yaml"])
        let program = try #require(try content(site).programs.first { $0.id == imported.id })

        #expect(program.title == "Программа тьюторского сопровождения СОШ № 5 г. Примерска")
        #expect(program.kind == .tutoring)
        #expect(program.approved?.by == "Приказ Управления образования администрации МО ГО «Примерск»")
        #expect(program.approved?.number == "472")
        #expect(program.approved?.date == Day(year: 2020, month: 8, day: 20))
        #expect(program.legalBasis == ["Приказ Министерства образования от 23.03.2020 г. № 242", "Устав СОШ № 1 г. Примерска"])
        #expect(program.goal?.value == "Повышение качества образования в школе с низкими результатами")
        #expect(program.tasks.map(\.value) == [
            "Выявить профессиональные затруднения педагогов", "Организовать наставничество", "Провести совместные методические проекты",
        ])
        #expect(program.indicators.compactMap(\.text?.value) == ["Доля учителей, прошедших диагностику", "Средний балл ОГЭ по математике"])
        #expect(program.stages.map(\.name) == ["I этап – организационный", "II этап – проектировочный", "III этап –диагностический"])
        #expect(program.stages.map { $0.period?.from?.description } == ["2020-09", "2020-10", "2021-05"])
        #expect(program.stages.map { $0.period?.to?.description } == ["2020-10", "2021-04", "2021-08"])
        #expect(program.resources?.value == "Кадровое обеспечение: команды педагогов обеих школ")
        #expect(program.risks.map(\.risk.value) == ["Формальное отношение педагогов к проекту.", "Недостаточная квалификация специалистов."])
        #expect(program.risks.map { $0.measures.map(\.value) } == [
            ["разъяснение целей проекта;", "индивидуальная работа с педагогами"], ["повышение квалификации"],
        ])
        #expect(program.expectedResults.map(\.value) == ["Рост среднего балла ОГЭ", "Снижение доли неуспевающих"])
        #expect(program.responsible.map(\.name) == ["Иванова Мария Петровна"])
        #expect(program.responsible.map(\.position) == ["заместитель директора по УВР"])

        #expect(program.plan.map(\.title) == ["I этап", "II этап"])
        let first = program.plan[0].items
        #expect(first.map(\.number) == ["1", "2", "3"])
        #expect(first.map(\.action.value) == ["Диагностика профессиональных затруднений", "Формирование наставнических пар", "Семинар для наставников"])
        // «Совет участников» is one cell merged over the first two rows.
        #expect(first.map(\.executor) == ["Совет участников", "Совет участников", "Методист ЦРО"])
        #expect(first.map(\.due) == ["До 15 сентября", "С 15 по 25 сентября", "Октябрь"])
        // The row holding only «и разосланы рекомендации» continues item 3's result.
        #expect(first.map(\.result) == ["Карта затруднений", "Пары сформированы", "Проведён семинар и разосланы рекомендации"])
        #expect(program.plan[1].items.map(\.action.value) == ["Открытые уроки наставников"])
        #expect(program.plan[1].items.map(\.due) == ["Ноябрь – декабрь 2020"])

        // The row no field takes is kept in the description and reported with its place.
        #expect(program.description?.value == "## Основные разработчики\n\nАдминистрация СОШ № 1 г. Примерска\n")
        #expect(imported.unplaced == [UnplacedText(place: "таблица 1, строка 11", text: "Основные разработчики", note: "раздел не распознан; в description")])
        try expectChecks(site)
    }

    @Test("a narrative program: headings, Word auto-numbered and bulleted lists, emphasis, a plan in another column order")
    func narrativeProgram() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let imported = try await importOne("narrative-program.docx", site: site)
        #expect(imported.kind == .program)
        let program = try #require(try content(site).programs.first { $0.id == imported.id })
        #expect(program.title == "Программа перехода СОШ № 5 в эффективный режим работы")
        #expect(program.kind == .transition)
        #expect(program.approved?.by == "Приказ директора СОШ № 5")
        #expect(program.approved?.number == "15")
        #expect(program.approved?.date == Day(year: 2021, month: 4, day: 1))
        // «(май – август)» has no year: the approval's year is taken, going forward stage by stage, and reported.
        #expect(program.stages.map(\.name) == ["Первый этап — аналитический", "Второй этап — основной"])
        #expect(program.stages.map { $0.period?.from?.description } == ["2021-05", "2021-09"])
        #expect(program.stages.map { $0.period?.to?.description } == ["2021-08", "2022-05"])
        #expect(program.stages.first?.content?.value == "Самообследование и планирование.")
        #expect(program.goal?.value == "Создание условий для повышения качества образования.")
        #expect(program.tasks.map(\.value) == ["Провести самообследование школы", "Разработать индивидуальные маршруты", "Вовлечь родителей"])
        #expect(program.expectedResults.map(\.value) == ["Положительная динамика результатов ВПР", "Рост учебной мотивации"])
        // «Риск | Пути минимизации» and «ФИО | Должность» tables.
        #expect(program.risks.map(\.risk.value) == ["Перегрузка учителей", "Низкая мотивация родителей"])
        #expect(program.risks.map { $0.measures.map(\.value) } == [
            ["Перераспределение нагрузки", "Стимулирующие выплаты"], ["Родительские собрания в новом формате"],
        ])
        #expect(program.responsible.map(\.name) == ["Орлова Наталья Викторовна"])
        #expect(program.responsible.map(\.position) == ["директор СОШ № 5"])
        // The page heads the description «Пояснительная записка»; the document's own heading is not repeated.
        #expect(program.description?.value
            == "Школа работает в **неблагоприятных** социальных условиях, *около половины* учащихся из семей группы риска.")
        // Columns «Сроки | Содержание деятельности | Ответственные | Результат | № п/п».
        #expect(program.plan.map(\.title) == ["Аналитический этап"])
        let items = program.plan[0].items
        #expect(items.map(\.number) == ["1.1", "1.2"])
        #expect(items.map(\.action.value) == ["Самообследование школы", "Разработка маршрутов"])
        #expect(items.map(\.executor) == ["Директор", "Заместитель директора"])
        #expect(items.map(\.due) == ["Март-апрель", "Май"])
        #expect(items.map(\.result) == ["Отчёт о самообследовании", "Маршруты утверждены"])
        #expect(imported.unplaced.map(\.note) == [
            "у срока этапа нет года; взят 2021 из даты утверждения — проверьте period",
            "у срока этапа нет года; взят 2021–2022 из даты утверждения — проверьте period",
        ])
        try expectChecks(site)
    }

    @Test("a practice form: school matched by name, contact, results with Russian numbers, other tables as pipe tables, an image")
    func practiceForm() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let imported = try await importOne("practice-form.docx", site: site)
        #expect(imported.kind == .practice)
        #expect(imported.id == "nastavnicheskie-pary-uchitel-uchitel")
        let image = "content/files/practices/nastavnicheskie-pary-uchitel-uchitel/image1.png"
        #expect(imported.written == ["content/practices/nastavnicheskie-pary-uchitel-uchitel.md", image])
        let practice = try #require(try content(site).practices.first { $0.id == imported.id })

        #expect(practice.title == "Наставнические пары «учитель – учитель»")
        #expect(practice.status == .draft)
        #expect(practice.schools.map(\.value) == ["school-5-primersk"])
        #expect(practice.summary == "Опытные учителя и молодые педагоги работают в парах: посещают уроки друг друга и вместе разбирают трудные темы.")
        #expect(practice.contact?.name == "Петрова Анна Сергеевна")
        #expect(practice.contact?.position == "учитель математики")
        #expect(practice.contact?.email == "petrova@example.ru")
        #expect(practice.contact?.phone == "+7 (900) 000-00-00")
        #expect(practice.period?.from == Day(year: 2022, month: 9))
        #expect(practice.period?.to == Day(year: 2023, month: 5))
        #expect(practice.resources?.value == "Два часа в неделю на пару, методист на полставки.")
        #expect(practice.replicability?.value == "Подходит школе, где есть хотя бы три опытных учителя.")
        #expect(practice.results.map(\.indicator) == ["Средний балл ОГЭ по математике", "Доля учителей, посещающих уроки коллег", "Качество знаний"])
        #expect(practice.results.map(\.before) == ["3.1", "12", "41"])
        #expect(practice.results.map(\.after) == ["3.8", "85", "48.5"])
        #expect(practice.results.map(\.unit) == [nil, "%", "%"])

        let body = try #require(practice.body?.text)
        #expect(body.contains("## Проблема\n\nМолодые учителя **не получали** методической помощи, а *опытные* работали поодиночке."))
        #expect(body.contains("## Что сделали\n\n- Составили карту затруднений\n- Сформировали пары\n- Провели 40 взаимных посещений"))
        #expect(body.contains("- Провели 40 взаимных посещений\n\n### Первый месяц\n\nПары составили общий план посещений.\n\nГрафик встреч:"))
        #expect(body.contains("| День | Занятие |\n|---|---|\n| Вторник | Посещение урока |\n| Четверг | Разбор \\| обсуждение |"))
        #expect(body.contains("![Рисунок](file:practices/nastavnicheskie-pary-uchitel-uchitel/image1.png)"))
        #expect(!body.contains("<"), "no raw HTML is written")
        // The results table went into `results:`, so its heading is not left empty in the text.
        #expect(!body.contains("## Результаты"))
        let png = try Data(contentsOf: site.appendingPathComponent(image))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        try expectChecks(site)
    }

    @Test("a practice in free text: labels inside paragraphs, a school the site lacks gets its own file, years as columns")
    func freeTextPractice() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let imported = try await importOne("free-text-practice.docx", site: site)
        #expect(imported.kind == .practice)
        #expect(imported.written == ["content/practices/shkolnaya-sluzhba-primireniya.md", "content/schools/mbou-litsey-7-novogo.md"])
        let loaded = try content(site)
        let practice = try #require(loaded.practices.first { $0.id == imported.id })
        #expect(practice.title == "Школьная служба примирения")
        #expect(practice.schools.map(\.value) == ["mbou-litsey-7-novogo"])
        #expect(loaded.schools.first { $0.id == "mbou-litsey-7-novogo" }?.name == "МБОУ «Лицей № 7» г. Нового")
        #expect(practice.contact?.name == "Сидоров Олег Ильич")
        #expect(practice.contact?.position == "педагог-психолог")
        #expect(practice.summary == "Старшеклассники учатся разбирать конфликты сверстников по правилам медиации.")
        // «Описание практики» is the page's own heading of the text; the document's copy of it is left out.
        #expect(practice.body?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            == "Старшеклассники учатся разбирать конфликты сверстников по правилам медиации.\n\nДанные школьной службы.")
        #expect(practice.results.map(\.indicator) == ["Число конфликтов за год (2021 → 2023)"])
        #expect(practice.results.map(\.before) == ["24"])
        #expect(practice.results.map(\.after) == ["9"])
        #expect(imported.unplaced == [UnplacedText(place: "таблица 1, строка 2", text: "2022: 15", note: "промежуточное значение показателя не вошло в results")])
        #expect(imported.notes.contains { $0.hasPrefix("summary:") })
        #expect(imported.notes.contains { $0.contains("создана content/schools/mbou-litsey-7-novogo.md") })
        try expectChecks(site)
    }

    @Test("an old .doc goes through LibreOffice: «Цель: … Задачи: - … - …» in one cell, stages with «май2023г.»")
    func legacyDoc() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let imported = try await importOne("legacy-program.doc", site: site)
        #expect(imported.kind == .program)
        #expect(imported.notes.contains(".doc преобразован в .docx через LibreOffice"))
        let program = try #require(try content(site).programs.first { $0.id == imported.id })
        #expect(program.title == "Программа тьюторского сопровождения школ Заречного")
        #expect(program.goal?.value == "разработка механизмов тьюторского сопровождения.")
        #expect(program.tasks.map(\.value) == ["определение затруднений управленческих команд;", "оценка результатов сопровождения."])
        #expect(program.stages.map(\.name) == ["Подготовительный этап", "Аналитический этап"])
        #expect(program.stages.map { $0.period?.from?.description } == ["2023-05", "2023-12"])
        #expect(program.stages.map { $0.period?.to?.description } == ["2023-09", "2023-12"])
        #expect(imported.unplaced.map(\.text) == ["Рассмотрено на педагогическом совете 30.08.2023"])
        try expectChecks(site)
    }

    @Test("an .odt is read by pandoc directly, its picture taken from Pictures/ in its zip")
    func openDocument() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let imported = try await importOne("odt/practice-form.odt", site: site)
        #expect(imported.kind == .practice)
        #expect(imported.written.count == 2)
        #expect(imported.written.last == "content/files/practices/nastavnicheskie-pary-uchitel-uchitel/image1.png")
        let practice = try #require(try content(site).practices.first { $0.id == imported.id })
        #expect(practice.schools.map(\.value) == ["school-5-primersk"])
        #expect(practice.results.map(\.before) == ["3.1", "12", "41"])
        #expect(practice.results.map(\.after) == ["3.8", "85", "48.5"])
        try expectChecks(site)
    }

    @Test("nothing is overwritten: a second import gets a new id, a taken --id is refused, files stay byte for byte")
    func neverOverwrites() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try await importOne("practice-form.docx", site: site)
        let firstFile = site.appendingPathComponent(first.written[0])
        let before = try Data(contentsOf: firstFile)
        let second = try await importOne("practice-form.docx", site: site)
        #expect(second.id == first.id + "-2")
        #expect(second.written.allSatisfy { !first.written.contains($0) })
        #expect(try Data(contentsOf: firstFile) == before)

        let refused = try await Self.importing { .init(site: site, files: [try Self.document("practice-form.docx")], id: first.id) }
        guard case .failure(let problem) = try #require(refused.first) else {
            Issue.record("a taken --id was accepted")
            return
        }
        #expect(problem.message.contains("не перезаписывает"))
        #expect(try Data(contentsOf: firstFile) == before)
        // An id for the sample practice that already exists in the init site.
        let sample = try await Self.importing { .init(site: site, files: [try Self.document("practice-form.docx")], id: "deficit-map-math") }
        if case .success = try #require(sample.first) { Issue.record("overwrote deficit-map-math") }
        try expectChecks(site)
    }

    @Test("a folder of documents in one call; the program pages build and drafts stay out of the output")
    func folderAtOnce() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let results = try await Self.importing { .init(site: site, files: [Self.documents]) }
        let imported = results.compactMap { try? $0.get() }
        #expect(imported.map(\.source.lastPathComponent) == [
            "free-text-practice.docx", "legacy-program.doc", "narrative-program.docx", "passport-program.docx", "practice-form.docx",
        ])
        #expect(imported.map(\.kind) == [.practice, .program, .program, .program, .practice])
        // The one document that is neither fails alone, with what to do about it.
        let failures = results.compactMap { result -> DocumentImporter.Problem? in
            if case .failure(let problem) = result { return problem }
            return nil
        }
        #expect(failures.map { $0.source?.lastPathComponent } == ["unclear-notes.docx"])
        #expect(failures.first?.message.contains("--kind") == true)
        var options = BuildOptions(site: site)
        options.makePDFs = false
        options.makeSearchIndex = false
        _ = try SiteBuilder.build(options)
        let output = site.appendingPathComponent("public")
        for program in imported where program.kind == .program {
            let page = try String(contentsOf: output.appendingPathComponent("programs/\(program.id)/index.html"), encoding: .utf8)
            #expect(page.contains("<h1"), "\(program.id) has no page")
        }
        let passport = try String(contentsOf: output.appendingPathComponent("programs/programma-tyutorskogo-soprovozhdeniya-sosh-5-primerska/index.html"), encoding: .utf8)
        #expect(passport.contains("<table"), "the action plan is a table")
        #expect(passport.contains("Совет участников"))
        // The draft practice, its picture included, is nowhere in the output.
        let outputFiles = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        #expect(!outputFiles.isEmpty)
        #expect(outputFiles.filter { $0.contains("nastavnicheskie-pary") || $0.contains("shkolnaya-sluzhba") }.isEmpty)
    }

    @Test("every document forced into the other kind still gives files that check", arguments: DocumentImporter.Kind.allCases)
    func forcedKind(kind: DocumentImporter.Kind) async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let results = try await Self.importing { .init(site: site, files: [Self.documents], kind: kind, school: "school-1-primersk") }
        #expect(results.count == 6)
        for result in results {
            let imported = try result.get()
            #expect(imported.kind == kind)
        }
        try expectChecks(site)
    }

    @Test("a content folder that is a symlink out of the site is not written through")
    func symlinkOut() async throws {
        let site = try newSite()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-import-outside-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: site)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let programs = site.appendingPathComponent("content/programs")
        try FileManager.default.removeItem(at: programs)
        try FileManager.default.createSymbolicLink(at: programs, withDestinationURL: outside)
        let results = try await Self.importing { .init(site: site, files: [try Self.document("passport-program.docx")]) }
        guard case .failure(let problem) = try #require(results.first) else {
            Issue.record("wrote through a symlink out of content/")
            return
        }
        #expect(problem.message.contains("за пределы content/"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test("--id for several documents and an unknown --school are refused before anything is written")
    func refusals() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let documents = try await Self.blocking { Self.documents }
        let practiceForm = try await Self.blocking { try Self.document("practice-form.docx") }
        // Refused before any document is converted, so these return at once.
        #expect(throws: DocumentImporter.Problem.self) {
            try DocumentImporter.run(.init(site: site, files: [documents], id: "one-id"))
        }
        #expect(throws: DocumentImporter.Problem.self) {
            try DocumentImporter.run(.init(site: site, files: [practiceForm], school: "no-such-school"))
        }
        let practices = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/practices").path)
        #expect(practices == ["deficit-map-math.md"])
    }

    @Test("the command line: prints what it wrote and what it could not place; a taken --id exits 1 and writes nothing")
    func commandLine() async throws {
        let site = try newSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let binary = root.appendingPathComponent(".build/debug/praktika")
        func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
        }
        let document = try await Self.blocking { try Self.document("passport-program.docx").path }
        let first = try await Self.blocking { try run(["import", document, "--site", site.path, "--id", "imported-plan"]) }
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("passport-program.docx → программа «imported-plan»"))
        #expect(first.output.contains("записан: content/programs/imported-plan.yaml"))
        #expect(first.output.contains("таблица 1, строка 11: «Основные разработчики» — раздел не распознан; в description"))
        let written = try Data(contentsOf: site.appendingPathComponent("content/programs/imported-plan.yaml"))

        let again = try await Self.blocking { try run(["import", document, "--site", site.path, "--id", "imported-plan"]) }
        #expect(again.status == 1)
        #expect(again.errors.contains("content/programs/imported-plan.yaml уже есть; praktika import не перезаписывает файлы"))
        #expect(try Data(contentsOf: site.appendingPathComponent("content/programs/imported-plan.yaml")) == written)
    }
}

