import Foundation
import Hummingbird

/// Server-sent events to every open tab: `reload` after a good rebuild,
/// `problems` (the error list) after a failed one.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [UUID: AsyncStream<ByteBuffer>.Continuation] = [:]

    func subscribe() -> AsyncStream<ByteBuffer> {
        let id = UUID()
        return AsyncStream { continuation in
            lock.lock(); clients[id] = continuation; lock.unlock()
            continuation.yield(ByteBuffer(string: "retry: 1000\n\n"))
            continuation.onTermination = { [weak self] _ in
                guard let self else { return }
                self.lock.lock(); self.clients[id] = nil; self.lock.unlock()
            }
        }
    }

    func send(event: String, data: String) {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        let message = ByteBuffer(string: "event: \(event)\n\(lines)\n\n")
        lock.lock(); let all = Array(clients.values); lock.unlock()
        for client in all { client.yield(message) }
    }

    func finishAll() {
        lock.lock(); let all = Array(clients.values); clients = [:]; lock.unlock()
        for client in all { client.finish() }
    }
}
