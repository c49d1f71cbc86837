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

    /// Words that every school's name has and that tell schools apart poorly.
    private static let generic: Set<String> = [
        "муниципальное", "муниципальный", "автономное", "бюджетное", "казенное", "государственное", "частное",
        "общеобразовательное", "образовательное", "учреждение", "организация", "маоу", "мбоу", "моу", "мкоу", "гбоу", "гоу", "маоу",
        "г", "город", "города", "пос", "пст", "п", "с", "д", "им", "имени", "района", "район", "мо", "го",
    ]

    /// Lower-case words; «№1» and «№ 1» alike; quotes, punctuation and generic words
    /// dropped; «средняя общеобразовательная школа» read as «сош».
    static func words(_ text: String) -> [String] {
        var lower = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        for (phrase, short) in [("средняя общеобразовательная школа", "сош"), ("основная общеобразовательная школа", "оош"),
                                ("начальная общеобразовательная школа", "нош")] {
            lower = lower.replacingOccurrences(of: phrase, with: short)
        }
        return RussianText.tokens(lower).filter { !generic.contains($0) }
    }

    func match(_ written: String) -> Match {
        let target = Set(Self.words(written))
        guard !target.isEmpty else { return .none }
        let targetNumbers = Set(target.filter { $0.allSatisfy(\.isNumber) })
        var best: (School, Double)?
        for school in schools {
            for candidate in [school.name, school.shortName].compactMap({ $0 }) {
                let words = Set(Self.words(candidate))
                guard !words.isEmpty else { continue }
                let numbers = Set(words.filter { $0.allSatisfy(\.isNumber) })
                // «СОШ № 20» is never «СОШ № 33», however alike the rest reads.
                if numbers != targetNumbers { continue }
                let common = Double(words.intersection(target).count)
                var score = common / Double(words.union(target).count)
                // The short name inside a longer name: «СОШ № 33» in «МАОУ СОШ № 33 Эжвинского района».
                if words.isSubset(of: target), Double(words.count) >= 0.6 * Double(target.count) { score = max(score, 0.8) }
                if score > (best?.1 ?? 0) { best = (school, score) }
            }
        }
        guard let (school, score) = best else { return .none }
        if score >= 0.8 { return .exact(school) }
        if score >= 0.3 { return .unsure(school) }
        return .none
    }
}
