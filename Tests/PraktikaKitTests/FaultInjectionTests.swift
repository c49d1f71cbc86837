import Foundation
import Testing
@testable import PraktikaKit

/// The write stage under faults: a failure or a kill -9 at every step of
/// the switch, random kills during large builds, two builds at once. Each
/// test compares the output tree's hashes before and after, and checks that
/// the next plain build succeeds and leaves nothing of its own behind.
@Suite("Faults during a build never lose or mix the output", .serialized)
struct FaultInjectionTests {
    /// A site built once (version 1) with a file of the user's in the output,
    /// then changed (version 2); `reference` is what a clean build of version 2 gives.
    struct Scenario {
        let site: FixtureSite
        let old: OutputTree.Snapshot
        let new: OutputTree.Snapshot

        static func make() async throws -> Scenario {
            let site = try FixtureSite()
            let first = try await PraktikaCLI.run(["build", site.root.path, "--no-pdf"])
            guard first.status == 0 else { throw FixtureError(first.output) }
            try site.write("public/.htaccess", "ErrorDocument 404 /404.html")
            try site.write("public/scans/letter.txt", "a folder of the user's")
            let old = OutputTree.snapshot(site.output)
            try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]!
                .replacingOccurrences(of: "Практика [СОШ № 33]", with: "Версия 2 [СОШ № 33]"))
            try site.remove("content/seminars/future-seminar.md")
            let reference = site.root.appendingPathComponent("reference", isDirectory: true)
            let second = try await PraktikaCLI.run(["build", site.root.path, "--no-pdf", "--output", reference.path])
            guard second.status == 0 else { throw FixtureError(second.output) }
            try site.write("reference/.htaccess", "ErrorDocument 404 /404.html")
            try site.write("reference/scans/letter.txt", "a folder of the user's")
            return Scenario(site: site, old: old, new: OutputTree.snapshot(reference))
        }

        /// A copy of the version-1 output to run one faulty build into.
        func freshOutput(_ name: String) throws -> URL {
            let url = site.root.appendingPathComponent(name, isDirectory: true)
            try FileManager.default.copyItem(at: site.output, to: url)
            return url
        }

        func build(_ output: URL, fault: String? = nil, twoRenames: Bool = false, extra: [String] = []) async throws -> PraktikaCLI.Run {
            var environment: [String: String] = [:]
            if let fault { environment["PRAKTIKA_FAULT"] = fault }
            if twoRenames { environment["PRAKTIKA_NO_EXCHANGE"] = "1" }
            return try await PraktikaCLI.run(["build", site.root.path, "--no-pdf", "--output", output.path] + extra, environment: environment)
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ text: String) { description = text }
    }

    @Test("a failure at any step of the write stage exits 1 and leaves the previous output byte-identical",
          .timeLimit(.minutes(3)))
    func failureAtEveryStep() async throws {
        let scenario = try await Scenario.make()
        defer { scenario.site.cleanUp() }
        #expect(scenario.old != scenario.new)
        for step in FaultInjection.steps {
            let output = try scenario.freshOutput("out-fail-\(step)")
            let archive = scenario.site.root.appendingPathComponent("fail-\(step).zip")
            let run = try await scenario.build(output, fault: "fail:\(step)", extra: ["--zip", archive.path])
            if step == "cleanup" {
                // After the switch nothing fails the build; the previous tree is removed by the next run.
                #expect(run.status == 0, "\(step): \(run.output)")
                #expect(OutputTree.snapshot(output) == scenario.new, "\(step): \(OutputTree.snapshot(output).difference(scenario.new))")
            } else {
                #expect(run.status == 1, "\(step): \(run.output)")
                #expect(run.output.contains("injected fault at step `\(step)`"), "\(step): \(run.output)")
                #expect(OutputTree.snapshot(output) == scenario.old, "\(step): the previous output changed: \(OutputTree.snapshot(output).difference(scenario.old))")
                #expect(!FileManager.default.fileExists(atPath: archive.path), "\(step): an archive of a failed build")
            }
            #expect(FileManager.default.fileExists(atPath: PraktikaCLI.executable.path))
            let next = try await scenario.build(output)
            #expect(next.status == 0, "\(step): the next build: \(next.output)")
            #expect(OutputTree.snapshot(output) == scenario.new, "\(step): the next build's output: \(OutputTree.snapshot(output).difference(scenario.new))")
            #expect(OutputTree.leftovers(beside: output).isEmpty, "\(step): \(OutputTree.leftovers(beside: output))")
        }
    }

    @Test("kill -9 at any step leaves the old or the new complete tree, and the next build repairs the rest",
          .timeLimit(.minutes(3)))
    func crashAtEveryStep() async throws {
        let scenario = try await Scenario.make()
        defer { scenario.site.cleanUp() }
        let cases = FaultInjection.steps.map { ($0, false) } + [("between", true), ("switch", true), ("cleanup", true)]
        for (step, twoRenames) in cases {
            let label = "\(step)\(twoRenames ? " (two renames)" : "")"
            let output = try scenario.freshOutput("out-crash-\(step)\(twoRenames ? "-2" : "")")
            let archive = scenario.site.root.appendingPathComponent("crash-\(step).zip")
            let run = try await scenario.build(output, fault: "crash:\(step)", twoRenames: twoRenames, extra: ["--zip", archive.path])
            #expect(run.killed, "\(label): \(run.status) \(run.output)")
            let after = OutputTree.snapshot(output)
            if twoRenames && step == "between" {
                // Without an atomic exchange the folder is missing between the two renames, for
                // microseconds; a kill just then is repaired by the next run (checked below).
                #expect(!FileManager.default.fileExists(atPath: output.path), "\(label)")
            } else {
                #expect(after == scenario.old || after == scenario.new, "\(label): a mixed tree: \(after.difference(scenario.old))")
                #expect(after == (["between", "cleanup"].contains(step) ? scenario.new : scenario.old), "\(label)")
            }
            let next = try await scenario.build(output, twoRenames: twoRenames)
            #expect(next.status == 0, "\(label): the next build: \(next.output)")
            #expect(OutputTree.snapshot(output) == scenario.new, "\(label): the next build's output: \(OutputTree.snapshot(output).difference(scenario.new))")
            #expect(OutputTree.leftovers(beside: output).isEmpty, "\(label): \(OutputTree.leftovers(beside: output))")
        }
    }

    @Test("random kill -9 during builds of a large site: never a mixed tree, and the next build succeeds",
          .timeLimit(.minutes(5)))
    func randomKills() async throws {
        // Long runs: PRAKTIKA_KILL_TRIALS=50 PRAKTIKA_KILL_PRACTICES=4000 PRAKTIKA_KILL_SEED=…
        let environment = ProcessInfo.processInfo.environment
        let trials = Int(environment["PRAKTIKA_KILL_TRIALS"] ?? "") ?? 2
        let practices = Int(environment["PRAKTIKA_KILL_PRACTICES"] ?? "") ?? 1500
        var random = SeededRandom(state: UInt64(environment["PRAKTIKA_KILL_SEED"] ?? "") ?? 20261128)
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.addPractices(practices, variant: 0)
        let started = Date()
        let first = try await PraktikaCLI.run(["build", site.root.path, "--no-pdf", "--no-search"])
        #expect(first.status == 0, "\(first.output)")
        let buildSeconds = Date().timeIntervalSince(started)
        try site.write("public/.htaccess", "ErrorDocument 404 /404.html")
        for trial in 1...trials {
            let before = OutputTree.snapshot(site.output)
            // Every page changes, so the switch is as large as it gets.
            try site.addPractices(practices, variant: trial)
            let running = try PraktikaCLI.start(["build", site.root.path, "--no-pdf", "--no-search"])
            try await Task.sleep(for: .seconds(Double.random(in: 0.05...(buildSeconds * 1.1), using: &random)))
            kill(running.0.processIdentifier, SIGKILL)
            let run = await PraktikaCLI.finish(running)
            let after = OutputTree.snapshot(site.output)
            if after != before {
                let when = run.killed ? "during" : "after"
                let complete = Self.isComplete(site.output)
                #expect(complete, "trial \(trial): killed \(when) the build, the tree is neither the old nor a complete new one")
                let page = try site.page("practices/gen-0/index.html")
                #expect(page.contains("вариант \(trial)"), "trial \(trial)")
            }
            #expect(after[".htaccess"] != nil, "trial \(trial): the user's file is gone")
            let next = try await PraktikaCLI.run(["build", site.root.path, "--no-pdf", "--no-search"])
            #expect(next.status == 0, "trial \(trial): the next build: \(next.output)")
            #expect(Self.isComplete(site.output), "trial \(trial)")
            let last = try site.page("practices/gen-\(practices - 1)/index.html")
            #expect(last.contains("вариант \(trial)"), "trial \(trial)")
            #expect(OutputTree.leftovers(beside: site.output).isEmpty, "trial \(trial)")
        }
    }

    /// The tree is exactly what its marker says (every listed file with its
    /// listed bytes) plus the user's `.htaccess`: one build's complete output.
    static func isComplete(_ output: URL) -> Bool {
        let manifest = Manifest.read(in: output, requireFiles: false)
        guard !manifest.files.isEmpty else { return false }
        var snapshot: [String: String] = [:]
        for path in FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        where FileSystem.kind(output.path + "/" + path) == .file {
            snapshot[path] = ContentHash.of(FileManager.default.contents(atPath: output.path + "/" + path) ?? Data())
        }
        snapshot[OutputFolder.markerName] = nil
        snapshot[".htaccess"] = nil
        return snapshot == manifest.files
    }

    @Test("two builds of the same output at once: one waits for nothing and refuses clearly, the other completes",
          .timeLimit(.minutes(2)))
    func concurrentBuilds() async throws {
        let scenario = try await Scenario.make()
        defer { scenario.site.cleanUp() }
        let output = try scenario.freshOutput("out-concurrent")
        let first = try PraktikaCLI.start(["build", scenario.site.root.path, "--no-pdf", "--output", output.path],
                                          environment: ["PRAKTIKA_FAULT": "pause:switch"])
        let staging = output.deletingLastPathComponent().appendingPathComponent(".out-concurrent.praktika-staging")
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: staging.appendingPathComponent(OutputFolder.markerName).path) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let second = try await scenario.build(output)
        #expect(second.status == 1, "\(second.output)")
        #expect(second.output.contains("another praktika build"), "\(second.output)")
        #expect(OutputTree.snapshot(output) == scenario.old, "the refused build changed the output")
        let firstRun = await PraktikaCLI.finish(first)
        #expect(firstRun.status == 0, "\(firstRun.output)")
        #expect(OutputTree.snapshot(output) == scenario.new)
        let next = try await scenario.build(output)
        #expect(next.status == 0 && OutputTree.snapshot(output) == scenario.new, "\(next.output)")
    }

    @Test("leftovers an older praktika put inside the output are removed and never published")
    func legacyStagingInsideOutput() async throws {
        let scenario = try await Scenario.make()
        defer { scenario.site.cleanUp() }
        let output = try scenario.freshOutput("out-legacy")
        try scenario.site.write("out-legacy/.praktika-staging-4242/practices/secret/index.html", "a draft")
        try scenario.site.write("out-legacy/.praktika-pagefind-4242/pagefind.js", "x")
        let run = try await scenario.build(output)
        #expect(run.status == 0, "\(run.output)")
        #expect(OutputTree.snapshot(output) == scenario.new)
    }
}
