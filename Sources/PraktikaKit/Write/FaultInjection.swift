import Foundation

/// A test seam: makes the write stage fail, or kill itself with SIGKILL, at
/// one named step, so that tests can prove the output survives every step.
/// Set by tests in-process, or for the command line with
/// `PRAKTIKA_FAULT=fail:STEP`, `crash:STEP` or `pause:STEP` (three seconds,
/// for tests of two builds at once).
public struct FaultInjection: Sendable, Equatable {
    public enum Mode: String, Sendable { case fail, crash, pause }

    /// Every step of the write stage, in order.
    public static let steps = [
        "staging",  // the staging folder was made
        "write",    // the first page is written
        "search",   // before Pagefind indexes the staged tree
        "carry",    // before files praktika did not write are carried into the new tree
        "marker",   // before the marker is written into the new tree
        "zip",      // before the archive is packed
        "switch",   // before the switch
        "between",  // after the first rename of the switch, before the second
        "cleanup",  // after the switch, before the previous tree is removed
    ]

    public var mode: Mode
    public var step: String

    public init(_ mode: Mode, at step: String) {
        self.mode = mode
        self.step = step
    }

    public static func fromEnvironment() -> FaultInjection? {
        guard let value = ProcessInfo.processInfo.environment["PRAKTIKA_FAULT"],
              let colon = value.firstIndex(of: ":"), let mode = Mode(rawValue: String(value[..<colon])) else { return nil }
        return FaultInjection(mode, at: String(value[value.index(after: colon)...]))
    }

    public struct Injected: Error, CustomStringConvertible {
        public let step: String
        public var description: String { "injected fault at step `\(step)`" }
    }

    func check(_ here: String) throws {
        guard here == step else { return }
        switch mode {
        case .fail: throw Injected(step: here)
        case .crash: kill(getpid(), SIGKILL)
        case .pause: Thread.sleep(forTimeInterval: 3)
        }
    }
}

extension Optional where Wrapped == FaultInjection {
    func check(_ here: String) throws { try self?.check(here) }
}
