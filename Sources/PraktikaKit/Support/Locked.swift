import Foundation

/// A value shared between threads, reached only under its lock. praktika's
/// one concurrency primitive: caches, counters, logs and sinks are built on it.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock; keep it short.
    @discardableResult
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock(); defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value.
    public var current: Value { withLock { $0 } }
}

/// Work started on another thread whose result is asked for later.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    private let result = Locked<Value?>(nil)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) { [result] in
            let value = work()
            result.withLock { $0 = value }
        }
    }

    /// Waits for the work, then returns its result.
    var value: Value {
        done.wait()
        return result.current!
    }
}

/// Results of parallel work, one slot per task, filled from any thread.
final class ResultSlots<T>: @unchecked Sendable {
    private let storage: Locked<[T?]>

    init(count: Int) { storage = Locked(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: T) { storage.withLock { $0[index] = value } }

    var values: [T] { storage.current.map { $0! } }
}

/// Hands out task indices to worker threads, each index once.
final class JobCounter: @unchecked Sendable {
    private let next = Locked(0)

    func take(below limit: Int) -> Int? {
        next.withLock { value in
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}
