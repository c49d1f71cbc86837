/// Mistakes that are valid YAML with valid ids but wrong in the domain.
struct SemanticChecks {
    let graph: SiteGraph
    let log: DiagnosticLog

    func run() {
        for network in graph.content.networks {
            let leaders = Set(network.leaders.map(\.value))
            for member in network.members where leaders.contains(member.school.value) {
                log.add(.error(SourceLocation(file: network.file, line: member.school.line, column: member.school.column), LocalizedText(
                    en: "school `\(member.school.value)` is the leader of this network and cannot also be its supported member",
                    ru: "школа «\(member.school.value)» — лидер этой сети и не может одновременно быть её сопровождаемой школой")))
            }
        }
    }
}
