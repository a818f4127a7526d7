/// Node labels written on a reading thread as the records the builder keeps labels as
/// (``RecordWriter``'s layout of a ``LocalizedText``), one after another in one buffer per
/// range: no `LocalizedText`, and no `String` per text, is made for them, and the building
/// thread appends each record as it is (``GraphBuilder/addNode(checked:idHash:label:in:)``).
package struct LabelRecords: Sendable {
    private var writer = RecordWriter()
    /// The entries of the label being written.
    private var entries = 0

    package init() {}

    /// Where the next label's record begins.
    package var end: Int { writer.bytes.count }

    /// Writes a label whose entries `write` writes one by one (``entry(language:utf8:)``), and
    /// returns where its record is; nil, having written nothing, when `write` returns false or
    /// writes more than 127 entries (the count is one byte, written once known).
    ///
    /// - Complexity: O(*n*) in the bytes written, amortized.
    package mutating func label(_ write: (inout Self) -> Bool) -> Range<Int>? {
        let start = end
        writer.bytes.append(0)
        entries = 0
        guard write(&self), entries < 0x80 else {
            discard(from: start)
            return nil
        }
        writer.bytes[start] = UInt8(entries)
        return start..<end
    }

    /// Forgets the labels written from `offset` on (those of a record found not to be plain).
    package mutating func discard(from offset: Int) {
        writer.bytes.removeSubrange(offset...)
    }

    /// Writes one entry of a label: its language (nil: none) and its text as UTF-8 bytes
    /// (valid UTF-8, which the caller checked).
    package mutating func entry(language: String?, utf8 text: UnsafeBufferPointer<UInt8>) {
        entries += 1
        writer.optionalText(language)
        writer.text(utf8: text)
    }

    /// Calls `body` with the bytes of the record at `range`.
    fileprivate func withRecord<Result, Failure: Error>(
        at range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try writer.bytes.withUnsafeBufferPointer { bytes throws(Failure) in try body(UnsafeBufferPointer(rebasing: bytes[range])) }
    }
}

extension GraphBuilder {
    /// ``addNode(checked:idHash:)`` for a node whose label a reader wrote as the record at
    /// `label` in `labels`: the record is appended as it is, and the node's own `label` is not read.
    @discardableResult
    package mutating func addNode(checked node: Node, idHash: Int? = nil, label: Range<Int>, in labels: LabelRecords) throws(GraphError)
        -> NodeIndex
    {
        try labels.withRecord(at: label) { record throws(GraphError) in try addNode(checked: node, idHash: idHash, labelRecord: record) }
    }
}
