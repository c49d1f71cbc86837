import Foundation
import Testing
@testable import PraktikaKit

@Suite("Small parts of the pipeline")
struct UnitTests {
    @Test("dates: full days, months, and impossible dates", arguments: [
        ("2021-09-01", "2021-09-01"), ("2021-09", "2021-09"), ("2024-02-29", "2024-02-29"),
    ])
    func validDates(input: String, expected: String) {
        #expect(Day(input)?.description == expected)
    }

    @Test("impossible dates are rejected", arguments: ["2023-02-29", "2021-13-01", "21-09-01", "2021-9-1", "вчера", "2021-09-31"])
    func invalidDates(input: String) {
        #expect(Day(input) == nil)
    }

    @Test("Markdown entity links are rewritten on cmark's AST with their positions")
    func markdownRewrite() {
        let output = Markdown.render("Текст\n\nСм. [школу](school:gym-1 \"Гимназия\") и [файл](file:a%20b.pdf).\n") { link in
            link.scheme == .entity(.school) ? "../../schools/\(link.target)/" : nil
        }
        #expect(output.html == "<p>Текст</p>\n<p>См. <a href=\"../../schools/gym-1/\" title=\"Гимназия\">школу</a> и <a href=\"\">файл</a>.</p>\n")
        #expect(output.unresolved.count == 1)
        #expect(output.unresolved.first?.target == "a b.pdf")
        #expect(output.unresolved.first?.line == 3)
        #expect(output.unresolved.first?.column == 40)
    }

    @Test("cmark's safe mode drops raw HTML and dangerous URLs")
    func markdownSafeMode() {
        let html = Markdown.render("<script>x</script>\n\n[a](javascript:alert(1)) <b onclick=\"x\">b</b>") { _ in nil }.html
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onclick"))
    }

    @Test("relative links from pages at different depths")
    func pageLinks() {
        #expect(PageLinks(pagePath: "", offline: false).to("practices/") == "practices/")
        #expect(PageLinks(pagePath: "", offline: false).to("") == "./")
        #expect(PageLinks(pagePath: "practices/x/", offline: false).to("schools/y/") == "../../schools/y/")
        #expect(PageLinks(pagePath: "practices/x/", offline: false).to("") == "../../")
        #expect(PageLinks(pagePath: "practices/x/", offline: true).to("") == "../../index.html")
        #expect(PageLinks(pagePath: "practices/", offline: true).to("schools/y/") == "../schools/y/index.html")
    }

    @Test("suggestions find the closest ids")
    func suggestions() {
        #expect(Suggestions.closest(to: "gym1-syktyvkar", among: ["gymnasium-1-syktyvkar", "school-20", "gym1-syktyvkar-old"]).first == "gym1-syktyvkar-old")
        #expect(Suggestions.closest(to: "scool-20", among: ["school-20", "school-33"]).first == "school-20")
        #expect(Suggestions.closest(to: "zzz", among: ["school-20"]).isEmpty)
    }

    @Test("attachment paths cannot leave content/files", arguments: ["../x", "/etc/passwd", "a/../../b", "~/x", "a\\b"])
    func attachmentEscape(path: String) {
        #expect(AttachmentPath.normalize(path) == nil)
    }

    @Test("ids: lower-case Latin letters, digits and hyphens")
    func ids() {
        #expect(EntityID.isValid("gymnasium-1-syktyvkar"))
        #expect(!EntityID.isValid("Gymnasium"))
        #expect(!EntityID.isValid("гимназия"))
        #expect(!EntityID.isValid("a_b"))
        #expect(!EntityID.isValid("-a"))
    }
}
