/// A read-only column of values that are not fixed-width bytes (ids, labels, attributes,
/// timings): an array the graph built, or records in a snapshot decoded one at a time when read,
/// so opening a snapshot allocates nothing per node or edge.
package struct ValueColumn<Element: Sendable>: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case owned([Element])
        case encoded(EncodedRecords, decode: @Sendable (UnsafeRawBufferPointer) -> Element)
        case sparse(count: Int, read: @Sendable (Int) -> Element)
    }

    private let storage: Storage

    init(_ values: [Element]) { storage = .owned(values) }

    /// Values kept as `records`, each turned into an element by `decode` when it is read.
    /// `decode` is given exactly the record's bytes and must accept any bytes (a damaged
    /// record decodes to something, never traps).
    init(records: EncodedRecords, decode: @escaping @Sendable (UnsafeRawBufferPointer) -> Element) {
        storage = .encoded(records, decode: decode)
    }

    /// Optional values of which most are absent, kept as a ``SparseValues``.
    init<Wrapped>(sparse values: SparseValues<Wrapped>) where Element == Wrapped? {
        storage = .sparse(count: values.count) { values[$0] }
    }

    /// Values of which most are `absent` (an empty list), kept as a ``SparseValues``.
    init(sparse values: SparseValues<Element>, absent: Element) {
        storage = .sparse(count: values.count) { values[$0] ?? absent }
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int {
        switch storage {
        case .owned(let values): return values.count
        case .encoded(let records, _): return records.count
        case .sparse(let count, _): return count
        }
    }

    package subscript(position: Int) -> Element {
        switch storage {
        case .owned(let values): return values[position]
        case .encoded(let records, let decode): return records.withRecord(position, decode)
        case .sparse(_, let read): return read(position)
        }
    }

    /// The values as an array (the column's own when it was built in memory).
    var array: [Element] {
        switch storage {
        case .owned(let values): return values
        case .encoded, .sparse: return Array(self)
        }
    }

    /// Two columns' values one after the other.
    package static func + (lhs: Self, rhs: Self) -> [Element] { lhs.array + rhs.array }
}

/// Variable-length records laid end to end in `bytes`: record *i* spans
/// `bytes[offsets[i] ..< offsets[i + 1]]`, or, without offsets, `stride` bytes from `i * stride`.
///
/// The offsets come from a file and are not trusted: a record whose bounds are out of order or
/// outside `bytes` is read as empty.
struct EncodedRecords: Sendable {
    let count: Int
    private let offsets: Column<UInt64>?
    private let stride: Int
    private let bytes: Column<UInt8>

    /// `count` records delimited by `offsets` (`count + 1` of them).
    init(offsets: Column<UInt64>, bytes: Column<UInt8>) {
        precondition(offsets.count >= 1, "records need a closing offset")
        count = offsets.count - 1
        self.offsets = offsets
        stride = 0
        self.bytes = bytes
    }

    /// Records of `stride` bytes each.
    init(stride: Int, bytes: Column<UInt8>) {
        precondition(stride > 0)
        count = bytes.count / stride
        offsets = nil
        self.stride = stride
        self.bytes = bytes
    }

    @inline(__always)
    func withRecord<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "record index out of range")
        let start: UInt64, end: UInt64
        if let offsets {
            start = offsets[index]
            end = offsets[index + 1]
        } else {
            start = UInt64(index * stride)
            end = start + UInt64(stride)
        }
        return bytes.withUnsafeBytes { all in
            guard start <= end, end <= UInt64(all.count) else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            return body(UnsafeRawBufferPointer(rebasing: all[Int(start)..<Int(end)]))
        }
    }
}
