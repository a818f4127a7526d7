/// Somewhere exporters write text to: a string in memory, or a file written in chunks.
public protocol TextSink {
    mutating func write(_ text: String)
    /// Writes text given as UTF-8 bytes (valid UTF-8).
    mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>)
}

extension TextSink {
    public mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) { write(String(decoding: bytes, as: UTF8.self)) }
}

extension String: TextSink {
    public mutating func write(_ text: String) { append(text) }
}
