import Foundation

/// sitemap.xml, the Atom feed of practices and robots.txt. These need
/// absolute URLs, so they use the base URL; without one they are skipped.
struct Feeds {
    let env: RenderEnvironment

    func sitemap(paths: [String]) -> String? {
        guard !env.settings.baseURL.isEmpty else { return nil }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            out += "  <url><loc>\(XMLText.escape(env.settings.baseURL + path))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }

    func atom() -> String? {
        guard !env.settings.baseURL.isEmpty else { return nil }
        let graph = env.graph
        let base = env.settings.baseURL
        let entries = graph.practices.values
            .sorted { ($0.updated ?? $0.date ?? Day(year: 0, month: 1), $1.id) > ($1.updated ?? $1.date ?? Day(year: 0, month: 1), $0.id) }
            .prefix(50)
        let newest = entries.first.flatMap { $0.updated ?? $0.date } ?? Day(year: 2000, month: 1, day: 1)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(env.site.language))\">\n"
        out += "  <title>\(XMLText.escape(env.site.title))</title>\n"
        out += "  <id>\(XMLText.escape(base))</id>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(base))\"/>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(base + "feed.xml"))\"/>\n"
        out += "  <updated>\(newest.isoDate)T00:00:00Z</updated>\n"
        if let organisation = env.site.organisation {
            out += "  <author><name>\(XMLText.escape(organisation.name))</name></author>\n"
        }
        for practice in entries {
            let url = base + SitePaths.entity(.practice, practice.id)
            let updated = practice.updated ?? practice.date ?? newest
            out += "  <entry>\n"
            out += "    <title>\(XMLText.escape(practice.title))</title>\n"
            out += "    <id>\(XMLText.escape(url))</id>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(url))\"/>\n"
            if let date = practice.date { out += "    <published>\(date.isoDate)T00:00:00Z</published>\n" }
            out += "    <updated>\(updated.isoDate)T00:00:00Z</updated>\n"
            if let author = practice.schools.first.flatMap({ graph.schools[$0.value] }) {
                out += "    <author><name>\(XMLText.escape(author.name))</name></author>\n"
            }
            out += "    <summary>\(XMLText.escape(practice.summary))</summary>\n"
            // Evidence, cost and what it adapts, for readers that filter by category.
            var categories = [("evidence/" + practice.evidenceLevel.rawValue, env.format.label("evidence_level", practice.evidenceLevel)!)]
            if let cost = practice.cost?.value, let term = graph.term(.cost, cost) { categories.append(("cost/" + cost, term.label)) }
            for (term, label) in categories {
                out += "    <category term=\"\(XMLText.escape(term))\" label=\"\(XMLText.escape(label))\"/>\n"
            }
            for source in practice.basedOn where graph.practices[source.value] != nil {
                out += "    <link rel=\"related\" href=\"\(XMLText.escape(base + SitePaths.entity(.practice, source.value)))\"/>\n"
            }
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    func robots() -> String {
        var out = "User-agent: *\nAllow: /\n"
        if !env.settings.baseURL.isEmpty { out += "Sitemap: \(env.settings.baseURL)sitemap.xml\n" }
        return out
    }
}
