/// Mistakes that are valid YAML with valid ids but wrong in the domain.
struct SemanticChecks {
    let graph: SiteGraph
    let log: DiagnosticLog

    func run() {
        checkNetworks()
        checkPeriods()
        checkPracticeNetworks()
        checkPrograms()
    }

    private func error(_ file: String, _ line: Int, _ column: Int, _ en: String, _ ru: String) {
        log.add(.error(SourceLocation(file: file, line: line, column: column), LocalizedText(en: en, ru: ru)))
    }

    private func checkNetworks() {
        for network in graph.content.networks {
            let leaders = Set(network.leaders.map(\.value))
            var seen: Set<String> = []
            for member in network.members {
                let id = member.school.value, ref = member.school
                if leaders.contains(id) {
                    error(network.file, ref.line, ref.column,
                          "school `\(id)` is the leader of this network and cannot also be its supported member",
                          "школа «\(id)» — лидер этой сети и не может одновременно быть её сопровождаемой школой")
                } else if !seen.insert(id).inserted {
                    error(network.file, ref.line, ref.column,
                          "school `\(id)` is listed twice among the members", "школа «\(id)» указана среди участников дважды")
                }
            }
        }
    }

    private func checkPeriods() {
        func check(_ period: Period?, _ file: String) {
            guard let period, !period.isOrdered else { return }
            error(file, period.line, period.column,
                  "the period ends before it starts: `to: \(period.to!)` is earlier than `from: \(period.from!)`",
                  "период заканчивается раньше, чем начинается: `to: \(period.to!)` раньше, чем `from: \(period.from!)`")
        }
        let content = graph.content
        content.practices.forEach { check($0.period, $0.file) }
        content.networks.forEach { check($0.period, $0.file) }
        for network in content.networks {
            for member in network.members {
                check(Period(from: member.from, to: member.to, line: member.school.line, column: member.school.column), network.file)
            }
        }
        for program in content.programs {
            check(program.period, program.file)
            program.stages.forEach { check($0.period, program.file) }
        }
        for seminar in content.seminars {
            if let end = seminar.endDate, end.value < seminar.date {
                error(seminar.file, end.line, end.column, "`end_date: \(end.value)` is earlier than `date: \(seminar.date)`",
                      "`end_date: \(end.value)` раньше, чем `date: \(seminar.date)`")
            }
        }
    }

    /// The author school of a practice grown in a network must belong to it.
    private func checkPracticeNetworks() {
        let membersByNetwork = graph.networks.mapValues { Set($0.leaders.map(\.value) + $0.members.map(\.school.value)) }
        for practice in graph.content.practices {
            guard let network = practice.network, let members = membersByNetwork[network.value],
                  let author = practice.schools.first, graph.schools[author.value] != nil else { continue }
            if !members.contains(author.value) {
                error(practice.file, network.line, network.column,
                      "the author school `\(author.value)` does not belong to network `\(network.value)` (neither its leader nor a member)",
                      "школа-автор «\(author.value)» не входит в сеть «\(network.value)» (не лидер и не участник)")
            }
        }
    }

    private func checkPrograms() {
        for program in graph.content.programs {
            guard let outer = program.period else { continue }
            for stage in program.stages {
                guard let period = stage.period, period.isOrdered, !period.lies(within: outer) else { continue }
                error(program.file, period.line, period.column,
                      "stage «\(stage.name)» lies outside the program's period \(outer.from.map(\.description) ?? "…") – \(outer.to.map(\.description) ?? "…")",
                      "этап «\(stage.name)» выходит за сроки программы \(outer.from.map(\.description) ?? "…") – \(outer.to.map(\.description) ?? "…")")
            }
        }
    }
}

extension Period {
    init(from: Day?, to: Day?, line: Int, column: Int) {
        self.init(from: from, to: to)
        self.line = line
        self.column = column
    }
}
