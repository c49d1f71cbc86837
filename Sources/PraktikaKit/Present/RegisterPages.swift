import Foundation

/// A year's register: its lists with their schools, the order that set them,
/// and what changed since the year before.
struct RegisterPage: TemplateModel {
    let title: String
    let year: String
    let approved: ProgramPage.ApprovalModel?
    let program: ProgramLink?
    let lists: [RegisterListModel]
    let schoolCount: Int
    let previous: RegisterLink?
    let entered: [SchoolLink]
    let left: [SchoolLink]
    let moved: [MovedSchool]
    let next: RegisterLink?

    static let fields: [String: TemplateField<Self>] = [
        "title": .text(\.title), "year": .text(\.year), "approved": .model(\.approved), "program": .model(\.program),
        "lists": .list(\.lists), "schoolCount": .number(\.schoolCount), "previous": .model(\.previous),
        "entered": .list(\.entered), "left": .list(\.left), "moved": .list(\.moved), "next": .model(\.next),
        "hasChanges": .flag { !$0.entered.isEmpty || !$0.left.isEmpty || !$0.moved.isEmpty },
    ]
}

struct RegisterListModel: TemplateModel {
    let name: String
    let schools: [SchoolLink]

    static let fields: [String: TemplateField<Self>] = ["name": .text(\.name), "schools": .list(\.schools), "count": .number { $0.schools.count }]
}

/// A school that is in other lists than the year before.
struct MovedSchool: TemplateModel {
    let school: SchoolLink
    let from: String
    let to: String

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(SchoolLink.fields, from: \Self.school)
        .adding(["from": .text(\.from), "to": .text(\.to)])
}

struct RegisterLink: TemplateModel {
    let title: String
    let year: String
    let href: String
    var schoolCount: Int = 0
    var program: ProgramLink? = nil

    static let fields: [String: TemplateField<Self>] = [
        "title": .text(\.title), "year": .text(\.year), "href": .text(\.href), "schoolCount": .number(\.schoolCount),
        "program": .model(\.program),
    ]
}

/// The registers, newest year first.
struct RegisterIndexPage: TemplateModel {
    let registers: [RegisterLink]

    static let fields: [String: TemplateField<Self>] = ["registers": .list(\.registers)]
}

/// A school's place in one year's register, for its page.
struct RegistrationModel: TemplateModel {
    let register: RegisterLink
    let lists: String
    let approved: String?

    static let fields: [String: TemplateField<Self>] = Dictionary.lifting(RegisterLink.fields, from: \Self.register)
        .adding(["lists": .text(\.lists), "approved": .text(\.approved)])
}

extension PageContext {
    func registerLink(_ id: String) -> RegisterLink? {
        guard let register = graph.registers[id] else { return nil }
        return RegisterLink(title: register.title, year: String(register.year.value), href: href(SitePaths.entity(.register, id)),
                            schoolCount: Set(register.lists.flatMap { $0.schools.map(\.value) }).count,
                            program: register.program.flatMap { programLink($0.value) })
    }

    /// School id → the names of its lists in a register.
    private func listsBySchool(_ register: Entry<Register>) -> [String: [String]] {
        var lists: [String: [String]] = [:]
        for list in register.lists { for school in list.schools where graph.schools[school.value] != nil { lists[school.value, default: []].appendUnique(list.name) } }
        return lists
    }

    func registerPage(_ id: String) -> Page<RegisterPage>? {
        guard let register = graph.registers[id] else { return nil }
        let now = listsBySchool(register)
        let previousID = graph.previousRegister(id)
        let before = previousID.flatMap { graph.registers[$0] }.map(listsBySchool) ?? [:]
        func links(_ ids: some Sequence<String>) -> [SchoolLink] {
            ids.compactMap { schoolLink($0) }.sorted { Self.ruOrder($0.shortName, $1.shortName) }
        }
        let moved: [MovedSchool] = now.keys.sorted().compactMap { school in
            guard let old = before[school], old != now[school]!, let link = schoolLink(school) else { return nil }
            return MovedSchool(school: link, from: old.joined(separator: ", "), to: now[school]!.joined(separator: ", "))
        }
        let nextID = graph.registerOrder.first { graph.previousRegister($0) == id }
        let model = RegisterPage(
            title: register.title, year: String(register.year.value),
            approved: register.approved.map { .init(by: $0.by, number: $0.number, date: format.date($0.date)) },
            program: register.program.flatMap { programLink($0.value) },
            lists: register.lists.map { list in .init(name: list.name, schools: list.schools.compactMap { schoolLink($0.value) }) },
            schoolCount: now.count, previous: previousID.flatMap(registerLink),
            entered: previousID == nil ? [] : links(now.keys.filter { before[$0] == nil }),
            left: links(before.keys.filter { now[$0] == nil }), moved: moved, next: nextID.flatMap(registerLink))
        return page(model, kind: "register", title: register.title, description: nil, section: "registers")
    }

    func registerIndexPage() -> Page<RegisterIndexPage> {
        page(RegisterIndexPage(registers: graph.registerOrder.reversed().compactMap(registerLink)), kind: "registers",
             title: t("registers_title"), description: t("registers_intro"), section: "registers")
    }

    /// A school's years in the registers, newest first.
    func registrations(_ school: String) -> [RegistrationModel] {
        (graph.registrationsBySchool[school] ?? []).reversed().compactMap { entry in
            guard let register = graph.registers[entry.register], let link = registerLink(entry.register) else { return nil }
            let approved = register.approved.map { order in
                [order.by, order.number.map { "№ \($0)" }, format.date(order.date).map { "\(t("program_approved_date")) \($0)" }]
                    .compactMap { $0 }.joined(separator: " ")
            }
            return RegistrationModel(register: link, lists: entry.lists.joined(separator: "; "), approved: approved)
        }
    }

    /// «в 2026 году — 12 школ, из них 3 вышли из списка» for the latest register.
    func registerSummary() -> String? {
        guard let id = graph.registerOrder.last, let register = graph.registers[id] else { return nil }
        let now = listsBySchool(register)
        var text = "\(t("register_summary_in")) \(register.year.value) \(t("register_summary_year")) — \(now.count) \(format.countLabel(now.count, "stats_schools"))"
        if let previous = graph.previousRegister(id).flatMap({ graph.registers[$0] }) {
            let left = Set(listsBySchool(previous).keys).subtracting(now.keys).count
            if left > 0 { text += ", \(t("register_summary_left_before")) \(left) \(t("register_summary_left"))" }
        }
        return text
    }
}
