import Foundation
import Yams

/// `praktika import`: office documents → new content files, never overwriting one.
public enum DocumentImporter {
    public enum Kind: String, Sendable, CaseIterable {
        case program, practice
    }

    public struct Options: Sendable {
        public var site: URL
        public var files: [URL]
        public var kind: Kind?
        public var id: String?
        public var school: String?
        public var today: Day

        public init(site: URL, files: [URL], kind: Kind? = nil, id: String? = nil, school: String? = nil, today: Day = .today()) {
            self.site = site
            self.files = files
            self.kind = kind
            self.id = id
            self.school = school
            self.today = today
        }
    }

    public struct Imported: Sendable {
        public var source: URL
        public var kind: Kind
        public var id: String
        /// Paths relative to the site folder, the content file first.
        public var written: [String]
        public var unplaced: [UnplacedText]
        public var notes: [String]
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var source: URL?
        public var message: String
        public var description: String { (source.map { $0.lastPathComponent + ": " } ?? "") + message }
    }

    /// Every document of `files` (folders are read for .docx/.doc/.odt/.rtf), one result each.
    public static func run(_ options: Options) throws -> [Result<Imported, Problem>] {
        let documents = try collect(options.files)
        guard !documents.isEmpty else { throw Problem(source: nil, message: "нет документов для импорта (.docx, .doc, .odt, .rtf)") }
        if options.id != nil && documents.count > 1 {
            throw Problem(source: nil, message: "--id задаёт id одного документа, а документов \(documents.count); уберите --id")
        }
        if let id = options.id, !EntityID.isValid(id) {
            throw Problem(source: nil, message: "«\(id)» не годится как id: только строчные латинские буквы, цифры и дефисы")
        }
        if let school = options.school,
           !FileManager.default.fileExists(atPath: options.site.appendingPathComponent("content/schools/\(school).md").path) {
            throw Problem(source: nil, message: "неизвестная школа «\(school)»: нет файла content/schools/\(school).md")
        }
        guard FileManager.default.fileExists(atPath: options.site.appendingPathComponent("content").path) else {
            throw Problem(source: nil, message: "в \(options.site.path) нет папки content/: укажите папку сайта (--site)")
        }
        return documents.map { file in
            do {
                return .success(try importOne(file, options: options))
            } catch let problem as Problem {
                return .failure(problem)
            } catch {
                return .failure(Problem(source: file, message: "\(error)"))
            }
        }
    }

    static func collect(_ files: [URL]) throws -> [URL] {
        var out: [URL] = []
        let fm = FileManager.default
        for file in files {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: file.path, isDirectory: &isFolder) else {
                throw Problem(source: file, message: "файл не найден")
            }
            if isFolder.boolValue {
                let names = try fm.contentsOfDirectory(atPath: file.path).sorted()
                out += names.filter { name in
                    !name.hasPrefix("~$") && !name.hasPrefix(".")
                        && DocumentConverter.extensions.contains((name as NSString).pathExtension.lowercased())
                }.map { file.appendingPathComponent($0) }
            } else {
                out.append(file)
            }
        }
        return out
    }

    /// Collects the images the Markdown refers to, to copy them once the id is known.
    final class ImageBox {
        var folder: String
        var copies: [(source: String, name: String, data: Data)] = []
        init(folder: String) { self.folder = folder }
    }

    static func importOne(_ file: URL, options: Options) throws -> Imported {
        let converted = try DocumentConverter.convert(file)
        defer { try? FileManager.default.removeItem(at: converted.workFolder) }
        let document = converted.document
        guard let kind = options.kind ?? detectKind(document) else {
            throw Problem(source: file, message: "не удалось понять, программа это или практика; укажите --kind program или --kind practice")
        }
        let site = options.site
        let folder = kind == .program ? "programs" : "practices"
        let ext = kind == .program ? "yaml" : "md"

        // First pass for the title, which gives the id; the second writes with the images' final place.
        let title = kind == .program
            ? ProgramImporter(writer: MarkdownWriter(), report: ImportLog()).run(document).title
            : PracticeImporter(writer: MarkdownWriter(), report: ImportLog(), schools: SchoolMatcher(schools: [])).run(document).title
        let id = try chooseID(options.id, title: title, file: file, kind: kind, site: site)

        let log = ImportLog()
        let images = ImageBox(folder: "\(folder)/\(id)")
        let pictures = DocumentPictures(container: converted.container)
        var writer = MarkdownWriter()
        writer.imageTarget = { path in
            if let copied = images.copies.first(where: { $0.source == path }) { return "file:\(images.folder)/\(copied.name)" }
            let picture: (ext: String, data: Data)
            switch Result(catching: { () throws(DocumentPictures.Failure) in try pictures.data(for: path) }) {
            case .success(let found):
                picture = found
            case .failure(.format(let ext)):
                log.unplaced("рисунок \(path)", path, note: "формат .\(ext) браузер не покажет; сохраните рисунок как PNG или JPEG и добавьте сами")
                return nil
            case .failure(.tooBig):
                log.unplaced("рисунок \(path)", path, note: "рисунок больше 20 МБ не перенесён")
                return nil
            case .failure(.missing):
                log.unplaced("рисунок \(path)", path, note: "рисунок не найден в документе (связанный, а не вставленный?)")
                return nil
            }
            let name = "image\(images.copies.count + 1).\(picture.ext)"
            images.copies.append((path, name, picture.data))
            log.note("рисунок \(name) сохранён в content/files/\(images.folder)/; замените подпись «Рисунок» описанием того, что на нём")
            return "file:\(images.folder)/\(name)"
        }
        if let legacy = ["doc", "rtf"].first(where: { $0 == file.pathExtension.lowercased() }) {
            log.note(".\(legacy) преобразован в .docx через LibreOffice")
        }
        var written: [String] = []
        let stamp = "# Импортировано командой praktika import из «\(file.lastPathComponent)» \(options.today). Проверьте поля по документу и удалите этот комментарий."
        var text: String
        if kind == .program {
            let importer = ProgramImporter(writer: writer, report: log)
            let output = importer.run(document)
            text = stamp + "\n" + (try YAMLOut.document(output.yaml))
        } else {
            let importer = PracticeImporter(writer: writer, report: log, schools: SchoolMatcher(site: site), schoolOverride: options.school)
            let output = importer.run(document)
            var schoolID = output.schoolID
            if schoolID == nil {
                guard let name = output.newSchoolName else {
                    throw Problem(source: file, message: "в документе не найдена школа-автор; укажите её: --school ID (id из content/schools/)")
                }
                let newID = try freeID(RussianText.slug(name, words: 8), folder: "schools", ext: "md", site: site)
                let schoolText = "---\n" + (try YAMLOut.document(YAMLOut.map([("name", YAMLOut.text(name))]))) + "---\n"
                try writeNew(schoolText, to: "content/schools/\(newID).md", site: site)
                written.append("content/schools/\(newID).md")
                log.note("школа «\(name)» не найдена в content/schools/; создана content/schools/\(newID).md — дополните её или замените в schools на id существующей школы")
                schoolID = newID
            }
            var frontMatter = output.frontMatter
            if let index = frontMatter.firstIndex(where: { $0.0 == "schools" }) {
                frontMatter[index].1 = Node([YAMLOut.text(schoolID!)])
            }
            text = "---\n" + stamp + "\n" + (try YAMLOut.document(YAMLOut.map(frontMatter))) + "---\n\n" + output.body + "\n"
        }
        let path = "content/\(folder)/\(id).\(ext)"
        for (_, name, data) in images.copies {
            let target = "content/files/\(images.folder)/\(name)"
            try writeNew(data, to: target, site: site)
            written.append(target)
        }
        try writeNew(text, to: path, site: site)
        written.insert(path, at: 0)
        return Imported(source: file, kind: kind, id: id, written: written, unplaced: log.unplaced, notes: log.notes)
    }

    /// `--id` must be free; a derived id gets `-2`, `-3`… when taken, so a second import never overwrites.
    static func chooseID(_ given: String?, title: String?, file: URL, kind: Kind, site: URL) throws -> String {
        let folder = kind == .program ? "programs" : "practices"
        let ext = kind == .program ? "yaml" : "md"
        if let given {
            if exists(given, folder: folder, site: site) {
                throw Problem(source: file, message: "content/\(folder)/\(given).\(ext) уже есть; praktika import не перезаписывает файлы — выберите другой --id")
            }
            return given
        }
        var base = RussianText.slug(title ?? "")
        if base.isEmpty { base = RussianText.slug(file.deletingPathExtension().lastPathComponent) }
        if base.isEmpty || !EntityID.isValid(base) { base = kind.rawValue }
        return try freeID(base, folder: folder, ext: ext, site: site)
    }

    static func freeID(_ base: String, folder: String, ext: String, site: URL) throws -> String {
        var candidate = base
        var counter = 2
        while exists(candidate, folder: folder, site: site) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    private static func exists(_ id: String, folder: String, site: URL) -> Bool {
        let fm = FileManager.default
        let base = site.appendingPathComponent("content/\(folder)", isDirectory: true)
        return ["md", "yaml", "yml"].contains { fm.fileExists(atPath: base.appendingPathComponent("\(id).\($0)").path) }
            || fm.fileExists(atPath: site.appendingPathComponent("content/files/\(folder)/\(id)").path)
    }

    private static func writeNew(_ text: String, to path: String, site: URL) throws {
        try writeNew(Data(text.utf8), to: path, site: site)
    }

    /// Creates the file only if it is not there: the check and the write are one system call.
    /// A folder on the way that is a symlink out of `content/` is refused, as when reading.
    private static func writeNew(_ data: Data, to path: String, site: URL) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let content = site.appendingPathComponent("content").resolvingSymlinksInPath().path
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        guard folder == content || folder.hasPrefix(content + "/") else {
            throw Problem(source: nil, message: "\(path): папка ведёт по символической ссылке за пределы content/ (\(folder)); praktika import туда не пишет")
        }
        do {
            try data.write(to: url, options: .withoutOverwriting)
        } catch {
            throw Problem(source: nil, message: "\(path) уже существует; praktika import не перезаписывает файлы")
        }
    }

    /// Counts the fields only one kind has; plan tables speak for a program, results tables for a practice.
    static func detectKind(_ document: PandocDocument) -> Kind? {
        let programOutline = DocumentOutline(document, isLabel: ProgramImporter.isLabel, keepsTable: { PlanTable($0) != nil })
        var program = programOutline.sections.filter { section in
            guard let field = ProgramField.match(section.label) else { return false }
            return [.goal, .goalAndTasks, .tasks, .indicators, .stages, .risks, .plan, .expectedResults, .legalBasis].contains(field)
        }.count
        let practiceOutline = DocumentOutline(document, isLabel: PracticeImporter.isLabel, keepsTable: { ResultsTable($0) != nil })
        var practice = practiceOutline.sections.filter { section in
            guard let field = PracticeField.match(section.label) else { return false }
            return [.school, .author, .contact, .summary, .replicability].contains(field)
        }.count
        // «Цель практики», «Задачи программы»: a label that names its kind counts for it.
        program += programOutline.sections.filter { $0.label.lowercased().contains("программ") }.count
        practice += practiceOutline.sections.filter { $0.label.lowercased().contains("практик") }.count
        let opening = MarkdownWriter.lines(Array(document.blocks.prefix(12))).prefix(12).map { $0.text.lowercased() }
        if opening.contains(where: { $0.contains("практик") }) { practice += 2 }
        if opening.contains(where: { $0.contains("программ") || $0.contains("дорожная карта") }) { program += 2 }
        for block in document.blocks {
            guard case .table(let table) = block else { continue }
            let grid = TableGrid(table)
            if PlanTable(grid) != nil { program += 2 }
            if ResultsTable(grid) != nil { practice += 2 }
        }
        if program == 0 && practice == 0 { return nil }
        return program >= practice ? .program : .practice
    }
}
