/// When a node or an edge holds: undated, at one (partial) date, or over an interval
/// that may be open at either end.
public enum Timing: Hashable, Sendable {
    /// No date is known; the element exists at every time.
    case undated
    /// A point in time (`date:` in documents). It counts as the element's start.
    case on(PartialDate)
    /// An interval (`start:` and/or `end:` in documents); `nil` ends are open.
    case between(start: PartialDate?, end: PartialDate?)

    /// Builds a timing from a document's `date`, `start` and `end`, checking that they fit.
    public init(date: PartialDate?, start: PartialDate?, end: PartialDate?) throws(TimingError) {
        switch (date, start, end) {
        case (nil, nil, nil):
            self = .undated
        case let (date?, nil, nil):
            self = .on(date)
        case (_?, _, _):
            throw .dateWithInterval
        case let (nil, start, end):
            if let start, let end, end.lastDay < start.firstDay {
                throw .endBeforeStart(start: start, end: end)
            }
            self = .between(start: start, end: end)
        }
    }

    /// The point date, if this timing is one.
    public var date: PartialDate? {
        if case .on(let date) = self { return date }
        return nil
    }

    /// The start of an interval, if there is one.
    public var start: PartialDate? {
        if case .between(let start, _) = self { return start }
        return nil
    }

    /// The end of an interval, if there is one.
    public var end: PartialDate? {
        if case .between(_, let end) = self { return end }
        return nil
    }

    /// Whether the element exists at `moment` (contract §1 "Time").
    ///
    /// An element whose date or start comes after `moment` does not exist yet; one whose end
    /// comes before it no longer exists. A partial `moment` covers all its days: `2021` keeps
    /// an event of 2021-12 and drops an interval that ended in 2020.
    public func exists(asOf moment: PartialDate) -> Bool {
        switch self {
        case .undated:
            return true
        case .on(let date):
            return date.firstDay <= moment.lastDay
        case .between(let start, let end):
            if let start, start.firstDay > moment.lastDay { return false }
            if let end, end.lastDay < moment.firstDay { return false }
            return true
        }
    }
}

/// Why a `date`/`start`/`end` combination is not a valid ``Timing``.
public struct TimingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure it is (new codes may come: switch with a `default`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        public static let dateWithInterval = Code(description: "dateWithInterval")
        public static let endBeforeStart = Code(description: "endBeforeStart")
    }

    /// The failure with its details.
    package enum Reason: Hashable, Sendable {
        case dateWithInterval
        case endBeforeStart(start: PartialDate, end: PartialDate)
    }

    package let reason: Reason

    package init(_ reason: Reason) { self.reason = reason }

    package static let dateWithInterval = Self(.dateWithInterval)
    package static func endBeforeStart(start: PartialDate, end: PartialDate) -> Self { Self(.endBeforeStart(start: start, end: end)) }

    public var code: Code {
        switch reason {
        case .dateWithInterval: return .dateWithInterval
        case .endBeforeStart: return .endBeforeStart
        }
    }

    public var description: String {
        switch reason {
        case .dateWithInterval:
            return "give either 'date' (a point in time) or 'start'/'end' (an interval), not both"
        case let .endBeforeStart(start, end):
            return "'end' \(end) comes before 'start' \(start); swap them or fix the dates"
        }
    }
}

extension Timing: CustomStringConvertible {
    /// The timing for people: `1993`, `2021-07-07 – 2021-07-09`, `until 1991-12`, `since 2021`,
    /// or empty when undated.
    public var description: String { text(in: "en") }

    /// The timing for people in `language`, in RelGraph's built-in words: open intervals read
    /// `since 2021` and `until 1991-12` in English, `2021 से` and `1991-12 तक` in Hindi (`hi`);
    /// dates are written the same (ISO 8601) in every language.
    public func text(in language: String) -> String {
        text(using: Wording(language: language))
    }

    /// The timing in `words` (a document's own `ui:` words where it has them: see
    /// `Graph.timingText(_:in:)`).
    public func text(using words: Wording) -> String {
        switch self {
        case .undated: return ""
        case .on(let date): return date.description
        case let .between(start?, end?): return "\(start) – \(end)"
        case let .between(start?, nil): return words.phrase(.since, start.description)
        case let .between(nil, end?): return words.phrase(.until, end.description)
        case .between(nil, nil): return ""
        }
    }
}
