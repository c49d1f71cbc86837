import Foundation
import Yams

/// A program document → the fields of `content/programs/<id>.yaml`.
struct ProgramImporter {
    var writer: MarkdownWriter
    var report: ImportLog

    struct Output {
        var title: String?
        var yaml: Node
    }

    static func isLabel(_ label: String) -> Bool {
        ProgramField.match(label) != nil && !label.contains("(") && RussianText.period(in: label, defaultYear: 2000) == nil
            && FieldLabels.words(label).count <= 8
    }

    func run(_ document: PandocDocument) -> Output {
        let outline = DocumentOutline(document, isLabel: Self.isLabel, keepsTable: { grid in
            PlanTable(grid) != nil || StageDraft.fromTable(grid, writer: MarkdownWriter()) != nil
                || Self.riskRows(grid, writer: MarkdownWriter()) != nil || Self.peopleRows(grid) != nil
        })
        var title: String?
        var titleFromField = false
        var approved: Node?
        var approvalYear: Int?
        var owner: Node?
        var legalBasis: [String] = []
        var goal: [String] = []
        var tasks: [String] = []
        var indicators: [String] = []
        var stages: [StageDraft] = []
        var resources: [String] = []
        var risks: [Node] = []
        var expected: [String] = []
        var responsible: [Node] = []
        var plan: [Node] = []
        var description: [String] = []

        for item in outline.dropped { report.unplaced(item.place, "—", note: "элемент документа, который не переносится; посмотрите его в документе") }
        // The title page: approval stamp, the office, the program's name.
        let preambleText = outline.preamble.map { MarkdownWriter.plain([$0.block]) }.joined(separator: "\n")
        var approvalLines = Set<String>()
        if let approval = RussianText.approval(in: preambleText) {
            approvalYear = approval.date?.year
            approved = YAMLOut.map([
                ("by", YAMLOut.optionalText(approval.by)),
                ("number", approval.number.map { YAMLOut.text($0) }),
                ("date", approval.date.map(YAMLOut.day)),
            ])
            var inStamp = false
            for item in outline.preamble {
                let text = MarkdownWriter.plain([item.block])
                if text.range(of: "утвержден", options: .caseInsensitive) != nil { inStamp = true }
                if inStamp { approvalLines.insert(item.place) }
                // The stamp ends with its date line («от 20 августа 2020 г. № 472»); a «№» may come earlier, in the issuer's name.
                if inStamp && RussianText.date(in: text) != nil { inStamp = false }
            }
        }
        var leftovers: [(place: String, text: String)] = []
        for item in outline.preamble where !approvalLines.contains(item.place) {
            let text = RussianText.collapseSpaces(MarkdownWriter.plain([item.block]))
            if text.isEmpty { continue }
            if PracticeImporter.isFormHeading(text) {
                if FieldLabels.words(text).count > 2 { report.unplaced(item.place, text, note: "строка шапки документа не перенесена") }
                continue
            }
            if title == nil, text.lowercased().contains("программ") || text.lowercased().contains("модель")
                || text.lowercased().contains("дорожная карта") {
                title = text
            } else if owner == nil, text.range(of: #"^(Управление|Департамент|Министерство|Комитет|Отдел|Центр|Институт)"#, options: .regularExpression) != nil {
                owner = YAMLOut.map([("organisation", YAMLOut.text(text))])
            } else if case .table = item.block {
                plan += planGroups(item, heading: nil)
            } else {
                description.append(writer.block(item.block))
                leftovers.append((item.place, text))
            }
        }
        reportLeftovers(leftovers)

        for (index, section) in outline.sections.enumerated() {
            var field = ProgramField.match(section.label)
            // «Паспорт программы», «1. Паспорт программы»: a heading of the form, not a field.
            if field == nil, PracticeImporter.isFormHeading(section.label) {
                if !section.items.isEmpty { description.append(writer.blocks(section.blocks)) }
                continue
            }
            // A document that opens with the program's name as a heading.
            if index == 0, title == nil, field == nil, !section.fromPassportTable, section.fromHeading
                || section.label.lowercased().contains("программ") || section.label.lowercased().contains("модель") {
                title = section.label
                field = .description
            }
            // Tables inside any section: a plan is a plan wherever it stands.
            var rest: [DocumentOutline.Item] = []
            for item in section.items {
                if case .table(let table) = item.block, let planTable = PlanTable(TableGrid(table)) {
                    plan += planTable.groups(heading: section.label, writer: writer).map(\.node)
                } else if case .table(let table) = item.block, let rows = Self.riskRows(TableGrid(table), writer: writer) {
                    risks += rows
                } else if case .table(let table) = item.block, let people = Self.peopleRows(TableGrid(table)) {
                    responsible += people
                } else if case .table(let table) = item.block, let stageRows = StageDraft.fromTable(TableGrid(table), writer: writer) {
                    if stages.count == stageRows.count {
                        for index in stages.indices where stages[index].content.isEmpty { stages[index].content = stageRows[index].content }
                    } else if stages.isEmpty {
                        stages = stageRows
                    } else {
                        rest.append(item)
                    }
                } else {
                    rest.append(item)
                }
            }
            let blocks = rest.map(\.block)
            let lines = MarkdownWriter.lines(blocks, writer: writer)
            if blocks.isEmpty && field != nil {
                if section.items.isEmpty && section.fromPassportTable {
                    report.unplaced(section.place, section.label, note: "поле без значения пропущено")
                }
                continue
            }
            switch field {
            case .title:
                let text = RussianText.collapseSpaces(lines.map(\.text).joined(separator: " "))
                if !titleFromField { title = text; titleFromField = true } else { description.append("**\(section.label)**: " + text) }
            case .legalBasis:
                if section.fromPassportTable || lines.count <= 4 {
                    legalBasis += ListReader.items(lines)
                } else {
                    description.append(section.markdownHeading + "\n\n" + writer.blocks(blocks))
                }
            case .goal, .goalAndTasks:
                let split = ListReader.splitGoalAndTasks(lines)
                goal.append(split.goal.map(\.markdown).joined(separator: "\n\n"))
                tasks += ListReader.items(split.tasks)
            case .tasks:
                tasks += ListReader.items(ListReader.dropLead(lines, "задач"))
            case .indicators:
                indicators += ListReader.items(lines)
            case .expectedResults:
                expected += ListReader.items(lines)
            case .stages:
                let (found, leftover) = StageDraft.fromLines(lines)
                stages += found.map { stage in
                    var stage = stage
                    stage.place = section.place
                    return stage
                }
                description += leftover.map(\.markdown)
                reportLeftovers(leftover.map { (section.place, $0.text) }, what: "строк раздела «\(section.label)»")
            case .resources:
                resources.append(writer.blocks(blocks))
            case .risks:
                risks += ListReader.risks(lines).map { risk, measures in
                    YAMLOut.map([("risk", YAMLOut.text(risk)), ("measures", YAMLOut.textList(measures))])
                }
            case .responsible:
                responsible += lines.map { Self.person($0.text, role: section.label) }
            case .plan, .description:
                // The page heads `description` «Пояснительная записка» itself.
                let isOwnHeading = title == section.label || FieldLabels.words(section.label).first?.hasPrefix("пояснительн") == true
                if !blocks.isEmpty { description.append(isOwnHeading ? writer.blocks(blocks) : headed(section, blocks)) }
            case nil:
                guard !blocks.isEmpty || !section.label.isEmpty else { continue }
                description.append(headed(section, blocks))
                report.unplaced(section.place, section.label, note: "раздел не распознан; в description")
            }
        }

        if plan.isEmpty, stages.isEmpty, tasks.isEmpty, goal.isEmpty {
            report.note("в документе не найдено ни цели, ни задач, ни этапов, ни плана")
        }
        // «май – август» has no year: take the approval's year (or the title's) and go forward stage by stage.
        let yearSource = approvalYear.map { ($0, "даты утверждения") }
            ?? (title?.firstMatch(of: /(?:19|20)\d\d/).flatMap { Int($0.0) }).map { ($0, "названия") }
        var cursor = yearSource.map { Day(year: $0.0, month: 1) }
        for index in stages.indices {
            if let period = stages[index].period {
                cursor = period.to ?? cursor
                continue
            }
            if let start = cursor, let (yearText, dated) = StageDraft.dated(stages[index].source, after: start) {
                stages[index].name = dated.name
                stages[index].period = dated.period
                cursor = dated.period?.to ?? cursor
                report.unplaced(stages[index].place ?? "этапы", stages[index].name,
                                note: "у срока этапа нет года; взят \(yearText) из \(yearSource!.1) — проверьте period")
            } else {
                report.unplaced(stages[index].place ?? "этапы", stages[index].name, note: "срок этапа без года или не распознан; period не заполнен")
            }
        }
        let kind = Self.kind(of: title ?? "")
        let root = YAMLOut.map([
            ("title", YAMLOut.text(title ?? "Программа без названия")),
            ("kind", kind.map { YAMLOut.plain($0) }),
            ("owner", owner),
            ("approved", approved),
            ("legal_basis", YAMLOut.textList(legalBasis)),
            ("goal", YAMLOut.optionalText(goal.filter { !$0.isEmpty }.joined(separator: "\n\n"))),
            ("tasks", YAMLOut.textList(tasks)),
            ("indicators", YAMLOut.textList(indicators)),
            ("stages", YAMLOut.list(stages.map(\.node))),
            ("resources", YAMLOut.optionalText(resources.joined(separator: "\n\n"))),
            ("risks", YAMLOut.list(risks)),
            ("expected_results", YAMLOut.textList(expected)),
            ("responsible", YAMLOut.list(responsible)),
            ("plan", YAMLOut.list(plan)),
            ("description", YAMLOut.optionalText(description.filter { !$0.isEmpty }.joined(separator: "\n\n"))),
        ])
        return Output(title: title, yaml: root)
    }

    /// A long opening (a title page, a covering order) is one line of the report, not one per paragraph.
    private func reportLeftovers(_ leftovers: [(place: String, text: String)], what: String = "абзацев начала документа") {
        guard leftovers.count > 3, let first = leftovers.first, let last = leftovers.last else {
            for item in leftovers { report.unplaced(item.place, item.text, note: "в description") }
            return
        }
        let range = first.place == last.place ? first.place
            : first.place.replacingOccurrences(of: "абзац ", with: "абзацы ") + "–" + last.place.replacingOccurrences(of: "абзац ", with: "")
        report.unplaced(range, first.text + " … " + last.text, note: "\(leftovers.count) \(what) перенесены в description")
    }

    private func headed(_ section: DocumentOutline.Section, _ blocks: [PandocBlock]) -> String {
        let body = writer.blocks(blocks)
        return section.markdownHeading + (body.isEmpty ? "" : "\n\n" + body)
    }

    private func planGroups(_ item: DocumentOutline.Item, heading: String?) -> [Node] {
        guard case .table(let table) = item.block else { return [] }
        if let planTable = PlanTable(TableGrid(table)) { return planTable.groups(heading: heading, writer: writer).map(\.node) }
        report.unplaced(item.place, String(MarkdownWriter.plain([item.block]).prefix(120)), note: "таблица не распознана")
        return []
    }

    /// A table «Риски | Меры (пути минимизации)»: one risk per row, the measures as its list.
    static func riskRows(_ grid: TableGrid, writer: MarkdownWriter) -> [Node]? {
        guard grid.columnCount >= 2, let header = grid.rows.first else { return nil }
        let words = header.map { FieldLabels.words($0.text) }
        guard let riskColumn = words.firstIndex(where: { $0.contains { $0.hasPrefix("риск") } }),
              let measuresColumn = words.firstIndex(where: { column in
                  column.contains { ["мер", "пут", "минимиз", "преодолен", "устранен", "компенсац", "профилакт"].contains(where: $0.hasPrefix) }
              }), riskColumn != measuresColumn else { return nil }
        return grid.rows.dropFirst().compactMap { row in
            let risk = RussianText.collapseSpaces(row[riskColumn].text.replacingOccurrences(of: "\n", with: " "))
            guard !risk.isEmpty else { return nil }
            let measures = ListReader.items(MarkdownWriter.lines(row[measuresColumn].blocks, writer: writer))
            return YAMLOut.map([("risk", YAMLOut.text(RussianText.stripListMarker(risk).text)), ("measures", YAMLOut.textList(measures))])
        }
    }

    /// A table «ФИО | Должность» of the people responsible.
    static func peopleRows(_ grid: TableGrid) -> [Node]? {
        guard grid.columnCount >= 2, let header = grid.rows.first else { return nil }
        let words = header.map { FieldLabels.words($0.text) }
        guard let nameColumn = words.firstIndex(where: { $0.contains("фио") || $0.contains { $0.hasPrefix("ответствен") } }),
              let positionColumn = words.firstIndex(where: { $0.contains { $0.hasPrefix("должност") } }),
              nameColumn != positionColumn else { return nil }
        return grid.rows.dropFirst().compactMap { row in
            let name = RussianText.collapseSpaces(row[nameColumn].text.replacingOccurrences(of: "\n", with: " "))
            guard !name.isEmpty else { return nil }
            let position = RussianText.collapseSpaces(row[positionColumn].text.replacingOccurrences(of: "\n", with: " "))
            return YAMLOut.map([("name", YAMLOut.text(name)), ("position", YAMLOut.optionalText(position))])
        }
    }

    /// «Коренева Лариса Борисовна, к.п.н., заместитель директора» → name and position.
    static func person(_ text: String, role: String) -> Node {
        let line = RussianText.stripListMarker(text).text
        let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        var name = parts.first ?? line
        var position = parts.count > 1 ? parts[1] : nil
        // «Байков Виктор Владимирович – директор»
        if position == nil, let dash = line.range(of: #"\s[–—-]\s"#, options: .regularExpression) {
            name = String(line[..<dash.lowerBound])
            position = String(line[dash.upperBound...])
        }
        return YAMLOut.map([("name", YAMLOut.text(name)), ("position", YAMLOut.optionalText(position))])
    }

    static func kind(of title: String) -> String? {
        let lower = title.lowercased()
        if lower.contains("дорожная карта") { return "roadmap" }
        if lower.contains("антирисков") { return "antirisk" }
        if lower.contains("муниципальн") { return "municipal" }
        if lower.contains("региональн") { return "regional" }
        if lower.contains("тьютор") { return "tutoring" }
        if lower.contains("эффективный режим") || lower.contains("эффективном режиме") { return "transition" }
        return nil
    }
}
