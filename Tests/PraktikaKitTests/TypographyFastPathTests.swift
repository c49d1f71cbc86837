import Foundation
import Testing
@testable import PraktikaKit

/// The byte-level typographic pass must write exactly what the scalar-by-scalar
/// reference (TypographyReference.swift, the pass as it was) writes.
@Suite("Typography fast path agrees with the reference")
struct TypographyFastPathTests {
    /// Pieces that start or end rules, and plain runs between them.
    static let textPieces = [
        "Школа", "школа", "гимназия", "Ларионова", "А.", "О. В.", "В", "г.", "г", "гг.", "ул.", "им.", "пос.", "д.", "с.",
        "итог.", "чел.", "чел", "руб.", "тыс.", "млн", "млрд", "мин", "км", "шт", "раз", "ед", "ч", "стр.", "2023", "14", "1",
        "12500", "11,2", "74", "%", " %", "№", "№ ", "№5", " ", "  ", " ", " ", "\n", "\t", "\r", "-", " - ", " – ", " — ",
        "–", "—", "\"", "«", "»", "„", "“", "”", "&quot;", "&amp;", "&", "(", ")", ".", "..", ",", ";", ":", "/", "@",
        "https://uo.example.ru/a", "http://x.ru", "www.site.ru", "mailto:a@b.ru", "info@school.ru", "file.pdf", "a/b",
        "abc", "ABC", "Abc", "онлайн-встреча", "ё", "Ё", "Ёлка", "é", "😀", "и\u{0306}", "ЕГЭ", "ВСОКО", "x.", "<", ">",
    ]
    static let tagPieces = [
        "<p>", "</p>", "<li>", "</li>", "<br>", "<br/>", "<em>", "</em>", "<a href=\"https://x.ru/a>b\">", "</a>",
        "<code>", "</code>", "<CODE>", "</Code>", "<pre>", "</pre>", "<svg/>", "<svg>", "</svg>", "<!-- г. 2023 -->",
        "<!--", "-->", "<td>", "</td>", "<h2 id='a\"b'>", "</h2>", "<div>", "</div>", "<script>", "</script>", "<",
        "<img alt=\"Школа «1»\">", "<table>", "</table>", "<span title='г. Емва'>", "</span>",
    ]

    static func randomText(_ random: inout SeededRandom, pieces: [String], count: Int) -> String {
        (0..<Int.random(in: 0..<count, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
    }

    @Test("plain text: random strings of rule pieces")
    func randomPlainText() {
        var random = SeededRandom(state: 1717)
        for _ in 0..<8000 {
            let text = Self.randomText(&random, pieces: Self.textPieces, count: 30)
            #expect(RussianTypography.text(text) == TypographyReference.text(text), "text \(text.debugDescription)")
        }
    }

    @Test("HTML: random text and tags, for the web and for print")
    func randomHTML() {
        var random = SeededRandom(state: 2026)
        let pieces = Self.textPieces + Self.textPieces + Self.tagPieces
        for round in 0..<8000 {
            let html = Self.randomText(&random, pieces: pieces, count: 40)
            let joins = round % 2 == 1
            #expect(RussianTypography.html(html, joinsCompounds: joins) == TypographyReference.html(html, joinsCompounds: joins),
                    "html \(html.debugDescription), joinsCompounds \(joins)")
        }
    }

    @Test("random scalars, not only the rules' own pieces")
    func randomScalars() {
        var random = SeededRandom(state: 99)
        let alphabet = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЁЖЗabcxyzXYZ0123456789 .,;:!?-–—\"«»„“”№%&()<>/@'\u{00A0}\u{202F}\n\té😀".unicodeScalars)
        for round in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<60, using: &random) { scalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)]) }
            let text = String(scalars)
            #expect(RussianTypography.text(text) == TypographyReference.text(text), "text \(text.debugDescription)")
            let joins = round % 3 == 0
            #expect(RussianTypography.html(text, joinsCompounds: joins) == TypographyReference.html(text, joinsCompounds: joins),
                    "html \(text.debugDescription)")
        }
    }

    @Test("the sample site's practices, as text and as paragraphs")
    func sampleContent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("content/practices")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(RussianTypography.text(text) == TypographyReference.text(text), "\(name)")
            let html = "<p>" + text.replacingOccurrences(of: "\n\n", with: "</p>\n<p>") + "</p>"
            for joins in [false, true] {
                #expect(RussianTypography.html(html, joinsCompounds: joins) == TypographyReference.html(html, joinsCompounds: joins), "\(name)")
            }
        }
    }
}
