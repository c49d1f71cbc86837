import Foundation

/// The most common rebuild: an author changed the text of a few published
/// practices and nothing else. Everything the link stage derives comes from
/// front matter (`PracticeEdit`, which `serve` relies on the same way), so
/// the plan is the same, and only the pages that show an edited practice
/// can have other bytes; every other page is the previous build's file,
/// kept as a hard link instead of being rendered again.
///
/// The previous build leaves `.praktika-inputs` in the output: the digest of
/// every input but the practices' files, and for each published practice its
/// file's size and time and its front matter's hash. Anything else changed —
/// the theme, settings, site.yaml, any other entity, a practice's front matter,
/// a practice added, removed or turned draft, or a link problem reported last
/// time — and every page is rendered, as before. The other practices' HTML
/// is made only if a page asks for it.
struct BodyEdits {
    static let stateFile = ".praktika-inputs"

    /// The practices whose body changed since the previous build.
    let edited: Set<EntityRef>
    /// The files of the other practices whose Markdown the previous build
    /// found nothing wrong in: their HTML may wait until a page asks for it (`DeferredProse`).
    let quiet: Set<String>

    /// The state of this build's inputs, written with its output; `prose`
    /// tells which practices' Markdown had something wrong (`!`) or not (`-`).
    static func state(rest: String, graph: SiteGraph, practiceStamps: [String: FileStamp], prose: Prose) -> String {
        var lines = ["rest \(rest)"]
        for id in graph.practices.keys.sorted() {
            guard let entry = graph.practices[id], let stamp = practiceStamps[entry.file] else { continue }
            let quiet = prose.files[entry.file]?.diagnostics.isEmpty ?? true
            lines.append("practice \(entry.frontMatterHash) \(stamp.size) \(stamp.modified.bitPattern) \(quiet ? "-" : "!") \(id)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The edits since the previous build, or nil when the pages must all be rendered.
    static func since(_ previous: String?, rest: String, graph: SiteGraph, practiceStamps: [String: FileStamp]) -> BodyEdits? {
        guard let previous else { return nil }
        var lines = previous.split(separator: "\n")[...]
        guard lines.popFirst() == Substring("rest \(rest)") else { return nil }
        var seen = 0
        var edited: Set<EntityRef> = [], quiet: Set<String> = []
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 5)
            guard parts.count == 6, parts[0] == "practice", let entry = graph.practices[String(parts[5])],
                  String(entry.frontMatterHash) == parts[1], let stamp = practiceStamps[entry.file] else { return nil }
            if String(stamp.size) != parts[2] || String(stamp.modified.bitPattern) != parts[3] {
                edited.insert(EntityRef(.practice, entry.id))
            } else if parts[4] == "-" {
                quiet.insert(entry.file)
            }
            seen += 1
        }
        guard seen == graph.practices.count else { return nil }
        return BodyEdits(edited: edited, quiet: quiet)
    }

    /// Whether a page may have other bytes than the previous build's.
    func affects(_ page: PlannedPage) -> Bool {
        !page.shows.isDisjoint(with: edited)
    }

    /// The pages to render, and those kept by `keep`: a page that cannot be
    /// kept is rendered. One after another: each needs its folder made, and
    /// mkdir(2) in one parent folder does not go faster on two threads.
    func split(_ pages: [PlannedPage], keep: (String) -> Bool) -> (rendered: [PlannedPage], kept: [PlannedPage]) {
        var rendered: [PlannedPage] = [], kept: [PlannedPage] = []
        for page in pages {
            if !affects(page), keep(page.outputFile) { kept.append(page) } else { rendered.append(page) }
        }
        return (rendered, kept)
    }

    /// The digest of the inputs but the practices' files: the fingerprint's
    /// inputs, with the content folder's files (`contentStamps`, walked once
    /// for both) under `content/practices/` left out; and those files' stamps.
    static func restDigest(site: URL, themeFolders: [URL], settings: [String],
                           contentStamps: [String: FileStamp]) -> (digest: String, practiceStamps: [String: FileStamp]) {
        var practices: [String: FileStamp] = [:]
        var rest: [String: FileStamp] = [:]
        for (path, stamp) in contentStamps {
            if path.hasPrefix("content/practices/") && path.hasSuffix(".md") { practices[path] = stamp } else { rest[path] = stamp }
        }
        return (InputFingerprint.compute(site: site, themeFolders: themeFolders, settings: settings, contentFiles: rest), practices)
    }
}
