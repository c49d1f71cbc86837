import Foundation

/// What is the same on every page is put into the templates once, when they
/// are loaded, instead of being looked up for every page: the interface
/// strings (`{{t.key}}`) and the way to the site root (`{{root}}`,
/// `{{assets}}`). A page of the catalog has over a hundred such lookups.
enum TemplateConstants {
    static func inline(_ template: String, strings: [String: String]) -> String {
        var text = template
            .replacingOccurrences(of: "{{root}}", with: PageLinks.rootPlaceholder)
            .replacingOccurrences(of: "{{assets}}", with: PageLinks.rootPlaceholder + "assets/")
        let pattern = try! NSRegularExpression(pattern: #"\{\{\s*t\.([A-Za-z0-9_]+)\s*\}\}"#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed()
        for match in matches {
            let key = (text as NSString).substring(with: match.range(at: 1))
            // An unknown key stays a lookup, which renders as nothing, as Mustache does.
            guard let value = strings[key], let range = Range(match.range, in: text) else { continue }
            text.replaceSubrange(range, with: FastHTMLContentType.escape(value))
        }
        return FastHTMLContentType.pragma + text
    }
}
