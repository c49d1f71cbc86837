import Foundation

/// Pages kept in memory, for serve mode.
final class MemorySink: PageSink, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [String: Data] = [:]

    func write(_ relativePath: String, _ contents: Data) throws {
        lock.lock(); defer { lock.unlock() }
        files[relativePath] = contents
    }
}

/// Which practices each page shows, filled from the render threads.
final class PageDependencies: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var byPage: [String: Set<String>] = [:]

    func set(_ page: String, _ ids: Set<String>) {
        lock.lock(); defer { lock.unlock() }
        byPage[page] = ids
    }

    func merge(_ other: PageDependencies) {
        lock.lock(); defer { lock.unlock() }
        byPage.merge(other.byPage) { _, new in new }
    }

    func pages(showing ids: Set<String>) -> Set<String> {
        lock.lock(); defer { lock.unlock() }
        return Set(byPage.compactMap { $0.value.isDisjoint(with: ids) ? nil : $0.key })
    }
}
