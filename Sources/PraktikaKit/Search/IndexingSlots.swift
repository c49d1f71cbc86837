import Foundation

/// Runs Pagefind processes side by side, two at most (it runs mostly on one
/// thread), and a second only while the budget (the machine's available
/// memory, or `--search-memory`) holds both: a Pagefind process holds about
/// twenty times the bytes of the records it indexes (measured on the
/// generated corpus), so on a small server the bundles are indexed one after
/// another instead of running out of memory.
final class IndexingSlots: @unchecked Sendable {
    /// Resident bytes of a Pagefind process per byte of its records.
    static let bytesPerRecordByte = 20

    private let condition = NSCondition()
    private var running = 0
    private var most = 0
    private var reserved = 0
    private let limit: Int
    private let budget: Int
    private let group = DispatchGroup()

    init(limit: Int = min(2, max(1, ProcessInfo.processInfo.activeProcessorCount)), budget: Int = IndexingSlots.budget(allowing: nil)) {
        self.limit = limit
        self.budget = budget
    }

    /// Starts `work` once a slot is free and its `cost` in bytes fits beside the running ones.
    func start(cost: Int, _ work: @escaping @Sendable () -> Void) {
        condition.lock()
        while running >= limit || (running > 0 && reserved + cost > budget) { condition.wait() }
        running += 1
        most = max(most, running)
        reserved += cost
        condition.unlock()
        DispatchQueue.global().async(group: group) { [self] in
            work()
            condition.lock()
            running -= 1
            reserved -= cost
            condition.broadcast()
            condition.unlock()
        }
    }

    func waitForAll() { group.wait() }

    /// The most processes that ran side by side.
    var mostAtOnce: Int {
        condition.lock()
        defer { condition.unlock() }
        return most
    }

    /// What the processes may hold together: 80 % of the available memory, and at most `memory` (`--search-memory`).
    static func budget(allowing memory: Int?) -> Int {
        min(availableMemory() / 10 * 8, memory ?? .max)
    }

    /// MemAvailable of /proc/meminfo, in bytes; unlimited where there is none.
    static func availableMemory() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
              let kib = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return Int.max / 2 }
        return kib * 1024
    }
}
