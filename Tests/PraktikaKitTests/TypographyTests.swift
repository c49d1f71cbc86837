import Foundation
import Testing
@testable import PraktikaKit

/// The Russian typographic pass, rule by rule, on text and on HTML.
@Suite("Russian typography")
struct TypographyTests {
    static let nbsp = "\u{00A0}"
    static func text(_ value: String) -> String { RussianTypography.text(value) }

    @Test("no-break spaces after abbreviations, «№» and initials, and before a dash")
    func noBreakSpaces() {
        #expect(Self.text("ул. Школьная, д. 1, пос. Седкыркещ, с. Ыб") == "ул.\(Self.nbsp)Школьная, д.\(Self.nbsp)1, пос.\(Self.nbsp)Седкыркещ, с.\(Self.nbsp)Ыб")
        #expect(Self.text("СОШ им. А. Ларионова") == "СОШ им.\(Self.nbsp)А.\(Self.nbsp)Ларионова")
        #expect(Self.text("О. В. Котлярова") == "О.\(Self.nbsp)В.\(Self.nbsp)Котлярова")
        #expect(Self.text("Котлярова О. В.") == "Котлярова\(Self.nbsp)О.\(Self.nbsp)В.")
        #expect(Self.text("№5") == "№\(Self.nbsp)5")
        #expect(Self.text("в 2023 г. и 15 чел.") == "в 2023\(Self.nbsp)г.\(Self.nbsp)и 15\(Self.nbsp)чел.")
        #expect(Self.text("СОШ № 1 г. Емвы").hasPrefix("СОШ №\(Self.nbsp)1 г.\(Self.nbsp)"), "a town after a number, not a year")
        // Not an abbreviation: a word that merely ends in «г».
        #expect(Self.text("итог. Дальше") == "итог. Дальше")
        #expect(Self.text("итог 2023 года") == "итог 2023 года")
    }

    @Test("a hyphen or en dash between spaces becomes an em dash bound to the word before it")
    func dashes() {
        #expect(Self.text("гимназия - школа") == "гимназия\(Self.nbsp)— школа")
        #expect(Self.text("гимназия – школа") == "гимназия\(Self.nbsp)— школа")
        #expect(Self.text("гимназия — школа") == "гимназия\(Self.nbsp)— школа")
        #expect(Self.text("онлайн-встреча, 14–15 декабря") == "онлайн-встреча, 14–15 декабря")
    }

    @Test("quotes are «» outside and „“ inside")
    func quotes() {
        #expect(Self.text("проект \"Эффективная школа\"") == "проект «Эффективная школа»")
        #expect(Self.text("МБОУ \"СОШ \"Гимназия\" г. Емвы\"") == "МБОУ «СОШ „Гимназия“ г.\(Self.nbsp)Емвы»")
        #expect(Self.text("«Школа «Успех»»") == "«Школа „Успех“»")
        #expect(Self.text("(\"тест\")") == "(«тест»)")
    }

    @Test("percent after a no-break space; addresses and e-mails untouched")
    func percentAndAddresses() {
        #expect(Self.text("выросла на 74%") == "выросла на 74\(Self.nbsp)%")
        #expect(Self.text("см. https://uo.example.ru/a-b?x=\"1\" и mail@example.ru") == "см.\(Self.nbsp)https://uo.example.ru/a-b?x=\"1\" и mail@example.ru")
        #expect(Self.text("файл plan-2023.pdf") == "файл plan-2023.pdf")
    }

    @Test("numbers in results: decimal comma, grouped thousands, dates left alone")
    func numbers() {
        #expect(RussianTypography.numbers("11.2") == "11,2")
        #expect(RussianTypography.numbers("11.2 / 15.8") == "11,2 / 15,8")
        #expect(RussianTypography.numbers("12500") == "12\u{202F}500")
        #expect(RussianTypography.numbers("1234567.5") == "1\u{202F}234\u{202F}567,5")
        #expect(RussianTypography.numbers("2023") == "2023")
        #expect(RussianTypography.numbers("74%") == "74\(Self.nbsp)%")
        #expect(RussianTypography.numbers("14.12.2023") == "14.12.2023")
        #expect(RussianTypography.numbers("2023/2024") == "2023/2024")
        #expect(RussianTypography.numbers("не фиксировалось") == "не фиксировалось")
    }

    @Test("HTML: text nodes only; tags, attributes, code and pre keep their bytes")
    func html() {
        let input = #"<p><a href="https://x.ru/a - b" title="&quot;x&quot;">СОШ № 1</a> - &quot;проект&quot;</p><pre>a - "b"</pre><code>г. x</code><p>г. Емва</p>"#
        let output = RussianTypography.html(input)
        #expect(output == #"<p><a href="https://x.ru/a - b" title="&quot;x&quot;">СОШ №"# + Self.nbsp + "1</a>" + Self.nbsp
            + #"— «проект»</p><pre>a - "b"</pre><code>г. x</code><p>г."# + Self.nbsp + "Емва</p>")
        // An unclosed quote in one paragraph does not turn the next paragraph's quotes inside out.
        #expect(RussianTypography.html("<p>\"a</p><p>\"b\"</p>") == "<p>«a</p><p>«b»</p>")
        // Print only: compound words keep their hyphen on one line.
        #expect(RussianTypography.html("<p>онлайн-встреча</p>", joinsCompounds: true) == "<p>онлайн\u{2011}встреча</p>")
        #expect(RussianTypography.html("<p>онлайн-встреча</p>") == "<p>онлайн-встреча</p>")
    }

    @Test("running heads are cut at a word with an ellipsis and fit their limit")
    func runningHeads() {
        let title = "Наставнические пары «гимназия — школа»: индивидуальные программы самообразования учителей"
        let head = PageContext.runningHead(title, limit: 62)
        #expect(head.count <= 63)
        #expect(head.hasSuffix("…"))
        #expect(title.hasPrefix(head.dropLast()))
        #expect(PageContext.runningHead("Короткое название", limit: 62) == "Короткое название")
        #expect(PageContext.runningHead("Проект «Очень длинное название проекта для школ»", limit: 30).hasSuffix("…»"))
    }

    @Test("a printed address breaks after a slash or before its own hyphen, never after it")
    func breakableAddress() {
        let html = PageContext.breakableURL("https://uo.example.ru/praktiki/practices/methodological-landing/")
        #expect(html == ["uo.example.ru/", "praktiki/", "practices/", "methodological", "-landing/"]
            .map { "<span class=\"url-part\">\($0)</span>" }.joined())
    }
}
