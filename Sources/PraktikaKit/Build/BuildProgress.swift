import Foundation

/// "rendering pages 4200 / 14799" on a terminal while a large build runs;
/// nothing per page otherwise, so CI logs stay short.
final class BuildProgress: @unchecked Sendable {
    private let done = Locked(0)
    private let total: Int
    private let stage: String
    private let live: Bool
    private var timer: DispatchSourceTimer?

    init(stage: String, total: Int, enabled: Bool) {
        self.stage = stage
        self.total = total
        live = enabled && total >= 500 && isatty(STDERR_FILENO) == 1
        guard live else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 0.3, repeating: 0.2)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    func advance() {
        guard live else { return }
        done.withLock { $0 += 1 }
    }

    private func draw() {
        let count = done.current
        FileHandle.standardError.write(Data("\rpraktika: \(stage) \(count) / \(total)   ".utf8))
    }

    func finish() {
        guard live else { return }
        timer?.cancel()
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
