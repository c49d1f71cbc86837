import ArgumentParser
import Foundation
import PraktikaKit

@main
struct Praktika: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "praktika",
        abstract: "Builds a site of school-support practices, schools, networks, programs and seminars.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, DigestCommand.self],
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

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        let options = BuildOptions(site: arguments.siteURL, output: outputURL, baseURL: baseURL, offline: offline, strict: strict)
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
