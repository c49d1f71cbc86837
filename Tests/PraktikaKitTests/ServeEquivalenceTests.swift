import Foundation
import Testing
@testable import PraktikaKit

/// `praktika serve` re-renders only what a save affects; whatever it picks, the
/// pages it serves must be the pages a fresh build writes. This applies a series
/// of edits to the valid fixture site and, after each, compares every file of a
/// fresh build with what `LiveSite` serves.
@Suite("serve serves exactly what a fresh build writes", .serialized)
struct ServeEquivalenceTests {
    struct Edit: Sendable {
        var name: String
        var apply: @Sendable (FixtureSiteEditor) throws -> Void
    }

    static let edits: [Edit] = [
        Edit(name: "(a) edit a practice's body text") { site in
            try site.replace("content/practices/mentoring-pairs.md", "3. Каждый наставляемый составил программу самообразования.",
                             "3. Каждый наставляемый составил программу самообразования и ресурсную карту.")
        },
        Edit(name: "(a2) a body starts linking an attachment nothing published linked") { site in
            try site.replace("content/practices/mentoring-pairs.md", "3. Каждый наставляемый составил программу самообразования и ресурсную карту.",
                             "3. Каждый наставляемый составил программу самообразования и ресурсную карту ([заметки](file:practices/draft-plan-notes.pdf)).")
        },
        Edit(name: "(b) change a practice's title") { site in
            try site.replace("content/practices/visiting-lessons.md", "title: Взаимопосещение уроков «В гостях у коллег»",
                             "title: Взаимопосещение уроков «В гостях у наставников»")
        },
        Edit(name: "(c) change a practice's topics") { site in
            try site.replace("content/practices/gia-intensive.md", "topics: [gia-preparation]",
                             "topics: [gia-preparation, methodological-support]")
        },
        Edit(name: "(d) add a practice authored by a school") { site in
            try site.write("content/practices/reading-club.md", """
                ---
                title: Семейный читательский клуб
                summary: Родители и ученики СОШ № 33 раз в месяц обсуждают прочитанную книгу вместе с учителем литературы.
                schools: [school-33]
                network: gymnasium-network
                topics: [parents]
                risk_factors: [parent-involvement, low-motivation]
                subjects: [russian]
                audiences: [parents]
                date: 2021-09-01
                ---

                Клуб собирается в библиотеке [СОШ № 33](school:school-33).

                """)
        },
        Edit(name: "(e) turn a published practice into a draft") { site in
            try site.replace("content/practices/parents-saturday.md", "date: 2021-04-03", "date: 2021-04-03\nstatus: draft")
        },
        Edit(name: "(f) delete a practice") { site in
            try site.remove("content/practices/gia-intensive.md")
        },
        Edit(name: "(g) edit a school's name") { site in
            try site.replace("content/schools/school-20.md", "name: МАОУ «СОШ № 20» пос. Седкыркещ",
                             "name: МАОУ «Средняя общеобразовательная школа № 20» пос. Седкыркещ")
        },
        Edit(name: "(h) add a supported school to a network") { site in
            try site.replace("content/networks/gymnasium-network.md", "  - {school: school-33, from: 2021-01}",
                             "  - {school: school-33, from: 2021-01}\n  - {school: school-klyuchi, from: 2021-03}")
        },
        Edit(name: "(i) edit a seminar to present a practice") { site in
            try site.replace("content/seminars/network-seminar-2021.md", "  - time: \"11:00\"\n    title: Работа в группах", """
                  - time: "10:30"
                    title: Взаимопосещение уроков в сети
                    speakers:
                      - name: Петрова Анна Сергеевна
                        position: учитель математики
                        school: school-33
                    practice: visiting-lessons
                  - time: "11:00"
                    title: Работа в группах
                """)
        },
        Edit(name: "(j) edit the digest selection") { site in
            try site.replace("content/digests/network-digest-2021.yaml", "  topics: [parents]", "  topics: [methodological-support]")
        },
        Edit(name: "(k) rename a program") { site in
            try site.replace("content/programs/gymnasium-tutoring.yaml", "title: Программа тьюторского сопровождения",
                             "title: Программа наставнического сопровождения")
        },
        Edit(name: "(l) rename a network and change its level") { site in
            try site.replace("content/networks/gymnasium-network.md", "name: Межмуниципальное сетевое сообщество",
                             "name: Сетевое сообщество")
            try site.replace("content/networks/gymnasium-network.md", "level: intermunicipal", "level: municipal")
        },
        Edit(name: "(n) a practice becomes a replication of another (its card counts one school more everywhere)") { site in
            try site.replace("content/practices/parents-saturday.md", "date: 2021-04-03", "date: 2021-04-03\nbased_on: [mentoring-pairs]")
        },
        Edit(name: "(o) a result for an outcome improves more than the best one (the outcome page and the home page)") { site in
            try site.replace("content/practices/visiting-lessons.md", "    after: 41", "    after: 71")
        },
        Edit(name: "(p) a school enters next year's register (its page, the register, the home page's line)") { site in
            try site.replace("content/registers/syktyvkar-2021.yaml", "    schools: [school-33]\n", "    schools: [school-33, school-20]\n")
        },
        Edit(name: "(q) rename a person written as an id (the network and schools that name them)") { site in
            try site.replace("content/people/ryabova-olga.md", "name: Рябова Ольга Николаевна", "name: Рябова-Смирнова Ольга Николаевна")
        },
        Edit(name: "(m) give a school a short name") { site in
            try site.replace("content/schools/school-klyuchi.md", "short_name: Ключевская СОШ", "short_name: Ключевская школа")
        },
    ]

    /// Files a build writes that `serve` has no reason to serve: the output's
    /// marker and manifest, Pagefind's index (`serve` searches its own way) and
    /// the digests' PDFs (not made here).
    static func servedByBoth(_ path: String) -> Bool {
        !path.hasPrefix(".") && !path.hasPrefix("pagefind/") && !(path.hasPrefix("digests/") && path.hasSuffix(".pdf"))
    }

    /// The draft of the valid site: a build writes neither its page nor the file only it attaches.
    static let draftPaths: Set<String> = ["practices/draft-plan/index.html", "files/practices/draft-plan-notes.pdf"]

    @Test("after each of a series of edits, every file of a fresh build is served with the same bytes")
    func servedEqualsBuilt() throws {
        let (root, site) = try FixtureSiteFolders.copy(FixtureSiteFolders.valid)
        defer { try? FileManager.default.removeItem(at: root) }
        // LiveSite has no `today` of its own: it dates the site by the clock, so the builds do too.
        let today = Day.today()
        let live = LiveSite(site: site)
        let first = try #require(live.refresh())
        try #require(first.ok, "the first live build failed: \(first.diagnostics)")

        var everBuilt: Set<String> = []
        /// Paths served stale, with the edit after which they first differed and the bytes then served.
        var stale: [String: (since: String, served: Data)] = [:]
        var step = 0
        func compare(after name: String) throws {
            step += 1
            let output = root.appendingPathComponent("build-\(step)", isDirectory: true)
            defer { try? FileManager.default.removeItem(at: output) }
            _ = try SiteBuilder.build(FixtureSiteFolders.options(site: site, output: output, today: today))
            let built = FixtureSiteFolders.files(in: output).filter(Self.servedByBoth)
            everBuilt.formUnion(built)
            var differ: [String] = [], notServed: [String] = []
            var nowStale: [String: (since: String, served: Data)] = [:]
            for path in built {
                guard let served = live.file(path)?.0 else { notServed.append(path); continue }
                let fresh = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) ?? Data()
                guard served != fresh else { continue }
                // A page left stale by an earlier edit and not re-rendered since says so.
                let earlier = stale[path].flatMap { $0.served == served ? $0.since : nil }
                nowStale[path] = (earlier ?? name, served)
                let hint = FixtureSiteFolders.firstDifference(expected: String(decoding: fresh, as: UTF8.self),
                                                              actual: String(decoding: served, as: UTF8.self))
                    .replacingOccurrences(of: "expected:", with: "built: ").replacingOccurrences(of: "actual:  ", with: "served:")
                differ.append("    \(path)" + (earlier.map { " (served unchanged since \($0))" } ?? "")
                              + "\n      " + hint.replacingOccurrences(of: "\n", with: "\n      "))
            }
            stale = nowStale
            // LiveSite cannot list its pages, so the other direction is checked on
            // every path some build of this series wrote, and on the draft's page and attachment.
            let candidates = everBuilt.union(Self.draftPaths).subtracting(built)
            let notBuilt = candidates.filter { live.file($0) != nil }.sorted()
            guard !(differ.isEmpty && notServed.isEmpty && notBuilt.isEmpty) else { return }
            var lines = ["after \(name):"]
            if !differ.isEmpty { lines.append("  served with other bytes than built:"); lines += differ }
            if !notServed.isEmpty { lines.append("  built but not served: " + notServed.joined(separator: ", ")) }
            if !notBuilt.isEmpty { lines.append("  served but not built: " + notBuilt.joined(separator: ", ")) }
            Issue.record(Comment(rawValue: lines.joined(separator: "\n")))
        }

        try compare(after: "the first refresh (no edit)")
        let editor = FixtureSiteEditor(site: site)
        for edit in Self.edits {
            try edit.apply(editor)
            guard let update = live.refresh() else {
                Issue.record("after \(edit.name): serve did not notice the change")
                continue
            }
            #expect(update.ok, "after \(edit.name): \(update.diagnostics.map { $0.formatted(language: "en") })")
            try compare(after: edit.name)
        }
    }
}

/// Saves files of a copied fixture site so that a scan notices each save.
struct FixtureSiteEditor: Sendable {
    let site: URL

    /// A save a little later than the last scan, so that the modification time differs.
    func write(_ path: String, _ text: String) throws {
        Thread.sleep(forTimeInterval: 0.02)
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func replace(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
        guard text.contains(old) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(path) does not contain «\(old)»"])
        }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: site.appendingPathComponent(path))
    }
}
