import Foundation

/// Something in an author's Markdown that the safe renderer drops or shows
/// literally; each is reported with what happens to it and what to write instead.
struct MarkdownProblem: Sendable, Hashable {
    /// 1-based line inside the Markdown text and 1-based column in characters.
    public var line: Int
    public var column: Int
    public var message: LocalizedText
}

/// The messages, one per kind of construct.
enum MarkdownAudit {
    /// Raw HTML (a block or an inline tag): named, with its Markdown replacement.
    static func rawHTML(_ literal: String, block: Bool) -> LocalizedText? {
        let tags = tagNames(in: literal)
        // Comments are an author's notes to themselves and meant to stay hidden.
        guard !tags.isEmpty else { return nil }
        let named = tags.map { "<\($0)>" }.joined(separator: ", ")
        var hintsRU: [String] = [], hintsEN: [String] = []
        for tag in tags {
            guard let hint = replacement[tag] else { continue }
            if !hintsRU.contains(hint.ru) { hintsRU.append(hint.ru); hintsEN.append(hint.en) }
        }
        if hintsRU.isEmpty {
            hintsRU = ["оформите это средствами Markdown (раздел «Как оформить текст» руководства)"]
            hintsEN = ["use Markdown (see the guide)"]
        }
        let whatRU = block ? "HTML-разметка \(named) не попадёт на страницу: ради безопасности сайта praktika удаляет HTML вместе с содержимым блока"
                           : "HTML-тег \(named) удалён: ради безопасности сайта praktika не пропускает HTML"
        let whatEN = block ? "raw HTML \(named) is dropped from the page together with the block: praktika never publishes HTML"
                           : "HTML tag \(named) is dropped: praktika never publishes HTML"
        return LocalizedText(en: whatEN + ". Instead: " + hintsEN.joined(separator: "; "),
                             ru: whatRU + ". Как написать иначе: " + hintsRU.joined(separator: "; "))
    }

    private static let replacement: [String: LocalizedText] = {
        let table = LocalizedText(
            en: "write a Markdown pipe table: `| Класс | Было | Стало |`, then `|---|---|---|`, then the rows",
            ru: "напишите таблицу Markdown: строка `| Класс | Было | Стало |`, под ней `|---|---|---|`, затем строки таблицы")
        let video = LocalizedText(
            en: "give a link to the video: `[Видеозапись занятия](https://…)`",
            ru: "дайте ссылку на видео: `[Видеозапись занятия](https://…)`")
        let bold = LocalizedText(en: "write bold as `**text**`", ru: "жирный шрифт пишите так: `**текст**`")
        let italic = LocalizedText(en: "write italics as `*text*`", ru: "курсив пишите так: `*текст*`")
        let breakLine = LocalizedText(
            en: "for a line break end the line with a backslash `\\`, or leave an empty line for a new paragraph",
            ru: "чтобы перенести строку, поставьте в её конце обратную косую черту `\\`, а для нового абзаца оставьте пустую строку")
        let paragraph = LocalizedText(en: "separate paragraphs with an empty line", ru: "абзацы разделяйте пустой строкой")
        let image = LocalizedText(
            en: "put the picture into content/files/ and write `![caption](file:path/picture.png)`",
            ru: "положите картинку в content/files/ и напишите `![подпись](file:путь/картинка.png)`")
        let link = LocalizedText(en: "write links as `[text](https://…)`", ru: "ссылку пишите так: `[текст](https://…)`")
        let list = LocalizedText(en: "start list items with `- ` or `1. `", ru: "пункты списка начинайте с `- ` или `1. `")
        let heading = LocalizedText(en: "write headings as `## Heading`", ru: "заголовок пишите так: `## Заголовок`")
        var map: [String: LocalizedText] = [:]
        for tag in ["table", "tr", "td", "th", "thead", "tbody", "caption"] { map[tag] = table }
        for tag in ["iframe", "video", "embed", "object", "audio"] { map[tag] = video }
        for tag in ["b", "strong"] { map[tag] = bold }
        for tag in ["i", "em"] { map[tag] = italic }
        map["br"] = breakLine
        for tag in ["p", "div", "span", "font", "center"] { map[tag] = paragraph }
        map["img"] = image
        let script = LocalizedText(en: "remove it: scripts and styles never run on the site",
                                   ru: "уберите его: скрипты и стили на сайте не работают")
        for tag in ["script", "style", "link", "meta", "form", "input", "button"] { map[tag] = script }
        map["a"] = link
        for tag in ["ul", "ol", "li"] { map[tag] = list }
        for tag in ["h1", "h2", "h3", "h4", "h5", "h6"] { map[tag] = heading }
        return map
    }()

    /// `<b>x</b><br/>` → `["b", "br"]`: opening and closing tags, in order, once each.
    static func tagNames(in literal: String) -> [String] {
        var names: [String] = []
        let characters = Array(literal)
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "<" else { continue }
            var start = index + 1
            if start < characters.count, characters[start] == "/" { start += 1 }
            var end = start
            while end < characters.count, characters[end].isASCII, characters[end].isLetter || characters[end].isNumber { end += 1 }
            guard end > start, characters[start].isLetter else { continue }
            let name = String(characters[start..<end]).lowercased()
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// `##Что сделали`: cmark needs the space, so this is an ordinary paragraph.
    static func headingWithoutSpace(_ line: Substring) -> LocalizedText? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), let next = line.dropFirst(hashes).first, !next.isWhitespace, next != "#" else { return nil }
        let text = line.dropFirst(hashes)
        let fixed = String(repeating: "#", count: hashes) + " " + text
        return LocalizedText(
            en: "`\(line)` is shown as plain text, not as a heading: put a space after the `#` signs: `\(fixed)`",
            ru: "«\(line)» показано как обычный текст, а не как заголовок: после решёток нужен пробел: `\(fixed)`")
    }

    /// `[отчёт](отчёт 2023.pdf)`: cmark leaves the brackets as text.
    static func unparsedLink(_ fragment: String, isImage: Bool) -> LocalizedText {
        let target = fragment.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
        let label = fragment.dropFirst(isImage ? 2 : 1).prefix { $0 != "]" }
        let bang = isImage ? "!" : ""
        let hasSpace = target.contains(" ")
        let fixRU = hasSpace
            ? "если в адресе или имени файла есть пробелы, возьмите его в угловые скобки: `\(bang)[\(label)](<\(target)>)`, а лучше назовите файл без пробелов"
            : "проверьте скобки: `\(bang)[текст](адрес)`, без пробела между `]` и `(`"
        let fixEN = hasSpace
            ? "put a target with spaces in angle brackets: `\(bang)[\(label)](<\(target)>)`, or better rename the file without spaces"
            : "check the brackets: `\(bang)[text](target)`, with no space between `]` and `(`"
        return LocalizedText(
            en: "the \(isImage ? "image" : "link") `\(fragment)` is not understood and is shown as plain text; \(fixEN)",
            ru: "\(isImage ? "картинка" : "ссылка") `\(fragment)` не распознана и показана на странице как обычный текст; \(fixRU)")
    }

    /// An image from another web site or a bare path: not in the site, gone offline and in print.
    static func imageOutsideSite(_ url: String) -> LocalizedText {
        let isWeb = url.lowercased().hasPrefix("http:") || url.lowercased().hasPrefix("https:") || url.hasPrefix("//")
        let whatRU = isWeb
            ? "картинка «\(url)» берётся с чужого сайта: без интернета, в копии сайта на диске и в печатном сборнике её не будет"
            : "картинка «\(url)» не из папки content/files/: praktika не копирует её на сайт, и на странице она не покажется"
        let whatEN = isWeb
            ? "the image `\(url)` is loaded from another web site: it is missing offline, in the copy on disk and in the printed digest"
            : "the image `\(url)` is not under content/files/: praktika does not copy it, so it does not show"
        return LocalizedText(
            en: whatEN + "; put the file into content/files/ and write `![caption](file:path/picture.png)`",
            ru: whatRU + "; положите файл в content/files/ и напишите `![подпись](file:путь/картинка.png)`")
    }

    /// A literal `](` left in text means a link or image cmark did not parse;
    /// returns the offending `[…](…)` / `![…](…)` with its character offset.
    static func unparsedLinks(in line: Substring) -> [(fragment: String, offset: Int, isImage: Bool)] {
        let characters = Array(line)
        var found: [(String, Int, Bool)] = []
        var index = 0
        while index + 1 < characters.count {
            defer { index += 1 }
            guard characters[index] == "]", characters[index + 1] == "(" else { continue }
            guard let open = characters[..<index].lastIndex(of: "["),
                  let close = characters[(index + 1)...].firstIndex(of: ")") else { continue }
            let isImage = open > 0 && characters[open - 1] == "!"
            let start = isImage ? open - 1 : open
            found.append((String(characters[start...close]), start, isImage))
            index = close
        }
        return found
    }
}
