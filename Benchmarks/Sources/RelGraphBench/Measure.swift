import Foundation

/// Timing and memory for one operation: the median of several runs, and the peak resident
/// memory of the process while it ran (Linux's VmHWM, reset before the operation).
struct Measurement: Encodable {
    var operation: String
    var size: String
    var seconds: Double
    var peakMB: Double
    var runs: Int
    var note: String?

    enum CodingKeys: String, CodingKey {
        case operation, size, seconds, runs, note
        case peakMB = "peak_mb"
    }
}

enum Measure {
    /// Runs `body` `runs` times; the median time and the peak memory across the runs.
    static func run(_ operation: String, size: Size, runs: Int, note: String? = nil, _ body: () throws -> Void) rethrows -> Measurement {
        resetPeakMemory()
        var times: [Double] = []
        for _ in 0..<max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return Measurement(operation: operation, size: size.rawValue, seconds: times[times.count / 2], peakMB: peakMemoryMB(), runs: times.count, note: note)
    }

    /// Resets the kernel's record of peak resident memory for this process.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// Resident memory now, in MB.
    static func residentMemoryMB() -> Double {
        statusField("VmRSS:")
    }

    /// Peak resident memory since the last reset, in MB.
    static func peakMemoryMB() -> Double {
        statusField("VmHWM:")
    }

    static func statusField(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
