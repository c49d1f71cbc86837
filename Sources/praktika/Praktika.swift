import ArgumentParser
import Foundation
import PraktikaKit
import PraktikaServe

@main
struct Praktika: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "praktika",
        abstract: "Builds a site of school-support practices, schools, networks, programs and seminars.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, DigestCommand.self, NewCommand.self, InitCommand.self, ImportCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

struct SiteArguments: ParsableArguments {
    @Argument(help: "The site folder (with content/ inside).", completion: .directory)
    var site: String = "."

    var siteURL: URL {
        URL(fileURLWithPath: site, isDirectory: true, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into a folder of static files.")

    @OptionGroup var arguments: SiteArguments

    @Option(name: .shortAndLong, help: "Output folder (default: SITE/public).", completion: .directory)
    var output: String?

    @Option(name: .customLong("base-url"), help: "Public URL the site is served from, e.g. https://uo.example.ru/praktiki/ (default: base_url of site.yaml).")
    var baseURL: String?

    @Flag(help: "Write links that work when the folder is opened from disk (file://).")
    var offline = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Also pack the built site into this zip archive (use with --offline for a copy to open from disk).")
    var zip: String?

    @Flag(name: .customLong("no-search"), help: "Do not build the Pagefind search index.")
    var noSearch = false

    @Flag(name: .customLong("no-pdf"), help: "Do not make the digests' PDFs.")
    var noPDF = false

    @Option(name: .customLong("search-shard-pages"),
            help: "At most this many pages in one search bundle (default 4000); a larger site's index is split into bundles that the search page merges. Fewer pages per bundle use less memory and re-index faster after an edit; each bundle adds about four requests to a search on a phone, one more for each further word.")
    var searchShardPages: Int?

    @Option(name: .customLong("search-memory"),
            help: "Memory the search indexer may use, e.g. 1.5G or 800M (default: what the machine has available). Bundles are made small enough for it (Pagefind holds about half a megabyte per page) and indexed one at a time when two do not fit: slower, and more requests per search on a phone.")
    var searchMemory: String?

    @Option(name: .customLong("search-delta-pages"),
            help: "A search bundle of at least this many pages (default 1000) is kept when a few of its pages change (up to one in twenty); they are indexed alone into a small recent-edits bundle, in a fraction of a second. Past that, the bundle is indexed anew.")
    var searchDeltaPages: Int?

    /// Here rather than in `run`, so that a bad value is shown with `praktika build`'s usage.
    func validate() throws {
        if let searchShardPages, searchShardPages <= 0 { throw ValidationError("--search-shard-pages must be a positive number") }
        if let searchDeltaPages, searchDeltaPages <= 0 { throw ValidationError("--search-delta-pages must be a positive number") }
        if let searchMemory, (ByteSize.parse(searchMemory) ?? 0) < ByteSize.smallestSearchMemory {
            throw ValidationError("--search-memory must be a size of at least 256M, such as 1.5G or 800M")
        }
    }

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        var options = BuildOptions(site: arguments.siteURL, output: outputURL, baseURL: baseURL, offline: offline, strict: strict)
        options.zip = zip.map { URL(fileURLWithPath: $0).standardizedFileURL }
        options.makeSearchIndex = !noSearch
        options.makePDFs = !noPDF
        if let searchShardPages { options.searchShardPages = searchShardPages }
        options.searchMemory = searchMemory.flatMap(ByteSize.parse)
        if let searchDeltaPages { options.searchDeltaFromPages = searchDeltaPages }
        options.faults = FaultInjection.fromEnvironment()
        try Console.runReporting {
            let report = try SiteBuilder.build(options)
            Console.printWarnings(report)
            Console.printSummary(report, site: arguments.siteURL)
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the content and theme; write nothing.")

    @OptionGroup var arguments: SiteArguments

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        try Console.runReporting {
            let report = try SiteBuilder.check(BuildOptions(site: arguments.siteURL, strict: strict))
            Console.printWarnings(report)
            let warnings = report.warnings.filter { $0.severity == .warning }.count
            print(report.language == "ru"
                ? "praktika: ошибок нет, предупреждений: \(warnings), проверено страниц: \(report.pageCount)"
                : "praktika: no errors, \(warnings) warning(s), \(report.pageCount) pages checked")
            Console.printStageTimes(report)
        }
    }
}

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Make a printed digest: print-ready HTML and a PDF (WeasyPrint).")

    @Argument(help: "The digest id (content/digests/ID.yaml).")
    var id: String

    @OptionGroup var arguments: SiteArguments

    @Option(name: .shortAndLong, help: "The PDF to write (default: ID.pdf in the current folder); the HTML goes beside it.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Public URL of the site, for the QR codes and links (default: base_url of site.yaml).")
    var baseURL: String?

    func run() throws {
        let pdf = URL(fileURLWithPath: output ?? "\(id).pdf").standardizedFileURL
        try Console.runReporting {
            let result = try DigestCommandRunner.run(id: id, site: arguments.siteURL, pdf: pdf, baseURL: baseURL)
            print("praktika: digest \(id): \(result.practices) practices → \(result.html.path)")
            if let size = result.pdfSize {
                print("praktika: PDF \(result.pdf.path) (\(size / 1024) KB, \(result.pages.map { "\($0) pages" } ?? "?"))")
            } else {
                print("praktika: WeasyPrint is not installed, so no PDF was made; print the HTML from a browser or install the Debian package `weasyprint`")
            }
        }
    }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new entry from an archetype: practice, school, network, program, seminar, digest, register or person.")

    @Argument(help: "practice, school, network, program, seminar, digest, register or person")
    var kind: String

    @Argument(help: "The id: lower-case Latin letters, digits and hyphens.")
    var id: String

    @OptionGroup var arguments: SiteArguments

    @Option(help: "The title (or name) to put in.")
    var title: String?

    @Option(help: "The school id to put in (author school, leader, owner or host).")
    var school: String?

    func run() throws {
        guard let entity = EntityKind(rawValue: kind), Scaffolding.kinds.contains(entity) else {
            throw ValidationError("unknown kind `\(kind)`; expected one of: \(Scaffolding.kinds.map(\.rawValue).joined(separator: ", "))")
        }
        try Console.runReporting {
            let file = try Scaffolding.newEntry(kind: entity, id: id, site: arguments.siteURL, title: title, school: school)
            print("praktika: wrote \(Console.displayPath(file, site: arguments.siteURL)); fill it in, then run `praktika check`")
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site with one example of each entity and the vocabularies.")

    @Argument(help: "The folder for the new site (new or empty).", completion: .directory)
    var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        try Console.runReporting {
            let files = try Scaffolding.initSite(at: url)
            print("praktika: created a site with \(files.count) files in \(url.path)")
            print("  next: praktika build \(folder)   (or praktika serve \(folder))")
        }
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site on this machine and rebuild it on every save, reloading open tabs.")

    @OptionGroup var arguments: SiteArguments

    @Option(help: "Port to listen on.")
    var port: Int = 1313

    @Option(help: "Address to listen on (loopback unless told otherwise).")
    var host: String = "127.0.0.1"

    func run() async throws {
        let server = DevServer(site: arguments.siteURL, host: host, port: port)
        try await server.run()
    }
}
