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
        // The site is two folders up from an entity folder (content/<kind>s).
        let site = ((folder.path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        guard SiteBoundary.isInside(folder.path, root: site) else {
            log.add(SiteBoundary.outside(prefix))
            return []
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let dot = name.lastIndex(of: ".")
            let ext = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
            guard extensions.contains(ext) else {
                log.add(UnreadFiles.diagnostic(name: name, in: folder, relativeTo: prefix, extensions: extensions))
                continue
            }
            let path = base + name
            guard FileSystem.kind(path) != .symlink || SiteBoundary.isInside(path, root: site) else {
                log.add(SiteBoundary.outside("\(prefix)/\(name)"))
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
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let reader = YAMLReader()
            while let index = next.take(below: inputs.count) {
                results.set(index, transform(reader, inputs[index]))
            }
        }
        return results.values
    }
}

