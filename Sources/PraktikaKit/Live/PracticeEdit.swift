import Foundation

/// The common save while writing: the body of a published practice changed
/// and its front matter did not. Everything the link stage derives comes
/// from front matter, so the graph of the last build stays right with the
/// new entry put in, and linking the whole site again (most of the time of a
/// save on a big site) is not needed.
enum PracticeEdit {
    /// The graph with these published practices replaced, or nil when any of
    /// them is new, a draft, or has other front matter than before.
    static func replacing(_ entries: [Entry<Practice>], in graph: SiteGraph) -> SiteGraph? {
        var updated = graph
        for entry in entries {
            guard !entry.isDraft, let old = graph.practices[entry.id], old.frontMatterHash == entry.frontMatterHash,
                  let index = updated.content.practices.firstIndex(where: { $0.id == entry.id })
            else { return nil }
            updated.practices[entry.id] = entry
            updated.content.practices[index] = entry
        }
        return updated
    }

    /// Reads the saved practice files; nil when one cannot be read (the full
    /// path then reports it with everything else).
    static func read(_ ids: [String], site: URL, cache: EntryCache) -> (entries: [Entry<Practice>], warnings: [Diagnostic])? {
        let reader = YAMLReader()
        let theme = (try? String(contentsOf: site.appendingPathComponent("content/site.yaml"), encoding: .utf8))
            .flatMap(YAMLReaderForScaffolding.theme(in:)) ?? "default"
        let placeholders = Placeholders.load(site: site, theme: theme)
        var entries: [Entry<Practice>] = [], warnings: [Diagnostic] = []
        for id in ids {
            let relative = "content/practices/\(id).md"
            let url = site.appendingPathComponent(relative)
            var found: [Diagnostic] = []
            let item = ContentFiles.Item(url: url, id: id, relativePath: relative)
            guard EntityID.isValid(id), let stamp = cache.stamp(relative, url: url),
                  case .success(let entry) = ContentLoader.readEntry(.practice, Practice.self, file: item, reader: reader, warnings: &found,
                                                                              placeholders: placeholders)
            else { return nil }
            cache.store(relative, stamp: stamp, entry: entry, warnings: found)
            entries.append(entry)
            warnings += found
        }
        return (entries, warnings)
    }
}
