import RelGraphCore

/// The `date`, `start` and `end` columns of one record read on the fast path: each may be
/// given once, and together they make the record's timing.
struct CSVFastDates {
    private var date: PartialDate?, start: PartialDate?, end: PartialDate?

    /// Takes `field` as the date of `column` (`.date`, `.startDate` or `.endDate`); false where
    /// it is not a date or that column was given already (the record then takes the slow path,
    /// which says what is wrong).
    ///
    /// - Complexity: O(length of `field`).
    @inline(__always)
    mutating func take(_ field: UnsafeBufferPointer<UInt8>, as column: CSVTable.Column) -> Bool {
        guard let parsed = try? PartialDate(parsingUTF8: field) else { return false }
        switch column {
        case .date: guard date == nil else { return false }; date = parsed
        case .startDate: guard start == nil else { return false }; start = parsed
        default: guard end == nil else { return false }; end = parsed
        }
        return true
    }

    /// The timing the dates make, undated without any; nil where they do not make one (an end
    /// before its start).
    var timing: Timing? {
        guard date != nil || start != nil || end != nil else { return .undated }
        return try? Timing(date: date, start: start, end: end)
    }
}
