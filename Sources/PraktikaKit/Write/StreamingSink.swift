import Foundation

/// Pages go to disk on writer threads while the render threads go on.
/// Creating thousands of page folders in one parent folder is serialised by
/// the kernel anyway (the parent is locked for each new entry), and render
/// threads that waited there spun instead of rendering. A build uses two
/// writers: on a file system that has just freed many inodes, making a new
/// one gets slower as the build goes on, and one writer fell behind the
/// renderers at the end. A bounded number of pages wait for the writers, so
/// memory stays flat when the disk is slow.
final class StreamingSink: PageSink, @unchecked Sendable {
    private let target: PageSink
    private let queues: [DispatchQueue]
    private let turn = JobCounter()
    private let slots: DispatchSemaphore
    private let failure = Locked<Error?>(nil)

    /// - Parameter writers: threads writing; each writes the pages it is given in order.
    init(_ target: PageSink, pending: Int = 64, writers: Int = 1) {
        self.target = target
        queues = (0..<max(1, writers)).map { DispatchQueue(label: "praktika.writer.\($0)") }
        slots = DispatchSemaphore(value: pending)
    }

    func write(_ relativePath: String, _ contents: Data) throws {
        if let failure = firstFailure { throw failure }
        slots.wait()
        let queue = queues[turn.take(below: .max)! % queues.count]
        queue.async { [self] in
            defer { slots.signal() }
            do {
                try target.write(relativePath, contents)
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
    }

    /// Waits for every queued page; throws the first write that failed.
    func finish() throws {
        for queue in queues { queue.sync {} }
        if let failure = firstFailure { throw failure }
    }

    private var firstFailure: Error? { failure.current }
}
