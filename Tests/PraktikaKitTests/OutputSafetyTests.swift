import Foundation
import Testing
@testable import PraktikaKit

@Suite("The output folder is never lost or taken over")
struct OutputSafetyTests {
    @Test("a failed build leaves the previous output byte-identical")
    func failedBuildKeepsPreviousOutput() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let before = try snapshot(site.output)
        try site.write("content/practices/gia-holidays.md", "---\ntitle: [broken\n---\n")
        #expect(!site.errors().isEmpty)
        #expect(try snapshot(site.output) == before)
    }

    @Test("an output folder praktika did not write is refused, and left as it was")
    func foreignFolderRefused() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let foreign = site.root.appendingPathComponent("my-documents", isDirectory: true)
        try site.write("my-documents/thesis.docx", "important")
        #expect(throws: OutputFolder.Problem.self) {
            try SiteBuilder.build(site.options(output: foreign))
        }
        #expect(try snapshot(foreign) == ["thesis.docx": Data("important".utf8)])
    }

    @Test("a rebuild replaces praktika's files, removes its stale ones and keeps files it did not write")
    func rebuildKeepsForeignFiles() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        try site.write("public/.htaccess", "ErrorDocument 404 /praktiki/404.html")
        try site.remove("content/practices/gia-holidays.md")
        try site.build()
        #expect(!site.exists("practices/gia-holidays/index.html"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("practices/gia-holidays").path))
        #expect(try site.page(".htaccess") == "ErrorDocument 404 /praktiki/404.html")
        #expect(site.exists("practices/mentoring/index.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.output.path).filter { $0.hasPrefix(".praktika-staging") }
        #expect(leftovers.isEmpty)
    }

    @Test("check writes nothing")
    func checkWritesNothing() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let report = try SiteBuilder.check(site.options())
        #expect(report.pageCount > 10)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try Data(contentsOf: url)
            }
        }
        return files
    }
}

@Suite("Rebuilds write only what changed")
struct IncrementalOutputTests {
    private func modificationTimes(_ folder: URL) throws -> [String: Date] {
        var times: [String: Date] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])!
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
            if values.isRegularFile == true {
                times[String(url.path.dropFirst(folder.path.count + 1))] = values.contentModificationDate
            }
        }
        return times
    }

    @Test("a second build with nothing changed renders and writes nothing")
    func nothingChanged() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let first = try site.build()
        #expect(!first.upToDate && first.filesChanged == first.filesTotal)
        let before = try modificationTimes(site.output)
        Thread.sleep(forTimeInterval: 0.02)
        let second = try site.build()
        #expect(second.upToDate)
        #expect(second.pageCount == 0)
        #expect(try modificationTimes(site.output) == before)
    }

    @Test("a plain build after --no-search builds the search index instead of calling the output up to date")
    func searchAfterNoSearch() throws {
        // scripts/test.sh installs Pagefind; without it this test has nothing to prove.
        try #require(SearchIndexer.find() != nil, "Pagefind (pip install pagefind-bin) is needed for this test")
        let site = try FixtureSite()
        defer { site.cleanUp() }
        var withoutSearch = site.options()
        withoutSearch.makeSearchIndex = false
        try SiteBuilder.build(withoutSearch)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("pagefind").path))
        let plain = try site.build()
        #expect(!plain.upToDate)
        #expect(plain.searchFiles > 0)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("pagefind/pagefind.js").path))
        #expect(try site.build().upToDate)
    }

    @Test("after an edit only the files whose bytes changed are replaced; the others keep their time")
    func oneEdit() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.build()
        let before = try modificationTimes(site.output)
        Thread.sleep(forTimeInterval: 0.02)
        try site.write("content/practices/gia-holidays.md", FixtureSite.files["content/practices/gia-holidays.md"]!
            .replacingOccurrences(of: "Практика [СОШ № 33]", with: "Новый текст практики [СОШ № 33]"))
        let report = try site.build()
        #expect(!report.upToDate)
        // The page, and the search's word lists of the letters whose words it changed.
        #expect(report.filesChanged > 1)
        #expect(try site.page("practices/gia-holidays/index.html").contains("Новый текст практики"))
        let after = try modificationTimes(site.output)
        // The search index of the edited page changes too (when Pagefind is installed).
        let changed = Set(after.keys.filter { after[$0] != before[$0] && !$0.hasPrefix("pagefind/") })
        let words = changed.filter { $0.hasPrefix("search/words/") }
        // And the record of the practices' files, which the next build compares (`BodyEdits`).
        #expect(words.contains("search/words/43d.js") && report.filesChanged == words.count + 2) // «новый»
        #expect(changed.subtracting(words) == ["practices/gia-holidays/index.html", BodyEdits.stateFile, OutputFolder.markerName])
        let unchangedSearchFiles = after.keys.filter { $0.hasPrefix("pagefind/") && after[$0] == before[$0] }
        #expect(after.keys.contains { $0.hasPrefix("pagefind/") } == !unchangedSearchFiles.isEmpty)
    }
}
