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
        let kinds = report.pagesByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · ")
        let time = String(format: "%.2f", report.totalSeconds)
        var output = report.output?.path ?? ""
        if output.hasPrefix(site.path + "/") { output = String(output.dropFirst(site.path.count + 1)) }
        print("praktika: built \(report.pageCount) pages in \(time) s → \(output)/")
        print("  pages: \(kinds)")
        print("  files: \(report.attachmentsCopied) attachments, \(report.assetsCopied) theme assets, \(report.otherFiles.joined(separator: ", "))")
        print("  time:  " + report.stageSeconds.map { "\($0.0) \(String(format: "%.2f", $0.1)) s" }.joined(separator: " · "))
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
