import Foundation
import RelGraphCore

/// Offsets of named time zones (the system's tz database, through Foundation), historical
/// ones included (`Europe/Stockholm` was +00:53:28 in 1818).
enum TimeZoneRules {
    /// The zone, if the name is one of the tz database's.
    static func zone(named name: String) -> TimeZone? {
        guard name.contains("/") || name == "UTC" || name == "GMT" || TimeZone.knownTimeZoneIdentifiers.contains(name) else { return nil }
        return TimeZone(identifier: name)
    }

    /// The zone's offset from UTC at an instant (seconds since the epoch).
    static func offset(of zone: TimeZone, atEpochSecond seconds: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The offset a local reading (seconds since the epoch as if it were UTC) has in the zone,
    /// and the reading itself moved past a gap (a reading the clocks skipped is moved forward by
    /// the gap's length; in an overlap the earlier offset is taken, as java.time does).
    static func resolve(localSeconds local: Int, in zone: TimeZone) -> (offset: Int, localSeconds: Int) {
        let before = offset(of: zone, atEpochSecond: local - 86_400)
        let after = offset(of: zone, atEpochSecond: local + 86_400)
        var valid: [Int] = []
        for candidate in Set([before, after, offset(of: zone, atEpochSecond: local)]) where offset(of: zone, atEpochSecond: local - candidate) == candidate {
            valid.append(candidate)
        }
        if let earliest = valid.max() { return (earliest, local) }
        // A gap: the reading does not exist; move it forward by the gap.
        let gap = after - before
        return (after, local + gap)
    }
}
