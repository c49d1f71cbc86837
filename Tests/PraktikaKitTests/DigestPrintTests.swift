import Foundation
import Testing
@testable import PraktikaKit

/// The printed digest looked at as a print designer would, through the word
/// positions poppler reads from the PDF (`pdftotext -bbox-layout`).
@Suite("The printed digest's typography and layout", .serialized)
struct DigestPrintTests {
    static let repository = SampleSiteTests.repository
    static let artifacts = repository.appendingPathComponent(".artifacts/digest-print", isDirectory: true)

    struct Printed {
        var result: DigestCommandRunner.Result
        var layout: PDFLayout
        var titles: [String]
    }

    static func printDigest(_ id: String, site: URL = repository) throws -> Printed {
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let pdf = artifacts.appendingPathComponent("\(id).pdf")
        let result = try DigestCommandRunner.run(id: id, site: site, pdf: pdf, printer: DigestPrinter.find())
        let (content, _) = ContentLoader(root: site).load()
        let (graph, _) = Linker.link(content!)
        let titles = DigestSelector.practices(of: graph.digests[id]!.fields, in: graph).map { graph.practices[$0]!.title }
        return Printed(result: result, layout: try PDFLayout(pdf: pdf), titles: titles)
    }

    static let regional = Result(catching: { try printDigest("regional-final-2023") })
    static let mentoring = Result(catching: { try printDigest("mentoring-and-teacher-competence") })

    /// Text as compared with the PDF's: no spaces, and the print's no-break hyphen read as a hyphen.
    static func key(_ text: String) -> String {
        DigestTests.collapse(text).replacingOccurrences(of: "\u{2011}", with: "-")
    }

    /// The page where a practice begins: its title at the top of the text area.
    static func firstPage(of title: String, in layout: PDFLayout) -> Int? {
        layout.pages.first { page in
            guard let top = page.bodyLines.min(by: { $0.yMin < $1.yMin }), top.text.count > 5 else { return false }
            return key(title).hasPrefix(key(top.text))
        }?.number
    }

    @Test("every contents entry ends with its page number on the right margin, after a leader, also when it wraps")
    func contentsAligned() throws {
        for printed in [try Self.regional.get(), try Self.mentoring.get()] {
            let tocPage = printed.layout.pages.first { $0.bodyLines.first?.text == "Содержание" }
            try #require(tocPage != nil)
            let toc = tocPage!
            let entries = toc.bodyLines.filter { $0.text.firstMatch(of: /\.( ?\.){2,} ?\d+$/) != nil }
            // The programs' indicators have an entry when the digest's programs give measured ones.
            let indicators = toc.bodyLines.contains { $0.text.hasPrefix("Показатели программ") } ? 1 : 0
            try #require(entries.count == printed.titles.count + 2 + indicators, "foreword, each practice, (indicators,) the school index")
            let rights = entries.map(\.xMax)
            #expect(rights.max()! - rights.min()! < 0.5, "page numbers not aligned: \(rights)")
            // Each entry's other lines (a wrapped title) carry no number of their own.
            let numberless = toc.bodyLines.dropFirst().filter { line in !entries.contains { $0.yMin == line.yMin } }
            #expect(numberless.allSatisfy { Int($0.last) == nil })
            for (index, title) in printed.titles.enumerated() {
                #expect(Self.firstPage(of: title, in: printed.layout) == Int(entries[index + 1].last), "«\(title)»")
            }
        }
    }

    @Test("running heads stand on one line, shortened with an ellipsis where a title is too long")
    func runningHeads() throws {
        let printed = try Self.regional.get()
        var shortened = 0
        for page in printed.layout.pages.dropFirst() {
            let heads = page.headLines
            #expect(!heads.isEmpty, "page \(page.number) has no running head")
            let baselines = Set(heads.map { Int($0.yMax.rounded()) })
            #expect(baselines.count == 1, "page \(page.number): running heads on \(baselines.count) lines")
            let words = heads.flatMap(\.words).sorted { $0.xMin < $1.xMin }
            for (left, right) in zip(words, words.dropFirst()) {
                #expect(left.xMax <= right.xMin, "page \(page.number): running heads overlap")
            }
            #expect(!heads.contains { $0.last.hasSuffix("-") || $0.last.hasSuffix("\u{2010}") })
            shortened += heads.filter { $0.last.hasSuffix("…") }.count
        }
        #expect(shortened > 0, "the sample's long titles are shortened")
    }

    @Test("no line at the foot of a page ends with a hyphen")
    func noHyphenAtPageFoot() throws {
        for printed in [try Self.regional.get(), try Self.mentoring.get()] {
            for page in printed.layout.pages {
                guard let foot = page.footLine else { continue }
                let hyphens: [Character] = ["-", "\u{2010}", "\u{2011}", "\u{00AD}"]
                #expect(!hyphens.contains(foot.last.last ?? " "), "page \(page.number) ends with «\(foot.text)»")
            }
        }
    }

    @Test("no heading stands alone at the foot of a page")
    func noHeadingAtPageFoot() throws {
        for printed in [try Self.regional.get(), try Self.mentoring.get()] {
            let html = try String(contentsOf: printed.result.html, encoding: .utf8)
            let headings = Set(html.matches(of: /<h[2-6][^>]*>(.*?)<\/h[2-6]>/).map { match in
                Self.key(String(match.1).replacing(/<[^>]+>/, with: ""))
            })
            #expect(headings.count > 10)
            for page in printed.layout.pages {
                guard let foot = page.footLine else { continue }
                // The foot line may be a heading's last line: compare with the end of each heading.
                let line = Self.key(foot.text)
                #expect(!headings.contains { !line.isEmpty && $0.hasSuffix(line) }, "page \(page.number) ends with the heading «\(foot.text)»")
            }
        }
    }

    @Test("no line ends with «г.», «№», «ул.» or an initial, and no line starts with a dash")
    func noBadLineEnds() throws {
        for printed in [try Self.regional.get(), try Self.mentoring.get()] {
            for page in printed.layout.pages {
                for line in page.lines {
                    #expect(!["г.", "№", "ул.", "пос.", "пст.", "им.", "д."].contains(line.last), "page \(page.number): «\(line.text)»")
                    #expect(line.last.firstMatch(of: /^[А-ЯЁ]\.$/) == nil, "page \(page.number): an initial ends «\(line.text)»")
                    // A lone dash is an empty table cell; a dash before words has lost its no-break space.
                    #expect(line.words.count < 2 || line.words.first?.text != "—", "page \(page.number): a dash starts «\(line.text)»")
                }
            }
        }
    }

    @Test("results print numbers with a decimal comma, as the prose does")
    func decimalCommas() throws {
        let printed = try Self.mentoring.get()
        let text = printed.layout.pages.map(\.text).joined(separator: "\n")
        #expect(text.contains("11,2"))
        #expect(text.contains("15,8"))
        #expect(!text.contains("11.2"))
        #expect(!text.contains("15.8"))
    }

    @Test("the practices stand in the digest's order, each beginning a page")
    func practiceOrder() throws {
        for printed in [try Self.regional.get(), try Self.mentoring.get()] {
            let pages = printed.titles.map { Self.firstPage(of: $0, in: printed.layout) }
            #expect(!pages.contains(nil), "\(printed.titles) → \(pages)")
            let found = pages.compactMap { $0 }
            #expect(found == found.sorted() && Set(found).count == found.count, "pages \(found)")
        }
    }

    @Test("a practice's first page leads with its summary, author school, contact and results; addresses only in the school index")
    func practiceFirstPage() throws {
        let printed = try Self.regional.get()
        let found = Self.firstPage(of: printed.titles[0], in: printed.layout)
        try #require(found != nil)
        let page = found!
        let text = printed.layout.pages[page - 1].text.replacingOccurrences(of: "\u{2011}", with: "-")
        #expect(text.contains("Школа-автор:"))
        #expect(text.contains("Контактное лицо:"))
        #expect(text.contains("Результаты"))
        #expect(text.contains("Материалы"))
        #expect(!text.contains("169200"), "a postal address on a practice's page")
        let indexPage = printed.layout.pages.last { $0.bodyLines.first?.text == "Школы — участники сборника" }
        try #require(indexPage != nil)
        let index = indexPage!
        #expect(index.text.contains("169200"))
        // Schools in alphabetical order, each with the pages of its practices.
        let names = index.bodyLines.filter { $0.words.first.map { ["СОШ", "Гимназия"].contains($0.text) } ?? false && $0.words.count <= 5 }
        #expect(names.map(\.text) == names.map(\.text).sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        let refs = index.lines.filter { $0.text.hasPrefix("Практики в сборнике: с.") }
        #expect(refs.count >= 2)
        let starts = Set(printed.titles.compactMap { Self.firstPage(of: $0, in: printed.layout) })
        for line in refs {
            let numbers = line.words.dropFirst(3).compactMap { Int($0.text.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }
            #expect(!numbers.isEmpty && numbers.allSatisfy(starts.contains), "\(line.text) — practices begin on \(starts.sorted())")
        }
        _ = try DigestTests.tool("pdftoppm", ["-r", "60", "-png", "-singlefile", "-f", "\(page)", "-l", "\(page)",
                                              printed.result.pdf.path, Self.artifacts.appendingPathComponent("practice-first-page").path])
    }

    @Test("each material is listed with a QR code that leads to the online copy of its file")
    func materialsQRCodes() throws {
        let printed = try Self.regional.get()
        let found = Self.firstPage(of: printed.titles[0], in: printed.layout)
        try #require(found != nil)
        // The practice's materials may run onto its second page.
        var files: [(url: String, page: Int)] = []
        for page in [found!, found! + 1] where page <= printed.layout.pages.count {
            let prefix = Self.artifacts.appendingPathComponent("materials-\(page)").path
            _ = try DigestTests.tool("pdftoppm", ["-r", "150", "-png", "-singlefile", "-f", "\(page)", "-l", "\(page)", printed.result.pdf.path, prefix])
            let decoded = (try? DigestTests.tool("zbarimg", ["--quiet", "--raw", prefix + ".png"])) ?? ""
            files += decoded.split(separator: "\n").map(String.init).filter { $0.hasPrefix("https://uo.example.ru/praktiki/files/") }.map { ($0, page) }
        }
        #expect(files.count == 2, "\(files)")
        for file in files { #expect(printed.layout.pages[file.page - 1].text.contains(PageContext.shortURL(file.url)), "\(file.url)") }
    }

    @Test("the cover gives the title, subtitle, the seminar and its date once, the publisher once with its contacts and an unbroken site address")
    func cover() throws {
        let printed = try Self.regional.get()
        let cover = printed.layout.pages[0]
        #expect(cover.text.components(separatedBy: "2023").count - 1 == 1, "the year once:\n\(cover.text)")
        #expect(cover.text.contains("К семинару"))
        // The publisher once, at the head; its contacts at the foot.
        #expect(cover.text.lowercased().components(separatedBy: "управление образования").count - 1 == 1)
        #expect(cover.text.contains("uo@example.ru"))
        #expect(cover.lines.contains { $0.words.contains { $0.text == "uo.example.ru" } })
        #expect(!cover.text.contains("https://"))
        _ = try DigestTests.tool("pdftoppm", ["-r", "60", "-png", "-singlefile", "-f", "1", "-l", "1",
                                              printed.result.pdf.path, Self.artifacts.appendingPathComponent("cover").path])
    }

    @Test("a long table repeats its header row on the next page and never splits a row")
    func longTable() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        let rows = (1...40).map { number in
            "  - {indicator: \"Показатель\(number) доля учащихся, выполнивших работу на отметку не ниже «3» по итогам четверти конец\(number)\", before: \(number).5, after: \(number * 1000 + 7), unit: \"%\", source: Мониторинг}"
        }
        try site.write("content/practices/gia-holidays.md", """
            ---
            title: Каникулы ГИА
            summary: Интенсивы для девятиклассников в каникулы.
            schools: [other-school]
            topics: [gia]
            risk_factors: [low-motivation]
            date: 2022-03-01
            results:
            \(rows.joined(separator: "\n"))
            ---
            Практика СОШ № 33.
            """)
        try site.write("content/digests/long.yaml", "title: Сборник\npractices: [gia-holidays]\norder: as-listed\n")
        let printed = try Self.printDigest("long", site: site.root)
        let pages = printed.layout.pages.filter { $0.text.contains("Показатель1") || $0.text.contains("конец") }
        #expect(pages.count >= 2, "the table spans pages")
        for page in pages {
            // Each header cell is a line of its own in poppler's reading.
            #expect(page.bodyLines.contains { $0.text == "Показатель" } && page.bodyLines.contains { $0.text == "До" },
                    "page \(page.number) lacks the header row")
        }
        for number in 1...40 {
            let first = pages.first { $0.lines.contains { $0.words.contains { $0.text == "Показатель\(number)" } } }
            let last = pages.first { $0.lines.contains { $0.words.contains { $0.text == "конец\(number)" } } }
            #expect(first != nil && first?.number == last?.number, "row \(number) split over pages")
        }
        let text = printed.layout.pages.map(\.text).joined(separator: "\n")
        #expect(text.contains("3,5"))
        #expect(text.contains("40\u{202F}007") || text.contains("40 007"))
        #expect(printed.layout.pages.allSatisfy { page in page.lines.allSatisfy { $0.xMax < page.width - 18 * PDFLayout.mm + 1 } },
                "a line beyond the right margin")
    }
}
