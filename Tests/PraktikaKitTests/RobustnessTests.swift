import Foundation
import Testing
@testable import PraktikaKit

/// Random bytes and random YAML in any content file must end in a clear
/// error (or a clean build), never a crash or a hang.
@Suite("Robustness against arbitrary input")
struct RobustnessTests {
    static let targets = [
        "content/site.yaml", "content/practices/mentoring.md", "content/schools/leader-school.md",
        "content/networks/gym-network.md", "content/programs/tutoring.yaml", "content/seminars/network-seminar.md",
        "content/vocabularies/topics.yaml",
    ]

    @Test("random mutations of every kind of content file give clear errors", .timeLimit(.minutes(2)))
    func randomMutations() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        var random = SeededRandom(state: 20261122)
        for iteration in 0..<240 {
            let target = Self.targets[iteration % Self.targets.count]
            let original = Data(FixtureSite.files[target]!.utf8)
            let mutated: Data
            switch iteration % 4 {
            case 0: mutated = Data((0..<Int.random(in: 1...400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            case 1: mutated = Self.flipBytes(original, using: &random)
            case 2: mutated = Data(Self.randomYAML(using: &random, markdown: target.hasSuffix(".md")).utf8)
            default: mutated = original.prefix(Int.random(in: 0..<original.count, using: &random))
            }
            try site.write(data: mutated, to: target)
            do {
                _ = try SiteBuilder.check(site.options())
            } catch let errors as ContentErrors {
                #expect(!errors.diagnostics.isEmpty, "iteration \(iteration): an error without a diagnostic")
                for diagnostic in errors.diagnostics where diagnostic.location.file == target {
                    #expect(diagnostic.location.line >= 1, "iteration \(iteration): \(diagnostic.description) has no line")
                }
            }
            try site.write(data: original, to: target)
        }
    }

    @Test("a YAML alias bomb is refused quickly", .timeLimit(.minutes(1)))
    func aliasBomb() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try site.write("content/programs/tutoring.yaml", "title: П\n" + yaml + "tasks: *a9\n")
        let errors = site.errors().map { $0.formatted(language: "en") }
        #expect(errors.contains { $0.hasPrefix("content/programs/tutoring.yaml:") })
    }

    static func flipBytes(_ data: Data, using random: inout SeededRandom) -> Data {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return data }
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
        }
        return Data(bytes)
    }

    static func randomYAML(using random: inout SeededRandom, markdown: Bool) -> String {
        let keys = ["title", "summary", "schools", "name", "leader", "members", "plan", "items", "period", "from", "to",
                    "date", "status", "agenda", "x", "id", "label", "&anchor", "*alias", "? complex", "<<", "- "]
        let scalars = ["~", "null", "yes", "no", "on", "10:00", "2021-02-30", "0x1F", "1e400", "'quoted'", "\"esc\\u0000\"",
                       "[unclosed", "{a: b", "*undefined", "!!binary aGVsbG8=", "!tag value", "|", ">-", "— «текст»", "", "-1"]
        func value(_ depth: Int) -> String {
            switch Int.random(in: 0...3, using: &random) {
            case 0 where depth < 4:
                let indent = String(repeating: "  ", count: depth + 1)
                return "\n" + (0..<Int.random(in: 1...3, using: &random)).map { _ in
                    "\(indent)\(keys.randomElement(using: &random)!): \(value(depth + 1))"
                }.joined(separator: "\n")
            case 1 where depth < 4:
                let indent = String(repeating: "  ", count: depth + 1)
                return "\n" + (0..<Int.random(in: 1...3, using: &random)).map { _ in "\(indent)- \(value(depth + 1))" }.joined(separator: "\n")
            default:
                return scalars.randomElement(using: &random)!
            }
        }
        let document = (0..<Int.random(in: 1...6, using: &random)).map { _ in
            "\(keys.randomElement(using: &random)!): \(value(0))"
        }.joined(separator: "\n")
        return markdown ? "---\n\(document)\n---\n[x](school:\(scalars.randomElement(using: &random)!))\n" : document
    }
}
