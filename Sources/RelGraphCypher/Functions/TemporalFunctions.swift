import Foundation
import RelGraphCore

/// `date`, `time`, `localtime`, `datetime`, `localdatetime` (from nothing: now; from text; from
/// a map; from another temporal value), their `.truncate`, `datetime.fromepoch(millis)`,
/// `duration` and `duration.between`/`inMonths`/`inDays`/`inSeconds`.
enum TemporalFunctions {
    private static func refuse(_ call: FunctionCall, _ error: InvalidTemporal) -> CypherError {
        call.failure("\(call.name)(...): \(error.message)")
    }

    /// A temporal value of `kind` from the call's argument.
    static func construct(_ kind: CypherTemporal.Kind, _ call: FunctionCall) throws(CypherError) -> CypherValue {
        if call.arguments.isEmpty {
            do throws(InvalidTemporal) { return .temporal(try now(kind, call)) } catch { throw refuse(call, error) }
        }
        let argument = call.first
        switch argument {
        case .null: return .null
        case .string, .map, .date, .temporal: break
        default: throw call.invalid(argument, .invalidArgumentType)
        }
        do throws(InvalidTemporal) {
            switch argument {
            case .string(let text): return .temporal(try TemporalConstruction.parse(kind, text))
            case .map(let entries):
                if entries.keys.allSatisfy({ $0 == "timezone" }), let zone = entries["timezone"], case .string = zone {
                    return .temporal(try now(kind, call, zone: zone))
                }
                return try TemporalConstruction.make(kind, from: entries).map(CypherValue.temporal) ?? .null
            default:
                let value = argument.temporal!
                let key = kind.hasDate && kind.hasTime && value.kind.hasDate && value.kind.hasTime ? "datetime" : (kind.hasDate ? "date" : "time")
                return try TemporalConstruction.make(kind, from: [key: argument]).map(CypherValue.temporal) ?? .null
            }
        } catch {
            throw refuse(call, error)
        }
    }

    /// The current date or time (the statement's clock), in UTC unless a zone is given.
    private static func now(_ kind: CypherTemporal.Kind, _ call: FunctionCall, zone: CypherValue? = nil) throws(InvalidTemporal) -> CypherTemporal {
        let seconds = Int(call.executor.statementTime.timeIntervalSince1970.rounded(.down))
        let nanoseconds = Int((call.executor.statementTime.timeIntervalSince1970 - Double(seconds)) * 1e9)
        var local = DateTimeParts(seconds: seconds, nanoseconds: nanoseconds)
        var offset = 0
        var zoneName: String?
        if case .string(let text)? = zone {
            guard let parsed = TemporalParser.zone(text) else { throw InvalidTemporal("'\(text)' is not a time zone") }
            offset = TemporalConstruction.offset(of: parsed, instant: local)
            if case .named(let name) = parsed { zoneName = name }
            local = local.shifted(bySeconds: offset)
        }
        return CypherTemporal(kind: kind, epochDay: local.epochDay, nanosecondOfDay: local.nanosecondOfDay, offsetSeconds: offset, zone: zoneName)
    }

    private static func constructor(_ kind: CypherTemporal.Kind) -> CypherFunction {
        CypherFunction(0...1, returns: .temporal(kind), refuses: [0: [.boolean, .integer, .float, .list(.any), .node, .relationship, .path, .duration]]) {
            call in
            try construct(kind, call)
        }
    }

    private static func truncation(_ kind: CypherTemporal.Kind) -> CypherFunction {
        CypherFunction(2...3, returns: .temporal(kind)) { call in
            guard case .string(let unit) = call.arguments[0] else { throw call.invalid(call.arguments[0]) }
            if call.arguments[1].isNull { return .null }
            guard let value = call.arguments[1].temporal else { throw call.invalid(call.arguments[1]) }
            var overrides: [String: CypherValue] = [:]
            if call.arguments.count == 3 {
                guard case .map(let map) = call.arguments[2] else { throw call.invalid(call.arguments[2]) }
                overrides = map
            }
            do throws(InvalidTemporal) {
                return try TemporalTruncation.truncate(kind, unit: unit, value, overrides).map(CypherValue.temporal) ?? .null
            } catch {
                throw refuse(call, error)
            }
        }
    }

    private static func between(_ unit: DurationBetween.Unit) -> CypherFunction {
        CypherFunction(2...2, returns: .duration) { call in
            if call.arguments[0].isNull || call.arguments[1].isNull { return .null }
            guard let from = call.arguments[0].temporal else { throw call.invalid(call.arguments[0]) }
            guard let to = call.arguments[1].temporal else { throw call.invalid(call.arguments[1]) }
            return .duration(DurationBetween.between(from, to, unit))
        }
    }

    private static let date = constructor(.date), localTime = constructor(.localTime), time = constructor(.time)
    private static let localDateTime = constructor(.localDateTime), dateTime = constructor(.dateTime)

    /// One literal table (LeakSanitizer loses track of closures stored into a dictionary
    /// after it is made, and would report these once-made statics as leaks).
    static let all: [String: CypherFunction] = [
        "date": date, "date.transaction": date, "date.statement": date, "date.realtime": date,
        "localtime": localTime, "localtime.transaction": localTime, "localtime.statement": localTime, "localtime.realtime": localTime,
        "time": time, "time.transaction": time, "time.statement": time, "time.realtime": time,
        "localdatetime": localDateTime, "localdatetime.transaction": localDateTime, "localdatetime.statement": localDateTime,
        "localdatetime.realtime": localDateTime,
        "datetime": dateTime, "datetime.transaction": dateTime, "datetime.statement": dateTime, "datetime.realtime": dateTime,
        "date.truncate": truncation(.date), "localtime.truncate": truncation(.localTime), "time.truncate": truncation(.time),
        "localdatetime.truncate": truncation(.localDateTime), "datetime.truncate": truncation(.dateTime),
        "duration": CypherFunction(1...1, returns: .duration) { call in
            switch call.first {
            case .null: return .null
            case .duration: return call.first
            case .map(let entries): return try DurationConstruction.make(from: entries, at: call.position).map(CypherValue.duration) ?? .null
            case .string(let text):
                guard let duration = try DurationConstruction.parse(text, at: call.position) else {
                    throw call.failure("duration(...): '\(text)' is not a duration in ISO 8601 form")
                }
                return .duration(duration)
            case let value: throw call.invalid(value)
            }
        },
        "duration.between": between(.all),
        "duration.inmonths": between(.months),
        "duration.indays": between(.days),
        "duration.inseconds": between(.seconds),
        "datetime.fromepoch": CypherFunction(2...2, returns: .temporal(.dateTime)) { call in
            guard let seconds = try call.integer(0), let nanoseconds = try call.integer(1) else { return .null }
            let instant = DateTimeParts(seconds: seconds, nanoseconds: nanoseconds)
            return .temporal(CypherTemporal(kind: .dateTime, epochDay: instant.epochDay, nanosecondOfDay: instant.nanosecondOfDay))
        },
        "datetime.fromepochmillis": CypherFunction(1...1, returns: .temporal(.dateTime)) { call in
            guard let millis = try call.integer(0) else { return .null }
            let seconds = millis >= 0 ? millis / 1000 : -((-millis + 999) / 1000)
            let instant = DateTimeParts(seconds: seconds, nanoseconds: (millis - seconds * 1000) * 1_000_000)
            return .temporal(CypherTemporal(kind: .dateTime, epochDay: instant.epochDay, nanosecondOfDay: instant.nanosecondOfDay))
        },
    ]
}
