import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// Whether `other` holds the same bytes (one `memcmp`, not a loop over elements).
    ///
    /// - Complexity: O(*n*) in the bytes' count.
    @inlinable
    package func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}

/// A few short ASCII names (map keys, at most 16 bytes each), found in bytes by comparing the
/// bytes packed into two integers instead of byte by byte.
package struct ShortNames: Sendable {
    private let names: [(count: Int, low: UInt64, high: UInt64)]

    package init(_ names: [String]) {
        self.names = names.map { name in
            precondition(name.utf8.count <= 16, "a short name has at most 16 bytes")
            let (low, high) = Array(name.utf8).withUnsafeBufferPointer { Self.packed($0) }
            return (name.utf8.count, low, high)
        }
    }

    /// The index of the name `bytes` spell, if any.
    @inline(__always)
    package func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count <= 16 else { return nil }
        let (low, high) = Self.packed(bytes)
        for (index, name) in names.enumerated() where name.count == bytes.count && name.low == low && name.high == high { return index }
        return nil
    }

    @inline(__always)
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { low |= UInt64(byte) << (8 * UInt64(index)) } else { high |= UInt64(byte) << (8 * UInt64(index - 8)) }
        }
        return (low, high)
    }
}
