/// Text gathered as UTF-8 bytes: what ``OrderedFormatting`` formats each range of lines into.
/// Appending a piece is a copy of its bytes, without the upkeep a `String` does on every append
/// (ASCII flags, index breadcrumbs, growth checks on its storage object).
package struct TextBuffer: TextSink {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    package mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    package mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }

    /// Appends one byte (an ASCII character or part of a UTF-8 sequence the caller completes).
    @inline(__always)
    package mutating func write(byte: UInt8) { bytes.append(byte) }

    /// Appends `value` in decimal, at least `width` digits (zero-padded); `value` is not negative.
    ///
    /// - Complexity: O(number of digits), no allocation beyond the buffer's growth.
    package mutating func write(decimal value: Int, width: Int = 1) {
        precondition(value >= 0 && width <= 20, "a non-negative number of at most 20 digits")
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for Int.max
        withUnsafeMutableBytes(of: &digits) { space in
            var value = value, position = space.count
            repeat {
                position -= 1
                space[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0 || space.count - position < width
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: space[position...]))
        }
    }

    /// Empties the buffer, keeping its storage for the next text.
    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
