import Foundation

/// Part of the build: the print HTML of every digest and, with WeasyPrint,
/// its PDF. A PDF is made again only when its print HTML changed, since
/// WeasyPrint takes seconds where the rest of a build takes milliseconds.
struct DigestStage {
    let env: RenderEnvironment
    let site: URL
    let folder: OutputFolder?
    let printer: DigestPrinter?
    /// `--no-pdf`: no printer was asked for, which is not the same as none installed.
    var pdfsTurnedOff = false

    /// Notes for the summary (PDFs made, kept or skipped), and the PDFs in the output.
    func run() -> (notes: [String], pdfs: [String: DigestPDF]) {
        var notes: [String] = []
        var pdfs: [String: DigestPDF] = [:]
        var skipped = false
        for id in env.graph.digests.keys.sorted() {
            let htmlPath = "digests/\(id)/print.html", pdfPath = "digests/\(id)/\(id).pdf"
            guard let html = Self.printHTML(id, env: env) else { continue }
            guard let folder else { continue }
            do {
                try folder.write(htmlPath, Data(html.utf8))
                guard let printer else { skipped = true; continue }
                if folder.isUnchanged(htmlPath), let size = folder.keep(pdfPath) {
                    pdfs[id] = DigestPDF(path: pdfPath, size: size)
                    notes.append("digest \(id): PDF unchanged")
                    continue
                }
                let practices = DigestSelector.practices(of: env.graph.digests[id]!.fields, in: env.graph).count
                let progress = ConsoleProgress(label: "praktika: digest \(id) → PDF")
                let blocked = try printer.print(html: folder.stagingURL(for: htmlPath), to: folder.stagingURL(for: pdfPath),
                                                baseURL: Self.imageBase(site: site, id: id), readable: Self.readable(site: site),
                                                estimatedPages: 6 + practices * 4, progress: progress)
                Self.warnBlocked(blocked, digest: id, env: env)
                pdfs[id] = DigestPDF(path: pdfPath, size: try folder.adopt(pdfPath))
                notes.append("digest \(id): PDF written")
            } catch {
                env.log.add(.error(SourceLocation(file: env.graph.digests[id]!.file), LocalizedText(
                    en: "cannot make the digest's PDF: \(error)", ru: "не удаётся сделать PDF сборника: \(error)")))
            }
        }
        if skipped {
            notes.append(pdfsTurnedOff ? "digest PDFs not made (--no-pdf): the print pages are linked instead"
                : "WeasyPrint is not installed: digest PDFs were skipped; the print pages are linked instead")
        }
        return (notes, pdfs)
    }

    /// The print document of a digest. Links are absolute web addresses (it is
    /// read on paper); images stay relative, for WeasyPrint to read from disk.
    static func printHTML(_ id: String, env: RenderEnvironment, baseHref: String? = nil) -> String? {
        let base = env.settings.baseURL
        var context = PageContext(env: env, path: "digests/\(id)/print.html",
                                  links: base.isEmpty ? nil : PageLinks(root: base, offline: false))
        context.printsDigest = true
        guard var model = context.digestPage(id, forPrint: true) else { return nil }
        model.content.baseHref = baseHref
        guard let rendered = try? env.theme.render("digest", model) else { return nil }
        let html = context.typesetHTML(rendered, forPrint: true)
        return PageLinks.resolvePlaceholder(in: html, root: base.isEmpty ? "../../" : base)
    }

    /// The folders the printer may read: the site's attachments.
    static func readable(site: URL) -> [URL] {
        [site.appendingPathComponent("content/files", isDirectory: true)]
    }

    /// Images the printer was not allowed to read: on the web they load from
    /// their address, in the PDF they are left out, and the author is told.
    static func warnBlocked(_ blocked: [String], digest id: String, env: RenderEnvironment) {
        for url in blocked {
            env.log.add(.warning(SourceLocation(file: env.graph.digests[id]!.file), LocalizedText(
                en: "the printed digest leaves out \(url): the printer reads only files in content/files/, never the network; use [](file:…) for an image",
                ru: "в печатный сборник не вошло \(url): при печати читаются только файлы из content/files/, без обращения к сети; вставьте изображение как [](file:…)")))
        }
    }

    /// A base URL two folders below content/, so that `../../files/x.png` is read from content/files/.
    static func imageBase(site: URL, id: String) -> URL {
        site.appendingPathComponent("content/.digest/\(id)/print.html")
    }
}
