/// Text gathered as UTF-8 bytes: what ``OrderedFormatting`` formats each range of lines into.
/// Appending a piece is a copy of its bytes, without the upkeep a `String` does on every append
/// (ASCII flags, index breadcrumbs, growth checks on its storage object).
struct TextBuffer: TextSink {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }
}
