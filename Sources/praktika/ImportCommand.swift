import ArgumentParser
import Foundation
import PraktikaKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring Word documents in: programs and practices from .docx, .doc, .odt, .rtf (or a folder of them).")

    @Argument(help: "Documents or folders of documents.", completion: .file())
    var files: [String]

    @Option(help: "The site folder (default: the current folder).", completion: .directory)
    var site: String = "."

    @Option(help: "program or practice (default: recognised from the document).")
    var kind: DocumentImporter.Kind?

    @Option(help: "The id of the new entry (default: transliterated from the title).")
    var id: String?

    @Option(help: "The author school's id, for a practice whose school is not recognised.")
    var school: String?

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let siteURL = URL(fileURLWithPath: site, isDirectory: true, relativeTo: cwd).standardizedFileURL
        let options = DocumentImporter.Options(
            site: siteURL,
            files: files.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
            kind: kind, id: id, school: school)
        let results: [Result<DocumentImporter.Imported, DocumentImporter.Problem>]
        do {
            results = try DocumentImporter.run(options)
        } catch {
            Console.printError("praktika import: ошибка: \(error)")
            throw ExitCode(1)
        }
        var failed = 0
        for result in results {
            switch result {
            case .success(let imported):
                let kindName = imported.kind == .program ? "программа" : "практика"
                print("\(imported.source.lastPathComponent) → \(kindName) «\(imported.id)»")
                for path in imported.written { print("  записан: \(path)") }
                for note in imported.notes { print("  заметка: \(note)") }
                if !imported.unplaced.isEmpty {
                    print("  не размещено или размещено не на своём месте (\(imported.unplaced.count)):")
                    for item in imported.unplaced { print("    \(item.place): «\(item.text)» — \(item.note)") }
                }
            case .failure(let problem):
                failed += 1
                Console.printError("praktika import: ошибка: \(problem)")
            }
        }
        if results.contains(where: { if case .success = $0 { return true } else { return false } }) {
            print("Дальше: сверьте файлы с документами, запустите `praktika check \(site)` и посмотрите страницы в `praktika serve \(site)`; практики записаны черновиками (status: draft).")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

extension DocumentImporter.Kind: ExpressibleByArgument {}
