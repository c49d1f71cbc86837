import Foundation

/// Pieces of the print digest a stylesheet cannot make: running heads short
/// enough for one line, a school's one-line label, the materials of a practice
/// with a QR code each, and the school index with the practices of each school.
extension PageContext {
    /// Running heads are set in 8.5 pt PT Sans on a 172 mm line shared by the
    /// digest's title (left) and the section's (right): these lengths in
    /// characters keep both on one line.
    static let runningTitleLimit = 48
    static let runningSectionLimit = 62

    /// The title cut at a word boundary with an ellipsis, when it is longer than `limit`.
    static func runningHead(_ title: String, limit: Int) -> String {
        let characters = Array(title)
        guard characters.count > limit else { return title }
        var cut = limit - 1
        while cut > limit / 2, !(characters[cut] == " " || characters[cut] == "\u{00A0}") { cut -= 1 }
        var head = String(characters[..<cut])
        while let last = head.last, " \u{00A0},;:—–-«„(".contains(last) { head.removeLast() }
        // A quote left open by the cut is closed, so the head reads as a whole.
        if head.filter({ $0 == "«" }).count > head.filter({ $0 == "»" }).count { return head + "…»" }
        return head + "…"
    }

    /// A short address as HTML for a narrow caption: it breaks after a slash,
    /// or before a hyphen of its own (so that the hyphen opens the next line and
    /// is never read as a word broken at the line's end). Each piece is an
    /// inline block: WeasyPrint ignores <wbr>, and a zero-width space spoils the
    /// PDF's text (poppler reads it before every «v» of the font).
    static func breakableURL(_ url: String) -> String {
        let parts = shortURL(url).split(separator: "/", omittingEmptySubsequences: false)
        var pieces: [String] = []
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            if last && part.isEmpty { break }
            let words = part.split(separator: "-", omittingEmptySubsequences: false)
            for (position, word) in words.enumerated() {
                var piece = (position > 0 ? "-" : "") + word
                if position == words.count - 1 && !last { piece += "/" }
                pieces.append(piece)
            }
        }
        return pieces.map { "<span class=\"url-part\">" + XMLText.escape($0) + "</span>" }.joined()
    }

    /// The publisher's address, phone, e-mail and site for the cover's foot;
    /// the site as a reader types it («uo.example.ru»), never broken.
    func coverContacts(_ organisation: Organisation) -> [DigestPage.ContactLine] {
        var items = [organisation.address, organisation.phone, organisation.email].compactMap { $0 }.map { DigestPage.ContactLine(text: $0) }
        if let website = URLRule.allowed(organisation.website?.value) {
            var short = Self.shortURL(website)
            if short.hasSuffix("/") { short.removeLast() }
            items.append(.init(text: short, websiteHref: website))
        }
        return items
    }

    /// «СОШ № 1 г. Емвы (г. Емва)»: the school in one line, for a practice's first page.
    func digestSchoolLine(_ id: String) -> String? {
        guard let school = graph.schools[id] else { return nil }
        guard let locality = school.locality, !school.displayName.contains(locality) else { return school.displayName }
        return "\(school.displayName) (\(locality))"
    }

    /// The practice's attachments, each with the address of its online copy and a QR code of it.
    func digestMaterials(_ practice: Entry<Practice>) -> [FileLink] {
        let base = env.settings.baseURL
        return practice.attachments.compactMap { item -> FileLink? in
            guard var model = attachment(item.file.value, title: item.title),
                  let relative = AttachmentPath.normalize(item.file.value) else { return nil }
            if !base.isEmpty {
                let url = base + SitePaths.file(relative)
                model.url = url
                // Readable letters for a reader who types it; the QR code keeps the encoded address.
                model.shortURL = Self.shortURL(url.removingPercentEncoding ?? url)
                model.qr = QRCode.svg(for: url, moduleSize: 2, label: url)
            }
            return model
        }
    }

    /// The schools of the digest in alphabetical order of the names readers
    /// use, each with the anchors of its practices (the print shows their pages).
    func digestSchoolIndex(practices: [String]) -> [DigestSchool] {
        var anchors: [String: [String]] = [:]
        for id in practices {
            for school in graph.practices[id]?.schools ?? [] {
                anchors[school.value, default: []].append("practice-\(id)")
            }
        }
        return anchors.keys.compactMap { id -> (String, DigestSchool)? in
            guard let school = graph.schools[id], var model = digestSchool(id) else { return nil }
            model.practiceRefs = anchors[id]!
            return (school.displayName, model)
        }
        .sorted { $0.0.localizedStandardCompare($1.0) == .orderedAscending }
        .map(\.1)
    }
}
