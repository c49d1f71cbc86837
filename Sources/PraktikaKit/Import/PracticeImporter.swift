import Foundation
import Yams

/// A practice write-up («паспорт практики» form or free text) → front matter and Markdown body.
struct PracticeImporter {
    var writer: MarkdownWriter
    var report: ImportLog
    var schools: SchoolMatcher
    /// `--school`: the author school when the document does not name one the site knows.
    var schoolOverride: String?

    struct Output {
        var title: String?
        /// The school name as written, when no school of the site matched it (a new school file is made).
        var newSchoolName: String?
        var schoolID: String?
        var frontMatter: [(String, Node?)]
        var body: String
    }

    static func isLabel(_ label: String) -> Bool {
        PracticeField.match(label) != nil && FieldLabels.words(label).count <= 8 && !label.contains("(")
    }

    func run(_ document: PandocDocument) -> Output {
        let outline = DocumentOutline(document, isLabel: Self.isLabel, keepsTable: { ResultsTable($0) != nil })
        var title: String?
        var schoolText: String?
        var contactName: String?
        var contactPosition: [String] = []
        var email: String?
        var phone: String?
        var summary: String?
        var resources: [String] = []
        var replicability: [String] = []
        var period: Period?
        var results: [Node] = []
        var body: [String] = []

        for item in outline.dropped { report.unplaced(item.place, "—", note: "элемент документа, который не переносится; посмотрите его в документе") }
        var guessedTitle: DocumentOutline.Item?
        for item in outline.preamble {
            let text = RussianText.collapseSpaces(MarkdownWriter.plain([item.block]))
            if title == nil, !text.isEmpty, text.count <= 200, !Self.isFormHeading(text) {
                title = text
                guessedTitle = item
            } else if !Self.isFormHeading(text) {
                body.append(bodyBlock(item, &results))
            } else if FieldLabels.words(text).count > 2 {
                report.unplaced(item.place, text, note: "строка шапки документа не перенесена")
            }
        }
        for (index, section) in outline.sections.enumerated() {
            let field = PracticeField.match(section.label)
            let lines = MarkdownWriter.lines(section.blocks, writer: writer)
            let text = RussianText.collapseSpaces(lines.map(\.text).joined(separator: " "))
            // A document that opens with its title as a heading.
            if index == 0, title == nil, field == nil, !section.fromPassportTable, !Self.isFormHeading(section.label) {
                title = section.label
                body += section.items.map { bodyBlock($0, &results) }.filter { !$0.isEmpty }
                continue
            }
            if field == nil, Self.isFormHeading(section.label), section.items.isEmpty { continue }
            switch field {
            case .title where !text.isEmpty:
                if let guessedTitle, title != text { body.insert(writer.block(guessedTitle.block), at: 0) }
                guessedTitle = nil
                title = text
            case .school where !text.isEmpty:
                schoolText = schoolText ?? lines.first.map { RussianText.collapseSpaces($0.text) }
            case .author where !lines.isEmpty:
                let parts = lines[0].text.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                contactName = contactName ?? parts[0]
                if parts.count > 1 { contactPosition.append(parts[1]) }
                for line in lines.dropFirst() { readContact(line.text, &email, &phone, &contactPosition) }
            case .contact where !lines.isEmpty:
                for line in lines { readContact(line.text, &email, &phone, &contactPosition) }
                if contactName == nil, let first = contactPosition.first, Self.looksLikeName(first) {
                    contactName = first
                    contactPosition.removeFirst()
                }
            case .summary where !text.isEmpty:
                summary = text
            case .resources where !section.blocks.isEmpty:
                resources.append(writer.blocks(section.blocks))
            case .replicability where !section.blocks.isEmpty:
                replicability.append(writer.blocks(section.blocks))
            case .period where !text.isEmpty:
                period = RussianText.period(in: text)
                if period == nil { body.append(section.markdownHeading + "\n\n" + writer.blocks(section.blocks)) }
            default:
                let resultsBefore = results.count
                let parts = section.items.map { bodyBlock($0, &results) }.filter { !$0.isEmpty }
                if parts.isEmpty {
                    // A heading over a results table alone: the table is in `results:` now.
                    if results.count == resultsBefore { report.unplaced(section.place, section.label, note: "пустой раздел пропущен") }
                    continue
                }
                // The page already heads the text «Описание практики».
                let heading = body.isEmpty && FieldLabels.words(section.label) == ["описание", "практики"] ? nil : section.markdownHeading
                body.append(([heading].compactMap { $0 } + parts).joined(separator: "\n\n"))
            }
        }

        var schoolID = schoolOverride
        var newSchoolName: String?
        if schoolID == nil, let schoolText {
            switch schools.match(schoolText) {
            case .exact(let school): schoolID = school.id
            case .unsure(let school):
                schoolID = school.id
                report.unplaced("школа-автор", schoolText,
                                note: "сопоставлена неуверенно со школой «\(school.name)» (\(school.id)); проверьте поле schools")
            case .none:
                newSchoolName = schoolText
            }
        }
        if summary == nil {
            let firstParagraph = body.joined(separator: "\n\n").split(separator: "\n\n").first { !$0.hasPrefix("#") && !$0.hasPrefix("|") }
            summary = firstParagraph.map { String($0.prefix(500)) }
            report.note("summary: в документе нет аннотации; взят первый абзац описания, перепишите его")
        }
        var contact: Node?
        if contactName == nil && (email != nil || phone != nil) {
            report.note("contact: в документе есть телефон или почта, но нет ФИО; впишите имя вместо «Контактное лицо»")
        }
        if contactName != nil || email != nil || phone != nil {
            contact = YAMLOut.map([
                ("name", YAMLOut.text(contactName ?? "Контактное лицо")),
                ("position", YAMLOut.optionalText(contactPosition.isEmpty ? nil : contactPosition.joined(separator: ", "))),
                ("email", YAMLOut.optionalText(email)),
                ("phone", YAMLOut.optionalText(phone)),
            ])
        }
        let frontMatter: [(String, Node?)] = [
            ("title", YAMLOut.text(title ?? "Практика без названия")),
            ("summary", YAMLOut.text(summary ?? "Краткое описание практики.")),
            ("schools", nil),  // filled in by the importer once the school is known
            ("period", period.map(YAMLOut.period)),
            ("status", YAMLOut.plain("draft")),
            ("contact", contact),
            ("results", YAMLOut.list(results)),
            ("resources", YAMLOut.optionalText(resources.joined(separator: "\n\n"))),
            ("replicability", YAMLOut.optionalText(replicability.joined(separator: "\n\n"))),
        ]
        return Output(title: title, newSchoolName: newSchoolName, schoolID: schoolID, frontMatter: frontMatter,
                      body: body.filter { !$0.isEmpty }.joined(separator: "\n\n"))
    }

    /// A results table goes into `results:`; anything else into the body as Markdown.
    private func bodyBlock(_ item: DocumentOutline.Item, _ results: inout [Node]) -> String {
        if case .table(let table) = item.block, let resultsTable = ResultsTable(TableGrid(table)) {
            results += resultsTable.rows(place: item.place, log: report)
            return ""
        }
        return writer.block(item.block)
    }

    private func readContact(_ line: String, _ email: inout String?, _ phone: inout String?, _ rest: inout [String]) {
        var remaining = line
        if let match = line.firstMatch(of: /[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}/) {
            email = email ?? String(match.0)
            remaining = remaining.replacingOccurrences(of: String(match.0), with: "")
        }
        if let match = line.firstMatch(of: /(?:\+7|8)[\s\-(]*\d{3,5}[\s\-)]*\d{1,3}[\s\-]?\d{2}[\s\-]?\d{2}/) {
            phone = phone ?? RussianText.collapseSpaces(String(match.0))
            remaining = remaining.replacingOccurrences(of: String(match.0), with: "")
        }
        // Labels left behind: «тел.:», «e-mail:».
        remaining = remaining.replacingOccurrences(of: #"(?i)(тел(ефон)?\.?|e-?mail|эл\.? ?почта|электронная почта)\s*:?"#, with: "", options: .regularExpression)
        let cleaned = remaining.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:"))
        if !cleaned.isEmpty { rest.append(cleaned) }
    }

    /// «Иванова Мария Петровна»: three capitalised Cyrillic words.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) }
    }

    /// «Паспорт практики», «Приложение 2», «УТВЕРЖДЕНА приказом …» at the top of a form are not its title.
    static func isFormHeading(_ text: String) -> Bool {
        let words = FieldLabels.words(text)
        if let first = words.first, ["утвержд", "согласован", "приказ", "от"].contains(where: first.hasPrefix) { return true }
        return words.count <= 4 && words.contains { $0.hasPrefix("паспорт") || $0.hasPrefix("форма") || $0.hasPrefix("приложени") }
    }
}
