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
    /// The median CPU time (user and system, every thread of this process) of the runs: on a
    /// shared machine it moves far less than the wall time.
    var cpuSeconds: Double? = nil

    enum CodingKeys: String, CodingKey {
        case operation, size, seconds, runs, note
        case peakMB = "peak_mb"
        case cpuSeconds = "cpu_seconds"
    }
}

enum Measure {
    /// Runs `body` `runs` times; the median time and the peak memory across the runs.
    static func run(_ operation: String, size: Size, runs: Int, note: String? = nil, _ body: () throws -> Void) rethrows -> Measurement {
        resetPeakMemory()
        var times: [Double] = [], cpuTimes: [Double] = []
        for _ in 0..<max(runs, 1) {
            let cpuStart = processCPUSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpuTimes.append(processCPUSeconds() - cpuStart)
        }
        times.sort()
        cpuTimes.sort()
        return Measurement(
            operation: operation, size: size.rawValue, seconds: times[times.count / 2], peakMB: peakMemoryMB(), runs: times.count, note: note,
            cpuSeconds: cpuTimes[cpuTimes.count / 2])
    }

    /// User and system time of every thread of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
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
