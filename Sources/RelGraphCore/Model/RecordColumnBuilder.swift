/// Values appended as records laid end to end (``RecordWriter``'s encoding), to become a
/// ``ValueColumn`` without a copy: a builder's labels take their bytes and one offset each
/// instead of an array and a few strings on the heap per node.
package struct RecordColumnBuilder<Element: Sendable>: Sendable {
    private var writer = RecordWriter()
    /// `offsets[i] ..< offsets[i + 1]` are record *i*'s bytes.
    private var offsets: [UInt64] = [0]
    private let encode: @Sendable (inout RecordWriter, Element) -> Void
    private let decode: @Sendable (UnsafeRawBufferPointer) -> Element

    init(encode: @escaping @Sendable (inout RecordWriter, Element) -> Void, decode: @escaping @Sendable (UnsafeRawBufferPointer) -> Element) {
        self.encode = encode
        self.decode = decode
    }

    var count: Int { offsets.count - 1 }

    mutating func reserve(_ count: Int) { offsets.reserveCapacity(count + 1) }

    mutating func append(_ value: Element) {
        encode(&writer, value)
        offsets.append(UInt64(writer.bytes.count))
    }

    /// Appends a value already written as its record (by the same encoding).
    mutating func append(record: UnsafeBufferPointer<UInt8>) {
        writer.bytes.append(contentsOf: record)
        offsets.append(UInt64(writer.bytes.count))
    }

    /// The value of record `index`, decoded.
    subscript(index: Int) -> Element { column[index] }

    /// The records as a column that shares their memory.
    ///
    /// - Complexity: O(1).
    var column: ValueColumn<Element> {
        ValueColumn(records: EncodedRecords(offsets: Column(offsets), bytes: Column(writer.bytes)), decode: decode)
    }
}

extension RecordColumnBuilder: Hashable {
    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.offsets == rhs.offsets && lhs.writer.bytes == rhs.writer.bytes }
    package func hash(into hasher: inout Hasher) { hasher.combine(writer.bytes) }
}

extension RecordColumnBuilder where Element == LocalizedText {
    /// Labels and titles.
    static func localizedTexts() -> Self {
        Self(
            encode: { $0.localizedText($1) },
            decode: {
                var reader = RecordReader($0); return reader.localizedText()
            })
    }
}
