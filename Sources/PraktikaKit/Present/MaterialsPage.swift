import Foundation

/// «Материалы»: every file attached to a published practice or seminar, each
/// with where it comes from, to filter by subject, kind of file and year.
struct MaterialsPage: TemplateModel {
    let items: [Item]
    let subjects: [String]
    let fileTypes: [String]
    let years: [String]

    static let fields: [String: TemplateField<Self>] = [
        "items": .list(\.items), "subjects": .texts(\.subjects), "fileTypes": .texts(\.fileTypes), "years": .texts(\.years),
    ]

    struct Item: TemplateModel {
        let file: FileLink
        /// The practice or seminar it belongs to.
        let sourceTitle: String
        let sourceHref: String
        let sourceKind: String
        let subjects: [String]
        let year: String?

        static let fields: [String: TemplateField<Self>] = Dictionary.lifting(FileLink.fields, from: \Self.file).adding([
            "sourceTitle": .text(\.sourceTitle), "sourceHref": .text(\.sourceHref), "sourceKind": .text(\.sourceKind),
            "subjects": .texts(\.subjects), "subjectList": .text { $0.subjects.joined(separator: "|") }, "year": .text(\.year),
        ])
    }
}

extension PageContext {
    func materialsPage() -> Page<MaterialsPage> {
        var items: [MaterialsPage.Item] = []
        for id in graph.practicesWithFiles {
            guard let practice = graph.practices[id] else { continue }
            let subjects = practice.subjects.compactMap { graph.term(.subjects, $0.value)?.label }
            for attachment in practice.attachments {
                guard let file = self.attachment(attachment.file.value, title: attachment.title) else { continue }
                items.append(.init(file: file, sourceTitle: practice.title, sourceHref: href(SitePaths.entity(.practice, id)),
                                   sourceKind: t("search_kind_practice"), subjects: subjects, year: practice.date.map { String($0.year) }))
            }
        }
        for id in graph.seminarsWithFiles.reversed() {
            guard let seminar = graph.seminars[id] else { continue }
            for material in seminar.materials {
                guard let path = material.file, let file = attachment(path.value, title: material.title) else { continue }
                items.append(.init(file: file, sourceTitle: seminar.title, sourceHref: href(SitePaths.entity(.seminar, id)),
                                   sourceKind: t("search_kind_seminar"), subjects: [], year: String(seminar.date.year)))
            }
        }
        func distinct(_ values: [String]) -> [String] { Array(Set(values)).sorted(by: Self.ruOrder) }
        let model = MaterialsPage(items: items, subjects: distinct(items.flatMap(\.subjects)),
                                  fileTypes: distinct(items.compactMap(\.file.typeLabel)),
                                  years: Array(Set(items.compactMap(\.year))).sorted(by: >))
        return page(model, kind: "materials", title: t("materials_title"), description: t("materials_intro"), section: "materials")
    }
}
