import Foundation

extension PageContext {
    func programPage(_ id: String) -> [String: Any]? {
        guard let program = graph.programs[id] else { return nil }
        let file = program.file
        func list(_ fields: [MarkdownField]) -> [String] { fields.compactMap { markdown($0, in: file) } }
        let stages: [[String: Any]] = program.stages.map {
            viewModel(["name": $0.name, "period": format.period($0.period), "content": markdown($0.content, in: file)])
        }
        let risks: [[String: Any]] = program.risks.map {
            viewModel(["risk": markdown($0.risk, in: file), "measures": list($0.measures)])
        }
        var rowCount = 0
        let plan: [[String: Any]] = program.plan.map { group in
            let items: [[String: Any]] = group.items.map { item in
                rowCount += 1
                return viewModel(["number": item.number, "action": markdown(item.action, in: file),
                                  "executor": item.executor, "due": item.due, "result": item.result])
            }
            return viewModel(["title": group.title, "items": items])
        }
        let approved = program.approved.map {
            viewModel(["by": $0.by, "number": $0.number, "date": format.date($0.date)])
        }
        var page = viewModel([
            "title": program.title,
            "kindLabel": format.label("program_kind", program.kind),
            "owner": organiser(program.owner),
            "network": program.network.flatMap { networkLink($0.value) },
            "approved": approved,
            "legalBasis": program.legalBasis,
            "goal": markdown(program.goal, in: file),
            "tasks": list(program.tasks),
            "indicators": list(program.indicators),
            "stages": stages,
            "resources": markdown(program.resources, in: file),
            "risks": risks,
            "expectedResults": list(program.expectedResults),
            "responsible": program.responsible.compactMap { person($0) },
            "plan": plan,
            "planRowCount": rowCount,
            "description": markdown(program.description, in: file),
        ])
        addCards(graph.practicesByProgram[id] ?? [], as: "practices", to: &page)
        return frame(kind: "program", title: program.title, description: program.goal.map { Markdown.plainText($0.value) }, section: "programs", page)
    }

    func programIndexPage() -> [String: Any] {
        let byKind = Dictionary(grouping: graph.programs.values) { $0.kind?.rawValue ?? "" }
        let order = Program.Kind.allCases.map(\.rawValue) + [""]
        let kinds: [[String: Any]] = order.compactMap { kind in
            guard let programs = byKind[kind] else { return nil }
            let items: [[String: Any]] = programs.sorted { Self.ruOrder($0.title, $1.title) }.compactMap { program in
                guard var link = programLink(program.id) else { return nil }
                link["owner"] = organiser(program.owner)
                link["period"] = format.period(from: program.stages.compactMap(\.period?.from).min(),
                                               to: program.stages.compactMap(\.period?.to).max())
                return link
            }
            return ["label": kind.isEmpty ? t("program_kind_other") : t("program_kind_\(kind)"), "programs": items]
        }
        return frame(kind: "programs", title: t("programs_title"), description: t("programs_intro"), section: "programs",
                     viewModel(["kinds": kinds]))
    }
}
