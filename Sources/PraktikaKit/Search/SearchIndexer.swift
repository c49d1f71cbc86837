import Foundation

/// Full-text search with Pagefind (PyPI `pagefind-bin`): run over the written
/// staged site before the switch, its index goes to `pagefind/` and is recorded like praktika's own files.
/// Only pages marked `data-pagefind-body` (practices, schools, networks,
/// programs, seminars) are indexed; drafts are never written, so never indexed.
struct SearchIndexer: Sendable {
    public let executable: URL

    public static func find() -> SearchIndexer? {
        if let url = Executable.find(["pagefind", "pagefind_extended"], override: "PRAKTIKA_PAGEFIND") {
            return SearchIndexer(executable: url)
        }
        if ProcessInfo.processInfo.environment["PRAKTIKA_PAGEFIND"] != nil { return nil }
        // `pip install pagefind-bin` puts the binary inside the Python package, not on PATH.
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))"]
        let output = Pipe()
        python.standardOutput = output
        python.standardError = FileHandle.nullDevice
        guard (try? python.run()) != nil else { return nil }
        let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        python.waitUntilExit()
        guard python.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return SearchIndexer(executable: URL(fileURLWithPath: path))
    }

    /// The scratch folder for the lean page copies (`SearchRecords`), inside
    /// the staged tree; removed before the switch.
    static func recordsFolder(in staged: URL) -> URL {
        staged.appendingPathComponent(".praktika-pagefind-records", isDirectory: true)
    }

    /// Indexes the staged tree `site` (or its lean copies in `records`, which
    /// have the same paths) into its `pagefind/` folder, before the switch: a
    /// failing index fails the build with the previous output intact.
    func index(site: URL, records: URL? = nil) throws {
        let output = site.appendingPathComponent("pagefind", isDirectory: true)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--site", (records ?? site).path, "--output-path", output.path, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DigestPrinter.Failure(description: "Pagefind failed (\(process.terminationStatus)): \(String(decoding: message, as: UTF8.self))")
        }
    }
}
