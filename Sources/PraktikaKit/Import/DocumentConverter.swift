import Foundation

/// The kept converters: LibreOffice headless turns .doc/.rtf into .docx, pandoc
/// reads .docx/.odt into its JSON tree. Pictures are read from the document's own
/// zip (see `DocumentPictures`), never written out by pandoc's `--extract-media`,
/// so a crafted document cannot make a converter write files.
enum DocumentConverter {
    static let extensions = ["docx", "doc", "odt", "rtf"]

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    struct Converted {
        var document: PandocDocument
        /// The .docx or .odt pandoc read (LibreOffice's copy for a .doc), for its pictures.
        var container: URL
        /// LibreOffice's profile and output; deleted after the import.
        var workFolder: URL
    }

    static func convert(_ file: URL) throws -> Converted {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("praktika-import-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        do {
            var source = file
            var format = "docx"
            switch file.pathExtension.lowercased() {
            case "doc", "rtf":
                source = try convertWithLibreOffice(file, into: work)
            case "odt":
                format = "odt"
            case "docx":
                break
            default:
                throw Problem(description: "не документ Word (ожидается .docx, .doc, .odt или .rtf)")
            }
            let json = try run("pandoc", ["-f", format, "-t", "json", source.path],
                               work: work, missing: "pandoc не установлен (Debian: apt-get install pandoc; scripts/install-deps.sh ставит его)")
            do {
                return Converted(document: try PandocDocument.decode(json), container: source, workFolder: work)
            } catch {
                throw Problem(description: "не удалось прочитать дерево документа pandoc: \(error)")
            }
        } catch {
            try? fm.removeItem(at: work)
            throw error
        }
    }

    /// A private LibreOffice profile per run, so parallel imports (and an open
    /// LibreOffice window) do not wait for each other's lock.
    private static func convertWithLibreOffice(_ file: URL, into work: URL) throws -> URL {
        let profile = work.appendingPathComponent("lo-profile", isDirectory: true)
        let outFolder = work.appendingPathComponent("converted", isDirectory: true)
        try FileManager.default.createDirectory(at: outFolder, withIntermediateDirectories: true)
        _ = try run("soffice", ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                                "--convert-to", "docx", "--outdir", outFolder.path, file.path],
                    work: work, missing: "LibreOffice не установлен (Debian: apt-get install libreoffice-writer-nogui; scripts/install-deps.sh ставит его)")
        let converted = outFolder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".docx")
        guard FileManager.default.fileExists(atPath: converted.path) else {
            throw Problem(description: "LibreOffice не смог преобразовать документ в .docx")
        }
        return converted
    }

    private static func run(_ tool: String, _ arguments: [String], work: URL, missing: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        // Errors go to a file: reading two pipes needs two readers, or a chatty tool blocks.
        let errorFile = work.appendingPathComponent("\(tool)-stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw Problem(description: missing) }
        guard process.terminationStatus == 0 else {
            let message = ((try? String(contentsOf: errorFile, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            throw Problem(description: "\(tool) завершился с ошибкой \(process.terminationStatus): \(message)")
        }
        return data
    }
}
