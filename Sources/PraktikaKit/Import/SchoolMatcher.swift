import Foundation
import Yams

/// Finds the author school of an imported practice among `content/schools/` by
/// its full or short name, the way documents write it («МАОУ "Гимназия №1" г.Сыктывкара»).
struct SchoolMatcher {
    struct School {
        var id: String
        var name: String
        var shortName: String?
    }

    enum Match {
        case exact(School)
        /// The closest school, not certain enough to take without a look.
        case unsure(School)
        case none
    }

    var schools: [School]

    init(site: URL) {
        let folder = site.appendingPathComponent("content/schools", isDirectory: true)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        schools = files.filter { $0.hasSuffix(".md") }.sorted().compactMap { file in
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8),
                  let frontMatter = Self.frontMatter(text),
                  let fields = (try? Yams.load(yaml: frontMatter)) as? [String: Any],
                  let name = fields["name"] as? String else { return nil }
            return School(id: String(file.dropLast(3)), name: name, shortName: fields["short_name"] as? String)
        }
    }

    init(schools: [School]) { self.schools = schools }

    private static func frontMatter(_ text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else { return nil }
        return lines[1..<end].joined(separator: "\n")
    }

    /// Lower-case words; «№1» and «№ 1» alike; quotes and punctuation dropped; «ё» as «е».
    static func words(_ text: String) -> [String] {
        RussianText.tokens(text.lowercased().replacingOccurrences(of: "ё", with: "е"))
    }

    func match(_ written: String) -> Match {
        let target = Self.words(written)
        guard !target.isEmpty else { return .none }
        let targetSet = Set(target)
        let targetNumbers = Set(target.filter { $0.allSatisfy(\.isNumber) })
        var best: (School, Double)?
        for school in schools {
            for candidate in [school.name, school.shortName].compactMap({ $0 }) {
                let words = Self.words(candidate)
                if words == target { return .exact(school) }
                let set = Set(words)
                let numbers = Set(words.filter { $0.allSatisfy(\.isNumber) })
                // «СОШ № 20» is never «СОШ № 33», however alike the rest reads.
                if numbers != targetNumbers && !(numbers.isEmpty || targetNumbers.isEmpty) { continue }
                let common = Double(set.intersection(targetSet).count)
                let score = common / Double(set.union(targetSet).count)
                let covers = common == Double(set.count) && set.count >= 2
                let value = covers ? max(score, 0.8) : score
                if value > (best?.1 ?? 0) { best = (school, value) }
            }
        }
        guard let (school, score) = best else { return .none }
        if score >= 0.8 { return .exact(school) }
        if score >= 0.35 { return .unsure(school) }
        return .none
    }
}
