import Foundation
import Hummingbird
import PraktikaKit

/// Server-sent events to every open tab: `reload` after a good rebuild,
/// `problems` (the error list) after a failed one.
final class EventHub: Sendable {
    private let clients = Locked<[UUID: AsyncStream<ByteBuffer>.Continuation]>([:])

    func subscribe() -> AsyncStream<ByteBuffer> {
        let id = UUID()
        return AsyncStream { continuation in
            clients.withLock { $0[id] = continuation }
            continuation.yield(ByteBuffer(string: "retry: 1000\n\n"))
            continuation.onTermination = { [clients] _ in
                clients.withLock { $0[id] = nil }
            }
        }
    }

    func send(event: String, data: String) {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        let message = ByteBuffer(string: "event: \(event)\n\(lines)\n\n")
        let all = Array(clients.current.values)
        for client in all { client.yield(message) }
    }

    func finishAll() {
        let all = clients.withLock { clients in defer { clients = [:] }; return Array(clients.values) }
        for client in all { client.finish() }
    }
}
