/// Node labels written on a reading thread as the records the builder keeps labels as
/// (``RecordWriter``'s layout of a ``LocalizedText``), one after another in one buffer per
/// range: no `LocalizedText`, and no `String` per text, is made for them, and the building
/// thread appends each record as it is (``GraphBuilder/addNode(checked:idHash:labelRecord:)``).
package struct LabelRecords: Sendable {
    private var writer = RecordWriter()

    package init() {}

    /// Where the next label's record begins.
    package var end: Int { writer.bytes.count }

    /// Writes a label of `entries` entries, `write` then writing each (``entry(language:utf8:)``);
    /// returns where its record is.
    package mutating func label(entries: Int, _ write: (inout Self) -> Void) -> Range<Int> {
        let start = end
        writer.varint(entries)
        write(&self)
        return start..<end
    }

    /// Writes one entry of a label: its language (nil: none) and its text as UTF-8 bytes
    /// (valid UTF-8, which the caller checked).
    package mutating func entry(language: String?, utf8 text: UnsafeBufferPointer<UInt8>) {
        if let language {
            writer.bytes.append(1)
            writer.text(language)
        } else {
            writer.bytes.append(0)
        }
        writer.text(utf8: text)
    }

    /// Calls `body` with the bytes of the record at `range`.
    package func withRecord<Result, Failure: Error>(
        at range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try writer.bytes.withUnsafeBufferPointer { bytes throws(Failure) in try body(UnsafeBufferPointer(rebasing: bytes[range])) }
    }
}
