import Foundation

/// The Markdown half of the link stage: every published Markdown text is
/// rendered here, once, its `kind:id` and `file:` links resolved, and every
/// problem in it reported, so that nothing later has to render to find one.
enum MarkdownPass {
    /// - Parameters:
    ///   - previous: the last pass of a live site, whose files `reuse` accepts
    ///     are taken as they are instead of being rendered again.
    ///   - deferring: files whose texts may be rendered only when a page asks
    ///     for them (`DeferredProse`).
    ///   - spill: where the practice bodies' HTML goes, when they are let go of (a build).
    static func run(_ graph: SiteGraph, settings: RenderSettings, tableLabel: String,
                    previous: Prose? = nil, reuse: (String) -> Bool = { _ in false }, releasesPracticeBodies: Bool = false,
                    deferring: Set<String> = [], spill: ProseSpill? = nil) -> Prose {
        let sources = texts(of: graph, releasesPracticeBodies: releasesPracticeBodies)
        var files: [String: FileProse] = [:]
        var waiting: [(file: String, texts: [ProseText], attachments: [String])] = []
        var later: [String: DeferredProse.Source] = [:]
        for source in sources {
            if let previous, let kept = previous.files[source.file], reuse(source.file) {
                files[source.file] = kept
            } else if deferring.contains(source.file), !DeferredProse.mayLinkFiles(source.texts) {
                // Kept whole: a text rendered later must still be there.
                later[source.file] = (source.texts.map { ProseText(origin: $0.origin) }, source.attachments)
            } else {
                waiting.append(source)
            }
        }
        let pending = waiting
        let made = ResultSlots<FileProse>(count: pending.count)
        let renderer = ProseRenderer(graph: graph, links: PageLinks.deferred(offline: settings.offline), tableLabel: tableLabel, spill: spill)
        DispatchQueue.concurrentPerform(iterations: pending.count) { index in
            made.set(index, renderer.render(pending[index].texts, attachments: pending[index].attachments))
        }
        for (index, prose) in made.values.enumerated() { files[pending[index].file] = prose }
        return Prose(files: files, deferred: later.isEmpty ? nil : DeferredProse(renderer: renderer, sources: later), spill: spill)
    }

    /// The last pass with these practice files rendered again (serve, after a
    /// save that changed only their bodies): nothing else is read.
    static func rendering(practices ids: [String], of graph: SiteGraph, over previous: Prose, settings: RenderSettings, tableLabel: String) -> Prose {
        let renderer = ProseRenderer(graph: graph, links: PageLinks.deferred(offline: settings.offline), tableLabel: tableLabel)
        var updated = previous
        for practice in ids.compactMap({ graph.practices[$0] }) {
            let source = texts(of: practice)
            updated.replace(source.file, with: renderer.render(source.texts, attachments: source.attachments))
        }
        return updated
    }

    /// One entry's Markdown texts and listed attachments.
    static func texts<Fields: ProseFields>(of entry: Entry<Fields>, releasing: Bool = false) -> (file: String, texts: [ProseText], attachments: [String]) {
        var texts = entry.fields.markdownFields.filter { !$0.value.isBlank }
            .map { ProseText(origin: .field(file: entry.file, $0)) }
        if let body = entry.body, !body.text.isBlank {
            texts.append(ProseText(origin: .body(file: entry.file, body: body), releasesText: releasing))
        }
        return (entry.file, texts, entry.fields.attachmentPaths)
    }

    static func texts(of graph: SiteGraph, releasesPracticeBodies: Bool = false) -> [(file: String, texts: [ProseText], attachments: [String])] {
        var sources: [(file: String, texts: [ProseText], attachments: [String])] = []
        func add<Fields: ProseFields>(_ entries: some Sequence<Entry<Fields>>, releasing: Bool = false) {
            for entry in entries { sources.append(texts(of: entry, releasing: releasing)) }
        }
        let content = graph.content
        for kind in EntityKind.allCases {
            switch kind {
            // Drafts have no page; `UnpublishedChecks` audits their Markdown.
            case .practice: add(content.practices.filter { !$0.isDraft }, releasing: releasesPracticeBodies)
            case .school: add(content.schools)
            case .network: add(content.networks)
            case .program: add(content.programs)
            case .seminar: add(content.seminars)
            case .digest: add(content.digests)
            case .register: add(content.registers)
            case .person: add(content.people)
            }
        }
        return sources
    }
}

/// Renders the texts of one file; used from several threads at once.
struct ProseRenderer: Sendable {
    let graph: SiteGraph
    let links: PageLinks
    let tableLabel: String
    var spill: ProseSpill? = nil

    func render(_ texts: [ProseText], attachments: [String]) -> FileProse {
        var prose = FileProse()
        let root = graph.content.root
        let typesets = graph.content.site.language.lowercased().hasPrefix("ru")
        for text in texts {
            let output = Markdown.render(text.text, tableLabel: tableLabel) { link in
                resolve(link, into: &prose)
            }
            if text.releasesText, case .body(_, let body) = text.origin { body.releaseText() }
            let html = typesets ? RussianTypography.html(output.html, joinsCompounds: false) : output.html
            if text.releasesText, let slot = spill?.store(html) {
                prose.stored[text.origin.key] = slot
            } else {
                prose.html[text.origin.key] = html
            }
            for link in output.unresolved {
                guard case .message(let message) = ReferenceChecker.problem(for: link, in: graph) else { continue }
                prose.diagnostics.append(.error(text.origin.location(of: link, siteRoot: root), message))
            }
            for problem in output.problems {
                prose.diagnostics.append(.warning(text.origin.location(of: problem, siteRoot: root), problem.message))
            }
            for refused in output.refused {
                prose.diagnostics.append(.warning(text.origin.location(line: refused.line, column: refused.column, siteRoot: root), LocalizedText(
                    en: "the link `\(refused.url)` was removed: only http, https, mailto, tel addresses and relative paths are allowed",
                    ru: "ссылка «\(refused.url)» удалена: допускаются только адреса http, https, mailto, tel и относительные пути")))
            }
        }
        prose.usedFiles.formUnion(listedFiles(attachments))
        return prose
    }

    /// The listed attachments that exist, under content/files/.
    func listedFiles(_ attachments: [String]) -> Set<String> {
        Set(attachments.compactMap { path in AttachmentPath.normalize(path).flatMap { graph.content.files[$0] != nil ? $0 : nil } })
    }

    private func resolve(_ link: EntityLink, into prose: inout FileProse) -> String? {
        let fragment = link.fragment.map { "#" + $0 } ?? ""
        guard let kind = link.scheme.entityKind else {
            guard let relative = AttachmentPath.normalize(link.target), graph.content.files[relative] != nil else { return nil }
            prose.usedFiles.insert(relative)
            return links.to(SitePaths.file(relative))
        }
        prose.targets.insert(kind.rawValue + ":" + link.target)
        guard graph.contains(kind, link.target) else { return nil }
        return links.to(SitePaths.entity(kind, link.target)) + fragment
    }
}

/// The Markdown fields of an entity kind (besides the body) and the
/// attachments it lists: what the Markdown pass renders and copies.
protocol ProseFields: Sendable {
    var markdownFields: [MarkdownField] { get }
    var attachmentPaths: [String] { get }
}

extension ProseFields {
    var markdownFields: [MarkdownField] { [] }
    var attachmentPaths: [String] { [] }
}

extension Practice: ProseFields {
    var markdownFields: [MarkdownField] { [resources, replicability, evidence?.comparison].compactMap { $0 } }
    var attachmentPaths: [String] { attachments.map(\.file.value) }
}

extension Program: ProseFields {
    var markdownFields: [MarkdownField] {
        var fields = [goal].compactMap { $0 } + tasks + indicators.compactMap(\.text) + stages.compactMap(\.content)
        for risk in risks { fields += [risk.risk] + risk.measures }
        fields += [resources].compactMap { $0 } + expectedResults + plan.flatMap { $0.items.map(\.action) }
        fields += plan.flatMap { $0.items.compactMap(\.note) }
        return fields + [description].compactMap { $0 }
    }
}

extension Seminar: ProseFields {
    var attachmentPaths: [String] { materials.compactMap { $0.file?.value } }
}

extension Digest: ProseFields {
    var markdownFields: [MarkdownField] { [intro].compactMap { $0 } }
}

extension School: ProseFields {}
extension Register: ProseFields {}
extension PersonProfile: ProseFields {}
extension Network: ProseFields {}
