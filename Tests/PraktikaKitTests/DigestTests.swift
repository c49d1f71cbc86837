import Foundation
import Testing
@testable import PraktikaKit

/// The printed digest of the sample site, checked the way a reader would:
/// through poppler-utils on the PDF WeasyPrint made.
@Suite("The printed digest", .serialized)
struct DigestTests {
    static let repository = SampleSiteTests.repository
    static let artifacts = repository.appendingPathComponent(".artifacts/digest", isDirectory: true)

    /// Runs a command-line tool and returns what it printed.
    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DigestPrinter.Failure(description: "\(name) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Without white space: titles wrap across lines in the PDF's text.
    static func collapse(_ text: String) -> String {
        // The print joins compound words with a no-break hyphen (U+2011).
        text.split(whereSeparator: \.isWhitespace).joined().replacingOccurrences(of: "\u{2011}", with: "-")
    }

    static let digest: (DigestCommandRunner.Result, [String]) = {
        try? FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let pdf = artifacts.appendingPathComponent("regional-final-2023.pdf")
        let result = try! DigestCommandRunner.run(id: "regional-final-2023", site: repository, pdf: pdf,
                                                 printer: DigestPrinter.find())
        let (content, _) = ContentLoader(root: repository).load()
        let (graph, _) = Linker.link(content!)
        let titles = DigestSelector.practices(of: graph.digests["regional-final-2023"]!.fields, in: graph)
            .map { graph.practices[$0]!.title }
        return (result, titles)
    }()

    @Test("WeasyPrint makes a PDF of a plausible length")
    func pageCount() throws {
        let (result, titles) = Self.digest
        #expect(result.pdfSize != nil, "WeasyPrint must be installed: scripts/test.sh installs it")
        let info = try Self.tool("pdfinfo", [result.pdf.path])
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }!.split(separator: " ").last!)!
        #expect(pages == result.pages)
        // Cover, foreword, contents, at least one page per practice, the index of schools.
        #expect(pages >= 4 + titles.count)
        #expect(pages <= 4 + titles.count * 8)
    }

    @Test("every page number in the contents is the page where that practice begins")
    func contentsPageNumbers() throws {
        let (result, titles) = Self.digest
        let pages = try Self.tool("pdftotext", ["-layout", result.pdf.path, "-"]).components(separatedBy: "\u{0C}")
        let tocIndex = try #require(pages.firstIndex { $0.contains("Содержание") && $0.contains("....") })
        let numbers = pages[tocIndex].split(separator: "\n").compactMap { line -> Int? in
            guard let match = line.firstMatch(of: /\.{3,}\s*(\d+)\s*$/) else { return nil }
            return Int(match.1)
        }
        // Foreword, the practices, the programs' indicators when there are some, the index of schools.
        let indicators = pages[tocIndex].contains("Показатели программ") ? 1 : 0
        #expect(numbers.count == titles.count + 2 + indicators)
        for (index, title) in titles.enumerated() {
            let expected = numbers[index + 1]
            let key = Self.collapse(title)
            let first = pages.firstIndex { Self.collapse($0).contains(key) && !$0.contains("Содержание") }
            #expect(first.map { $0 + 1 } == expected, "«\(title)»: contents say \(expected), found on \(first.map { $0 + 1 } ?? 0)")
        }
    }

    @Test("all fonts are embedded, and they are the PT fonts")
    func fontsEmbedded() throws {
        let (result, _) = Self.digest
        let rows = try Self.tool("pdffonts", [result.pdf.path]).split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.contains("yes"), "not embedded: \(row)")
        }
        #expect(rows.contains { $0.contains("PT-Serif") })
        #expect(rows.contains { $0.contains("PT-Sans") })
    }

    @Test("the QR code of a practice decodes to its online page")
    func qrCodeDecodes() throws {
        let (result, titles) = Self.digest
        let pages = try Self.tool("pdftotext", [result.pdf.path, "-"]).components(separatedBy: "\u{0C}")
        let page = try #require(pages.firstIndex { Self.collapse($0).contains(Self.collapse(titles[0])) && !$0.contains("Содержание") }) + 1
        let prefix = Self.artifacts.appendingPathComponent("practice-page").path
        _ = try Self.tool("pdftoppm", ["-r", "150", "-png", "-singlefile", "-f", "\(page)", "-l", "\(page)", result.pdf.path, prefix])
        _ = try Self.tool("pdftoppm", ["-r", "60", "-png", "-singlefile", "-f", "1", "-l", "1", result.pdf.path,
                                       Self.artifacts.appendingPathComponent("cover").path])
        // The page also has a QR code per material (DigestPrintTests); one of them is the practice's own.
        let decoded = try Self.tool("zbarimg", ["--quiet", "--raw", prefix + ".png"]).split(separator: "\n")
        let practice = decoded.filter { $0.hasPrefix("https://uo.example.ru/praktiki/practices/") }
        #expect(practice.count == 1, "\(decoded)")
        #expect(practice.first?.hasSuffix("/") == true)
    }

    @Test("the site build links each digest's PDF from its seminar and the digests page")
    func buildLinksPDF() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("praktika-digest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try SiteBuilder.build(BuildOptions(site: Self.repository, output: output))
        let pdf = output.appendingPathComponent("digests/regional-final-2023/regional-final-2023.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        let seminar = try String(contentsOf: output.appendingPathComponent("seminars/regional-final-seminar-2023/index.html"), encoding: .utf8)
        #expect(seminar.contains(#"href="../../digests/regional-final-2023/regional-final-2023.pdf""#))
        let index = try String(contentsOf: output.appendingPathComponent("digests/index.html"), encoding: .utf8)
        #expect(index.contains(#"href="../digests/regional-final-2023/regional-final-2023.pdf""#))
        #expect(index.contains("(PDF, "))
    }
}
