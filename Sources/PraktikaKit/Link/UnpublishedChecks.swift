import Foundation

/// Content that no page shows is still checked, so that a draft is ready to
/// publish; and a digest that selects nothing is an error.
struct UnpublishedChecks {
    let graph: SiteGraph
    let log: DiagnosticLog
    var drafts: Set<String>? = nil

    func run() {
        let refs = ReferenceChecker(graph: graph, log: log)
        let checked = graph.content.practices.filter { $0.isDraft && (drafts?.contains($0.id) ?? true) }
        // Each draft's Markdown is parsed by cmark; on a big site that is worth both cores.
        DispatchQueue.concurrentPerform(iterations: checked.count) { index in
            let practice = checked[index]
            if let body = practice.body { check(body.text, .body(file: practice.file, body: body), refs) }
            for field in [practice.resources, practice.replicability].compactMap({ $0 }) {
                check(field.value, .field(file: practice.file, field), refs)
            }
        }
        for digest in graph.content.digests {
            if let problem = DigestSelector.orderProblem(of: digest.fields, in: graph) {
                log.add(.warning(FieldLine.location(of: "order", in: digest.file, root: graph.content.root), problem))
            }
            if DigestSelector.practices(of: digest.fields, in: graph).isEmpty {
                log.add(.error(SourceLocation(file: digest.file, line: 1, column: 1), LocalizedText(
                    en: "the digest selects no published practice: check `seminar`, `select` and `practices`",
                    ru: "в сборник не попадает ни одна опубликованная практика: проверьте `seminar`, `select` и `practices`")))
            }
        }
    }

    private func check(_ text: String, _ origin: MarkdownOrigin, _ refs: ReferenceChecker) {
        let audit = Markdown.audit(text)
        for link in audit.unresolved {
            guard case .message(let message) = refs.problem(for: link) else { continue }
            log.add(.error(origin.location(of: link, siteRoot: graph.content.root), message))
        }
        for problem in audit.problems {
            log.add(.warning(origin.location(of: problem, siteRoot: graph.content.root), problem.message))
        }
    }
}

/// The line of a top-level field, for values decoded without a position.
enum FieldLine {
    static func location(of field: String, in file: String, root: URL) -> SourceLocation {
        guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else {
            return SourceLocation(file: file, line: 1, column: 1)
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix(field + ":") {
            return SourceLocation(file: file, line: index + 1, column: field.count + 3)
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }
}
