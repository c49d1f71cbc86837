import ArgumentParser
import Foundation
import PraktikaKit

enum Console {
    /// Prints every content problem in the editors' `path:line:column` form and exits 1.
    static func runReporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let errors as ContentErrors {
            for diagnostic in errors.diagnostics {
                printError(diagnostic.formatted(language: errors.language))
            }
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            printError(errors.language == "ru"
                ? "praktika: найдено ошибок: \(count); сайт не собран, прежние файлы не тронуты"
                : "praktika: \(count) error(s); nothing was built, the previous output is untouched")
            throw ExitCode(1)
        } catch let problem as OutputFolder.Problem {
            printError("praktika: error: \(problem)")
            throw ExitCode(1)
        }
    }

    static func printWarnings(_ report: BuildReport) {
        for diagnostic in report.warnings where diagnostic.severity == .warning {
            printError(diagnostic.formatted(language: report.language))
        }
    }

    static func printSummary(_ report: BuildReport, site: URL) {
        if report.upToDate {
            print("praktika: nothing changed since the last build; \(report.filesTotal) files in \(displayPath(report.output, site: site))/ are up to date")
            return
        }
        let kinds = report.pagesByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · ")
        let time = String(format: "%.2f", report.totalSeconds)
        print("praktika: built \(report.pageCount) pages in \(time) s → \(displayPath(report.output, site: site))/")
        print("  pages: \(kinds)")
        print("  output: \(report.filesChanged) of \(report.filesTotal) files changed")
        print("  files: \(report.attachmentsCopied) attachments, \(report.assetsCopied) theme assets, \(report.otherFiles.joined(separator: ", "))")
        for note in report.notes { print("  note:  \(note)") }
        printStageTimes(report)
    }

    static func printStageTimes(_ report: BuildReport) {
        print("  time:  " + report.stageSeconds.map { "\($0.0) \(String(format: "%.2f", $0.1)) s" }.joined(separator: " · "))
    }

    static func displayPath(_ url: URL?, site: URL) -> String {
        let path = url?.path ?? ""
        return path.hasPrefix(site.path + "/") ? String(path.dropFirst(site.path.count + 1)) : path
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
