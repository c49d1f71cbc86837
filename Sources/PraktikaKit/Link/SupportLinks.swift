import Foundation

/// What a person from `people/` is linked with, found from the other side:
/// the networks they coordinate, the programs they answer for, the seminars
/// they spoke at and the practices they are the contact of.
struct PersonLinks: Sendable {
    var networks: [String] = []
    var programs: [String] = []
    var seminars: [String] = []
    var practices: [String] = []
}

/// A school's place in one year's register: which lists it is in.
struct Registration: Sendable, Equatable {
    let register: String
    let lists: [String]
}

extension SiteGraph {
    /// The register of the same program for the latest earlier year.
    func previousRegister(_ id: String) -> String? {
        guard let register = registers[id] else { return nil }
        return registerOrder.last { other in
            guard let candidate = registers[other] else { return false }
            return candidate.year.value < register.year.value && candidate.program?.value == register.program?.value
        }
    }

    /// The schools a person accompanies (`linkPeople`).
    func schoolsAccompanied(by id: String) -> [String] { schoolsByPerson[id] ?? [] }

    /// The people who accompany a school, by name or by its territory.
    func peopleAccompanying(_ school: String) -> [String] { peopleBySchool[school] ?? [] }

    /// Published practices and seminars with files of their own, for «Материалы».
    var practicesWithFiles: [String] { practiceOrder.filter { !(practices[$0]?.attachments.isEmpty ?? true) } }
    var seminarsWithFiles: [String] { seminarOrder.filter { seminars[$0]?.materials.contains { $0.file != nil } ?? false } }

    /// The programs a program implements, from the root down to it.
    func programLineage(_ id: String) -> [String] {
        var chain: [String] = [], current = programs[id]?.parent?.value
        while let parent = current, programs[parent] != nil, !chain.contains(parent), parent != id {
            chain.insert(parent, at: 0)
            current = programs[parent]?.parent?.value
        }
        return chain
    }
}

extension Linker {
    static let registerYears = 1990...2100

    static func linkRegisters(_ graph: inout SiteGraph, _ refs: ReferenceChecker) {
        var seenYears: [String: String] = [:]
        for id in graph.registerOrder {
            guard let register = graph.registers[id] else { continue }
            let year = register.year
            if !registerYears.contains(year.value) {
                refs.report(LocalizedText(
                    en: "year \(year.value) is out of range: expected a year from \(registerYears.lowerBound) to \(registerYears.upperBound)",
                    ru: "год \(year.value) вне допустимого диапазона: ожидается год от \(registerYears.lowerBound) до \(registerYears.upperBound)"), year.asRef, register.file)
            }
            if let program = register.program, refs.check(program, .program, in: register.file) {
                graph.registersByProgram[program.value, default: []].append(id)
            }
            let key = "\(register.program?.value ?? "")|\(year.value)"
            if let other = seenYears[key] {
                refs.report(LocalizedText(
                    en: "another register of the same program is for \(year.value) too: \(other)",
                    ru: "реестр той же программы на \(year.value) год уже есть: \(other)"), year.asRef, register.file)
            }
            seenYears[key] = register.file
            var lists: [String: [String]] = [:]
            for list in register.lists {
                var inList: Set<String> = []
                for school in list.schools {
                    guard inList.insert(school.value).inserted else {
                        refs.report(LocalizedText(
                            en: "school `\(school.value)` is listed twice in «\(list.name)»",
                            ru: "школа «\(school.value)» указана в списке «\(list.name)» дважды"), school, register.file)
                        continue
                    }
                    if refs.check(school, .school, in: register.file) { lists[school.value, default: []].append(list.name) }
                }
            }
            for (school, names) in lists { graph.registrationsBySchool[school, default: []].append(Registration(register: id, lists: names)) }
        }
    }

    static func linkPeople(_ graph: inout SiteGraph, _ refs: ReferenceChecker) {
        let municipalities = Set(graph.schools.values.compactMap(\.municipality))
        let schoolsByMunicipality = Dictionary(grouping: graph.schools.values.filter { $0.municipality != nil }) { $0.municipality! }
            .mapValues { $0.map(\.id).sorted() }
        // The schools each person accompanies: those named, and — for a curator or a
        // coordinator, who answer for a territory — those of the territories named.
        for id in graph.people.keys.sorted() {
            let person = graph.people[id]!
            let forTerritory = person.roles.contains { $0.value == .curator || $0.value == .coordinator }
            let local = forTerritory ? person.territories.flatMap { schoolsByMunicipality[$0.value] ?? [] }.sorted() : []
            var seen: Set<String> = []
            let schools = (person.schools.map(\.value).filter { graph.schools[$0] != nil } + local).filter { seen.insert($0).inserted }
            graph.schoolsByPerson[id] = schools
            for school in schools { graph.peopleBySchool[school, default: []].append(id) }
        }
        for person in graph.content.people {
            for school in person.schools { refs.check(school, .school, in: person.file) }
            for territory in person.territories where !municipalities.contains(territory.value) {
                let hint = Suggestions.hint(Suggestions.closest(to: territory.value, among: municipalities.sorted()))
                refs.log.add(.warning(SourceLocation(file: person.file, line: territory.line, column: territory.column), LocalizedText(
                    en: "no school is in the territory «\(territory.value)»: territories are written as schools write their `municipality`\(hint.en)",
                    ru: "ни одна школа не относится к территории «\(territory.value)»: территории пишутся так же, как municipality в файлах школ\(hint.ru)")))
            }
        }
        // A person written as an id, anywhere a person may be written out.
        func link(_ ref: Ref?, in file: String, _ add: (inout PersonLinks) -> Void) {
            guard let ref, refs.check(ref, .person, in: file) else { return }
            add(&graph.personLinks[ref.value, default: PersonLinks()])
        }
        for network in graph.content.networks {
            link(network.coordinator?.ref, in: network.file) { $0.networks.appendUnique(network.id) }
        }
        for program in graph.content.programs {
            for person in program.responsible { link(person.ref, in: program.file) { $0.programs.appendUnique(program.id) } }
        }
        for id in graph.seminarOrder {
            guard let seminar = graph.seminars[id] else { continue }
            for speaker in seminar.agenda.flatMap(\.speakers) { link(speaker.person, in: seminar.file) { $0.seminars.appendUnique(id) } }
        }
        for practice in graph.content.practices {
            // Drafts are checked, and linked nowhere.
            guard !practice.isDraft else { refs.checkOptional(practice.contact?.ref, .person, in: practice.file); continue }
            link(practice.contact?.ref, in: practice.file) { $0.practices.appendUnique(practice.id) }
        }
    }

    /// `parent`: the program exists, and following parents never comes back.
    /// Measured indicators: the baseline comes before the target.
    static func linkProgramLineage(_ graph: inout SiteGraph, _ refs: ReferenceChecker) {
        for program in graph.content.programs {
            for indicator in program.indicators.compactMap(\.measured) {
                guard let baseline = indicator.baseline, let target = indicator.target, baseline.year.value > target.year.value else { continue }
                refs.report(LocalizedText(
                    en: "the baseline of «\(indicator.name)» (\(baseline.year.value)) is later than its target (\(target.year.value))",
                    ru: "базовое значение показателя «\(indicator.name)» (\(baseline.year.value)) позже целевого (\(target.year.value))"),
                    baseline.year.asRef, program.file)
            }
            guard let parent = program.parent, refs.check(parent, .program, in: program.file) else { continue }
            var seen: Set<String> = [], current: String? = parent.value, cycle = false
            while let id = current {
                if id == program.id {
                    refs.report(LocalizedText(
                        en: "program `\(program.id)` would be its own ancestor: its `parent` chain comes back to it",
                        ru: "программа «\(program.id)» оказалась бы собственным предком: цепочка parent возвращается к ней"), parent, program.file)
                    cycle = true
                    break
                }
                guard seen.insert(id).inserted else { break }  // a loop further up, reported at its own programs
                current = graph.programs[id]?.parent?.value
            }
            if !cycle { graph.childPrograms[parent.value, default: []].appendUnique(program.id) }
        }
    }
}

extension Located where Value == Int {
    /// The position as a reference's, for messages.
    var asRef: Ref { Ref(String(value), line: line, column: column) }
}
