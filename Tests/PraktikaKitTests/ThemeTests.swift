import Foundation
import Testing
@testable import PraktikaKit

@Suite("Themes")
struct ThemeTests {
    @Test("a site theme overrides one template and falls back to the default for the rest")
    func overrideOneTemplate() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("themes/default/templates/practice-card.mustache", "<article class=\"custom-card\"><a href=\"{{href}}\">{{title}}</a></article>")
        try site.write("themes/default/i18n/ru.yaml", "menu_practices: Опыт школ\n")
        try site.build()
        let catalog = try site.page("practices/index.html")
        #expect(catalog.contains("<article class=\"custom-card\"><a href=\"mentoring/\">Наставнические пары</a></article>") == false)
        #expect(catalog.contains("<article class=\"custom-card\"><a href=\"../practices/mentoring/\">Наставнические пары</a></article>"))
        #expect(catalog.contains(">Опыт школ</a>"))
        #expect(catalog.contains(">Школы</a>"), "strings not overridden come from the default theme")
        #expect(try site.page("schools/leader-school/index.html").contains("custom-card"))
    }

    @Test("school links and seminar cards come from the theme's partials on every page, with each school's own roles")
    func sharedPartials() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("themes/default/templates/school-link.mustache", "<a class=\"custom-school\" href=\"{{href}}\">{{shortName}}</a>")
        try site.write("themes/default/templates/seminar-card.mustache", "<article class=\"custom-seminar\">{{title}}{{#roles}} [{{roles}}]{{/roles}}</article>")
        try site.build()
        let practice = try site.page("practices/mentoring/index.html")
        #expect(practice.contains("<a class=\"custom-school\" href=\"../../schools/leader-school/\">"))
        #expect(practice.contains("<a class=\"custom-school\" href=\"../../schools/supported-school/\">"))
        #expect(practice.contains("<article class=\"custom-seminar\">Межсетевой семинар</article>"))
        // The same seminar on two schools' pages, with what each school did there.
        #expect(try site.page("schools/leader-school/index.html").contains("<article class=\"custom-seminar\">Межсетевой семинар [площадка"))
        let supported = try site.page("schools/supported-school/index.html")
        #expect(supported.contains("<article class=\"custom-seminar\">Межсетевой семинар [выступление"))
        #expect(!supported.contains("Межсетевой семинар [площадка"))
        #expect(try site.page("seminars/index.html").contains("<article class=\"custom-seminar\">Будущий семинар</article>"))
        #expect(try site.page("networks/gym-network/index.html").contains("<a class=\"custom-school\" href=\"../../schools/leader-school/\">"))
    }

    @Test("a practice card template reading a name the card does not have is an error at its line and column")
    func unknownCardField() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("themes/default/templates/practice-card.mustache",
                       "<article>\n  <h3>{{title}}</h3>\n  {{#school}}{{shortName}} {{cityName}}{{/school}}\n  <p>{{sumary}}</p>\n</article>\n")
        let errors = site.errors().filter { $0.severity == .error }.map { $0.formatted(language: "en") }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("themes/default/templates/practice-card.mustache:3:28: error: the template reads `cityName`") })
        #expect(errors.contains { $0.hasPrefix("themes/default/templates/practice-card.mustache:4:6: error: the template reads `sumary`") && $0.contains("summary") })
    }

    @Test("every template of the default theme has a typed model and reads only names the model has")
    func defaultTypedTemplates() throws {
        let folder = Theme.builtinDirectory.appendingPathComponent("templates")
        let templates = try FileManager.default.contentsOfDirectory(atPath: folder.path).map { String($0.dropLast(".mustache".count)) }
        #expect(Set(templates) == Set(TemplateCheck.typedRoots.keys))
        for (name, model) in TemplateCheck.typedRoots {
            let text = try String(contentsOf: folder.appendingPathComponent("\(name).mustache"), encoding: .utf8)
            #expect(TemplateCheck.unknownNames(in: text, root: model) == [], "\(name)")
            // The check sees a name that is not there.
            #expect(TemplateCheck.unknownNames(in: text + "{{labl}}", root: model).map(\.name) == ["labl"], "\(name)")
        }
    }

    @Test("a page template reading a name its page does not have is an error, inside sections too")
    func unknownPageField() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("themes/default/templates/network.mustache",
                       "{{<layout}}{{$main}}\n<h1>{{name}}</h1>\n{{#members}}{{{html}}} {{memberPeriod}} {{perod}}{{/members}}\n{{#practices}}{{{cards}}}{{/practices}}\n{{/main}}{{/layout}}")
        let errors = site.errors().filter { $0.severity == .error }.map { $0.formatted(language: "en") }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("themes/default/templates/network.mustache:3:41: error: the template reads `perod`") && $0.contains("period") })
        #expect(errors.contains { $0.hasPrefix("themes/default/templates/network.mustache:4:15: error: the template reads `cards`") })
    }

    @Test("a template naming a partial that does not exist is an error, not an empty block")
    func missingPartial() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("themes/default/templates/home.mustache", "{{<layout}}{{$main}}\n{{>no-such-partial}}{{/main}}{{/layout}}")
        // The content is still linked and its Markdown checked, so its warnings come in the same run.
        let errors = site.errors().filter { $0.severity == .error }.map { $0.formatted(language: "en") }
        #expect(errors == ["themes/default/templates/home.mustache:2:1: error: template `no-such-partial` does not exist (templates/no-such-partial.mustache)"])
    }

    @Test("a theme named in site.yaml that does not exist is an error")
    func missingTheme() throws {
        let site = try FixtureSite()
        defer { site.cleanUp() }
        try site.write("content/site.yaml", "title: Банк\ntheme: fancy\n")
        let errors = site.errors().map { $0.formatted(language: "en") }
        #expect(errors.contains("content/site.yaml:1:1: error: theme `fancy` not found: there is no themes/fancy/ folder"))
    }
}
