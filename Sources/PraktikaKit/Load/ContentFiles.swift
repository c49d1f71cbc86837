import Foundation

/// Lists the entity files of one content folder.
enum ContentFiles {
    struct Item: Sendable {
        var url: URL
        var id: String
        var relativePath: String
    }

    static func list(_ folder: URL, extensions: Set<String>, relativeTo prefix: String, log: DiagnosticLog) -> [Item] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var items: [Item] = []
        let base = folder.path + "/"
        for name in names.sorted() where !name.hasPrefix(".") {
            let dot = name.lastIndex(of: ".")
            let ext = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
            guard extensions.contains(ext) else {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
                let expected = extensions.sorted().map { "." + $0 }.joined(separator: " / ")
                log.add(.warning(SourceLocation(file: "\(prefix)/\(name)"), LocalizedText(
                    en: "ignored: only \(expected) files are read in this folder",
                    ru: "пропущен: в этой папке читаются только файлы \(expected)")))
                continue
            }
            items.append(Item(url: URL(fileURLWithPath: base + name, isDirectory: false), id: String(name.dropLast(ext.count + 1)),
                              relativePath: "\(prefix)/\(name)"))
        }
        return items
    }
}

/// Runs work over all cores, giving each worker its own non-thread-safe state
/// (a YAML decoder is faster reused, but must not be shared).
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (YAMLReader, Input) -> Output
    ) -> [Output] {
        guard !inputs.isEmpty else { return [] }
        let workers = min(inputs.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let reader = YAMLReader()
            var index = worker
            while index < inputs.count {
                results.set(index, transform(reader, inputs[index]))
                index += workers
            }
        }
        return results.values
    }
}

/// Fixed slots written by concurrent workers, each slot by one worker only.
final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        storage[index] = value
    }

    var values: [T] { storage.map { $0! } }
}
