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
        } catch let problem as Scaffolding.Problem {
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
        let time = String(format: "%.2f", report.totalSeconds)
        print("praktika: built \(report.pageCount) pages in \(time) s → \(displayPath(report.output, site: site))/\n")
        // Practices first, as the bank is about them; then every other kind.
        let kinds = [EntityKind.practice] + EntityKind.allCases.filter { $0 != .practice }
        let labels: [(String, String)] = [("home", "Home")] + kinds.map { ($0.rawValue, $0.summaryTitle) }
            + [("term", "Term pages"), ("list", "List pages"), ("404", "Not found")]
        var rows = labels.compactMap { key, label in report.pagesByKind[key].map { (label, String($0)) } }
        rows.append(("Attachments", String(report.attachmentsCopied)))
        rows.append(("Theme assets", String(report.assetsCopied)))
        // The search's word lists (one file per first letter) are one entry.
        let words = report.otherFiles.filter { $0.hasPrefix("search/words/") }
        let others = report.otherFiles.filter { !$0.hasPrefix("search/words/") } + (words.isEmpty ? [] : ["search/words/ (\(words.count) files)"])
        rows.append(("Other files", others.joined(separator: ", ")))
        rows.append(("Files changed", "\(report.filesChanged) of \(report.filesTotal)"))
        let width = rows.map(\.0.count).max() ?? 10
        for (label, value) in rows {
            print("  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + " │ " + value)
        }
        print("")
        for note in report.notes { print("  note:  \(note)") }
        printStageTimes(report)
    }

    static func printStageTimes(_ report: BuildReport) {
        print("  time:  " + report.stageSeconds.map { "\($0.0) \(String(format: "%.2f", $0.1)) s" }.joined(separator: " · "))
        printPeakMemory()
    }

    /// What the build held at its peak, to choose `--search-memory` by: praktika's
    /// own, and the largest of the programs it ran (each Pagefind, WeasyPrint).
    static func printPeakMemory() {
        var own = rusage(), helpers = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &own) == 0, getrusage(RUSAGE_CHILDREN.rawValue, &helpers) == 0 else { return }
        // ru_maxrss is in KiB on Linux.
        let helper = helpers.ru_maxrss > 0 ? " · the largest process it ran (Pagefind, WeasyPrint): \(helpers.ru_maxrss / 1024) MiB" : ""
        print("  memory: praktika \(own.ru_maxrss / 1024) MiB at most\(helper)")
    }

    static func displayPath(_ url: URL?, site: URL) -> String {
        let path = url?.path ?? ""
        return path.hasPrefix(site.path + "/") ? String(path.dropFirst(site.path.count + 1)) : path
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
