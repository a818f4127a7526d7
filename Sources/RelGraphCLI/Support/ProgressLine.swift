import Foundation
import RelGraph

/// The line on stderr that shows how a long load, write or drawing is going: it appears once
/// the work has run for a second, says what is done, how fast and (when the total is known)
/// how long is left, is redrawn five times a second and wiped when the work ends. Only when
/// stderr is a terminal and `--quiet` was not given.
enum ProgressLine {
    /// Whether progress is shown; bound for a command's run by ``CommandFailure/reporting(progress:_:)``.
    @TaskLocal static var isEnabled = false

    /// Runs `body`, counting the bytes it reads or writes (see ``ProgressCounter``) and showing
    /// them as `what` if it takes more than a second; with `counting` false, only the time.
    /// `total` is asked for only when progress is shown (a file's size costs a `stat` and, through
    /// FileManager, user and group look-ups in /etc/passwd and /etc/group).
    static func tracking<T>(_ what: String, total: @autoclosure () -> Int? = nil, counting: Bool = true, _ body: () throws -> T) throws -> T {
        guard isEnabled else { return try body() }
        let counter = ProgressCounter(total: total())
        let display = Display(what: what, counter: counting ? counter : nil)
        display.start()
        defer { display.stop() }
        return try ProgressCounter.$current.withValue(counter) { try body() }
    }

    /// The thread that redraws the line until stopped.
    private final class Display: @unchecked Sendable {
        let what: String
        let counter: ProgressCounter?
        let started = Date()
        /// Guards `stopped` and `shown`; the thread waits on it between redraws.
        private let condition = NSCondition()
        private var stopped = false
        private var shown = false
        private var finished = false

        init(what: String, counter: ProgressCounter?) {
            self.what = what
            self.counter = counter
        }

        func start() {
            Thread.detachNewThread { [self] in run() }
        }

        /// Stops the thread, waits for it, and wipes the line if it was drawn.
        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            while !finished { condition.wait() }
            let wipe = shown
            condition.unlock()
            if wipe { Console.progress("") }
        }

        private func run() {
            condition.lock()
            defer {
                finished = true
                condition.broadcast()
                condition.unlock()
            }
            var next = started.addingTimeInterval(1)
            while !stopped {
                if !condition.wait(until: next), !stopped {
                    Console.progress(line())
                    shown = true
                    next = Date().addingTimeInterval(0.2)
                }
            }
        }

        /// "reading big.json: 120 MB of 559 MB (21%), 45 MB/s, about 10 s left".
        private func line() -> String {
            let seconds = Date().timeIntervalSince(started)
            guard let counter else { return "\(what): \(Int(seconds)) s" }
            let done = counter.completed
            let rate = Double(done) / max(seconds, 0.001)
            var text = "\(what): \(Self.size(done))"
            if let total = counter.total, total > 0 {
                text += " of \(Self.size(total)) (\(min(100, done * 100 / total))%)"
            }
            text += ", \(Self.size(Int(rate)))/s"
            if let total = counter.total, rate > 0, done < total {
                text += ", about \(Int((Double(total - done) / rate).rounded(.up))) s left"
            }
            return text
        }

        private static func size(_ bytes: Int) -> String {
            bytes >= 10 << 20 ? "\(bytes >> 20) MB" : bytes >= 10 << 10 ? "\(bytes >> 10) kB" : "\(bytes) B"
        }
    }
}
