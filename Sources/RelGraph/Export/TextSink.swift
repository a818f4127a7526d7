/// Somewhere exporters write text to: a string in memory, or a file written in chunks.
public protocol TextSink {
    mutating func write(_ text: String)
}

extension String: TextSink {
    public mutating func write(_ text: String) { append(text) }
}
