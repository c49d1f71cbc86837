import Foundation

/// Pages kept in memory, for serve mode.
final class MemorySink: PageSink, Sendable {
    private let stored = Locked<[String: Data]>([:])

    func write(_ relativePath: String, _ contents: Data) throws {
        stored.withLock { $0[relativePath] = contents }
    }

    var files: [String: Data] { stored.current }
}
