import Foundation

/// A program's page: its passport (goal, tasks, indicators, stages, risks…),
/// the action plan and the practices made under it.
struct ProgramPage: TemplateModel {
    let title: String
    let kindLabel: String?
    let owner: OrganiserModel?
    let network: NetworkLink?
    let approved: ApprovalModel?
    let legalBasis: [String]
    let goal: String?
    let tasks: [String]
    let indicators: [String]
    let stages: [StageModel]
    let resources: String?
    let risks: [RiskModel]
    let expectedResults: [String]
    let responsible: [PersonModel]
    let plan: [PlanGroupModel]
    let planRowCount: Int
    let description: String?
    let practices: CardList?
    /// The programs this one implements, from the top down, and those that implement it.
    let lineage: [ProgramLink]
    let children: [ProgramLink]
    let measuredIndicators: [SeriesModel]
    /// Items done of the plan's items that are not cancelled, when statuses are given.
    let planProgress: String?
    let seminars: [SeminarCard]
    let registers: [RegisterLink]

    static let fields: [String: TemplateField<Self>] = [
        "title": .text(\.title), "kindLabel": .text(\.kindLabel), "owner": .model(\.owner), "network": .model(\.network),
        "approved": .model(\.approved), "legalBasis": .texts(\.legalBasis), "goal": .text(\.goal), "tasks": .texts(\.tasks),
        "indicators": .texts(\.indicators), "stages": .list(\.stages), "resources": .text(\.resources), "risks": .list(\.risks),
        "expectedResults": .texts(\.expectedResults), "responsible": .list(\.responsible), "plan": .list(\.plan),
        "planRowCount": .number(\.planRowCount), "description": .text(\.description), "practices": .model(\.practices),
        "lineage": .list(\.lineage), "children": .list(\.children), "measuredIndicators": .list(\.measuredIndicators),
        "planProgress": .text(\.planProgress), "seminars": .list(\.seminars), "registers": .list(\.registers),
        "hasLineage": .flag { !$0.lineage.isEmpty || !$0.children.isEmpty },
    ]

    struct ApprovalModel: TemplateModel {
        let by: String?
        let number: String?
        let date: String?

        static let fields: [String: TemplateField<Self>] = ["by": .text(\.by), "number": .text(\.number), "date": .text(\.date)]
    }

    struct StageModel: TemplateModel {
        let name: String
        let period: String?
        let content: String?

        static let fields: [String: TemplateField<Self>] = ["name": .text(\.name), "period": .text(\.period), "content": .text(\.content)]
    }

    struct RiskModel: TemplateModel {
        let risk: String?
        let measures: [String]

        static let fields: [String: TemplateField<Self>] = ["risk": .text(\.risk), "measures": .texts(\.measures)]
    }

    struct PlanGroupModel: TemplateModel {
        let title: String?
        let items: [PlanItemModel]
        /// «выполнено 5 из 7», when the group's items have statuses.
        var progress: String? = nil

        static let fields: [String: TemplateField<Self>] = ["title": .text(\.title), "items": .list(\.items), "progress": .text(\.progress)]
    }

    struct PlanItemModel: TemplateModel {
        let number: String?
        let action: String?
        let executor: String?
        let due: String?
        let result: String?
        var status: String? = nil
        var statusLabel: String? = nil
        var note: String? = nil

        static let fields: [String: TemplateField<Self>] = [
            "number": .text(\.number), "action": .text(\.action), "executor": .text(\.executor), "due": .text(\.due),
            "result": .text(\.result), "status": .text(\.status), "statusLabel": .text(\.statusLabel), "note": .text(\.note),
        ]
    }
}

/// The programs, grouped by kind (regional, municipal, school…).
struct ProgramIndexPage: TemplateModel {
    let kinds: [Kind]

    static let fields: [String: TemplateField<Self>] = ["kinds": .list(\.kinds)]

    struct Kind: TemplateModel {
        let label: String
        let programs: [ProgramListing]

        static let fields: [String: TemplateField<Self>] = ["label": .text(\.label), "programs": .list(\.programs)]
    }
}

extension PageContext {
    func programPage(_ id: String) -> Page<ProgramPage>? {
        guard let program = graph.programs[id] else { return nil }
        let file = program.file
        func list(_ fields: [MarkdownField]) -> [String] { fields.compactMap { markdown($0, in: file) } }
        func progress(_ items: [PlanItem]) -> String? {
            let counted = items.compactMap { $0.status?.value }.filter { $0 != .cancelled }
            guard !counted.isEmpty else { return nil }
            return "\(t("plan_done")) \(counted.filter { $0 == .done }.count) \(t("plan_of")) \(counted.count)"
        }
        let plan: [ProgramPage.PlanGroupModel] = program.plan.map { group in
            .init(title: group.title, items: group.items.map { item in
                .init(number: item.number, action: markdown(item.action, in: file), executor: item.executor, due: item.due, result: item.result,
                      status: item.status?.value.rawValue, statusLabel: format.label("plan_status", item.status?.value), note: markdown(item.note, in: file))
            }, progress: progress(group.items))
        }
        let model = ProgramPage(
            title: program.title, kindLabel: format.label("program_kind", program.kind), owner: organiser(program.owner),
            network: program.network.flatMap { networkLink($0.value) },
            approved: program.approved.map { .init(by: $0.by, number: $0.number, date: format.date($0.date)) },
            legalBasis: program.legalBasis, goal: markdown(program.goal, in: file), tasks: list(program.tasks),
            indicators: list(program.indicators.compactMap(\.text)),
            stages: program.stages.map { .init(name: $0.name, period: format.period($0.period), content: markdown($0.content, in: file)) },
            resources: markdown(program.resources, in: file),
            risks: program.risks.map { .init(risk: markdown($0.risk, in: file), measures: list($0.measures)) },
            expectedResults: list(program.expectedResults), responsible: program.responsible.compactMap { person($0) },
            plan: plan, planRowCount: plan.reduce(0) { $0 + $1.items.count },
            description: markdown(program.description, in: file), practices: cards(graph.practicesByProgram[id] ?? []),
            lineage: graph.programLineage(id).compactMap { programLink($0) },
            children: (graph.childPrograms[id] ?? []).compactMap { programLink($0) },
            measuredIndicators: program.indicators.compactMap(\.measured).map(indicatorSeries),
            planProgress: progress(program.plan.flatMap(\.items)),
            seminars: (graph.seminarsByProgram[id] ?? []).compactMap { seminarCard($0) },
            registers: (graph.registersByProgram[id] ?? []).reversed().compactMap { registerLink($0) })
        return page(model, kind: "program", title: program.title, description: program.goal.map { Markdown.plainText($0.value) },
                    section: "programs")
    }

    func programIndexPage() -> Page<ProgramIndexPage> {
        let byKind = Dictionary(grouping: graph.programs.values) { $0.kind?.rawValue ?? "" }
        let order = Program.Kind.allCases.map(\.rawValue) + [""]
        let kinds: [ProgramIndexPage.Kind] = order.compactMap { kind in
            guard let programs = byKind[kind] else { return nil }
            let items: [ProgramListing] = programs.sorted { Self.ruOrder($0.title, $1.title) }.compactMap { program in
                guard let link = programLink(program.id) else { return nil }
                return ProgramListing(program: link, owner: organiser(program.owner),
                                      period: format.period(from: program.stages.compactMap(\.period?.from).min(),
                                                            to: program.stages.compactMap(\.period?.to).max()))
            }
            return .init(label: kind.isEmpty ? t("program_kind_other") : t("program_kind_\(kind)"), programs: items)
        }
        return page(ProgramIndexPage(kinds: kinds), kind: "programs", title: t("programs_title"),
                    description: t("programs_intro"), section: "programs")
    }
}
