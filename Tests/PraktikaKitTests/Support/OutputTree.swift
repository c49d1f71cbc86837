import Foundation
@testable import PraktikaKit

/// What a folder holds, without following links: relative path → content
/// hash of a file, `link → target` of a symlink, `folder` of an empty folder.
/// Two snapshots are equal exactly when the trees hold the same bytes.
enum OutputTree {
    /// Pagefind's index files are not byte-identical from run to run, so the
    /// snapshot leaves them out and hashes the marker without their lines.
    static func snapshot(_ folder: URL) -> Snapshot {
        var result: [String: String] = [:]
        walk(folder.path, "", into: &result)
        var hasSearch = false
        for key in result.keys where key.hasPrefix("pagefind/") { result[key] = nil; hasSearch = true }
        if hasSearch, let marker = FileManager.default.contents(atPath: folder.path + "/" + OutputFolder.markerName) {
            let lines = String(decoding: marker, as: UTF8.self).split(separator: "\n").filter { !$0.contains(" pagefind/") }
            result[OutputFolder.markerName] = ContentHash.of(Data(lines.joined(separator: "\n").utf8)) + " (search index: yes)"
        }
        return Snapshot(files: result)
    }

    struct Snapshot: Equatable, CustomStringConvertible {
        var files: [String: String]
        subscript(_ path: String) -> String? { files[path] }
        var description: String { "\(files.count) entries" }

        /// The paths that differ, for a readable failure message.
        func difference(_ other: Snapshot) -> String {
            let paths = Set(files.keys).union(other.files.keys).filter { files[$0] != other.files[$0] }.sorted()
            return paths.isEmpty ? "none" : paths.prefix(12).joined(separator: ", ")
        }
    }

    private static func walk(_ root: String, _ relative: String, into result: inout [String: String]) {
        let path = relative.isEmpty ? root : root + "/" + relative
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if names.isEmpty && !relative.isEmpty { result[relative] = "folder" }
        for name in names {
            let child = relative.isEmpty ? name : relative + "/" + name
            switch FileSystem.kind(root + "/" + child) {
            case .folder: walk(root, child, into: &result)
            case .symlink: result[child] = "link → " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + child)) ?? "?")
            case .file: result[child] = ContentHash.of(FileManager.default.contents(atPath: root + "/" + child) ?? Data())
            default: result[child] = "other"
            }
        }
    }

    /// Entries beside `output` that praktika made for itself, other than the lock file.
    static func leftovers(beside output: URL) -> [String] {
        let parent = output.deletingLastPathComponent().path, name = output.lastPathComponent
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
            .filter { $0.hasPrefix("." + name + ".praktika-") && $0 != "." + name + ".praktika-lock" }
    }
}

/// The praktika command line, built beside the tests by `swift build --build-tests`.
enum PraktikaCLI {
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("praktika")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent(".build/debug/praktika")
    }

    struct Run {
        var status: Int32
        var output: String
        var killed: Bool { status == SIGKILL }
    }

    /// Starts `praktika ARGUMENTS` with extra environment variables.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        return (process, pipe)
    }

    /// Waits on a thread of its own: a test blocked here must not hold one of
    /// Swift's few cooperative threads, or async tests running beside it (serve) starve.
    static func finish(_ started: (Process, Pipe)) async -> Run {
        let process = UncheckedBox(started)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let output = process.value.1.fileHandleForReading.readDataToEndOfFile()
                process.value.0.waitUntilExit()
                continuation.resume(returning: Run(status: process.value.0.terminationStatus, output: String(decoding: output, as: UTF8.self)))
            }
        }
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Run {
        await finish(try start(arguments, environment: environment))
    }
}

struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension FixtureSite {
    /// Adds `count` generated practices (for builds that take long enough to be interrupted).
    func addPractices(_ count: Int, variant: Int = 0) throws {
        for index in 0..<count {
            try write("content/practices/gen-\(index).md", """
                ---
                title: Практика \(index) вариант \(variant)
                summary: Созданная для проверки практика номер \(index).
                schools: [\(["leader-school", "supported-school", "other-school"][index % 3])]
                topics: [\(index % 2 == 0 ? "mentoring" : "gia")]
                status: recommended
                date: 2021-05-20
                ---
                ## Проблема

                Текст практики \(index), вариант \(variant). \(String(repeating: "Описание работы школы. ", count: 20))
                """)
        }
    }
}
