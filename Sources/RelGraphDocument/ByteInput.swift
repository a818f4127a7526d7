import RelGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes read in chunks from a file descriptor, or from memory, with the position of the
/// current byte tracked as line and column.
///
/// Reading in chunks keeps a large document out of memory: only one chunk is held at a time.
/// A struct, so the hot state is checked for exclusive access at compile time, not at run time;
/// only the chunk's memory lives in a class, to be freed with the last copy.
package struct ByteInput {
    /// The chunk's memory.
    private final class Chunk {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        init(capacity: Int) { buffer = .allocate(capacity: capacity) }
        deinit { buffer.deallocate() }
    }

    /// What keeps `buffer` alive: the chunk, or the mapped file.
    private let owner: AnyObject
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var index = 0
    private var count = 0
    private let descriptor: Int32?
    private var exhausted = false
    /// Where the bytes read from the descriptor are counted (see ``ProgressCounter``).
    private let progress = ProgressCounter.current
    /// Absolute offset of `buffer[0]` in the input.
    private var bufferOffset = 0

    private var line: Int32 = 1
    /// Absolute offset of the current line's first byte.
    private var lineStart = 0
    /// UTF-8 continuation bytes seen on the current line before the current byte.
    private var continuationBytes = 0

    static let chunkSize = 1 << 20

    /// Reads from an open file descriptor (not closed here).
    package init(descriptor: Int32) {
        self.descriptor = descriptor
        let chunk = Chunk(capacity: ByteInput.chunkSize)
        owner = chunk
        buffer = chunk.buffer
    }

    /// Reads from bytes in memory.
    package init(bytes: some Collection<UInt8>) {
        descriptor = nil
        let chunk = Chunk(capacity: max(bytes.count, 1))
        owner = chunk
        buffer = chunk.buffer
        _ = buffer.initialize(from: bytes)
        count = bytes.count
        exhausted = true
    }

    /// Where an input is: enough to read on from there, with the same positions, in another
    /// input over the same bytes.
    struct Mark: Sendable, Equatable {
        /// The byte's offset in the input.
        var offset: Int
        var line: Int
        /// The offset of the line's first byte.
        var lineStart: Int
        /// UTF-8 continuation bytes on the line before `offset`.
        var continuationBytes: Int

        /// The start of a line.
        init(lineStartingAt offset: Int, line: Int) {
            self.init(offset: offset, line: line, lineStart: offset, continuationBytes: 0)
        }

        init(offset: Int, line: Int, lineStart: Int, continuationBytes: Int) {
            self.offset = offset
            self.line = line
            self.lineStart = lineStart
            self.continuationBytes = continuationBytes
        }

        /// The mark of `offset` on `line` in `bytes`: its line's start and continuation bytes
        /// found by looking back for the line feed before it.
        init(offset: Int, line: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            var lineStart = offset, continuationBytes = 0
            while lineStart > 0, bytes[lineStart - 1] != 0x0A {
                lineStart -= 1
                if bytes[lineStart] >= 0x80, bytes[lineStart] < 0xC0 { continuationBytes += 1 }
            }
            self.init(offset: offset, line: line, lineStart: lineStart, continuationBytes: continuationBytes)
        }
    }

    /// Reads the bytes of a file from `mark` on, in place (the file is kept, not copied).
    init(file: FileBytes, at mark: Mark) {
        descriptor = nil
        owner = file
        buffer = UnsafeMutableBufferPointer(mutating: file.buffer)
        count = file.buffer.count
        exhausted = true
        move(to: mark)
    }

    /// Where the input is (for inputs read from memory).
    var mark: Mark {
        Mark(offset: bufferOffset + index, line: Int(line), lineStart: lineStart, continuationBytes: continuationBytes)
    }

    /// The offset of the current byte.
    var offset: Int { bufferOffset + index }

    /// The bytes from the current one to the end, for inputs in memory (nil when reading a file descriptor).
    var remainingBytes: UnsafeBufferPointer<UInt8>? {
        descriptor == nil ? UnsafeBufferPointer(rebasing: buffer[index..<count]) : nil
    }

    /// Moves past `count` bytes on the current line, `continuationBytes` of them UTF-8
    /// continuation bytes.
    mutating func advance(onLine count: Int, continuationBytes: Int) {
        index += count
        self.continuationBytes += continuationBytes
    }

    /// Goes on from `mark`, which another input over the same bytes reached (memory only).
    mutating func move(to mark: Mark) {
        index = mark.offset
        line = Int32(mark.line)
        lineStart = mark.lineStart
        continuationBytes = mark.continuationBytes
    }

    /// The position of the current byte.
    package var position: TextPosition {
        let offset = bufferOffset + index
        return TextPosition(line: Int(line), column: offset - lineStart - continuationBytes + 1)
    }

    /// The current byte, or nil at the end of input.
    @inline(__always)
    package mutating func peek() throws(ReadError) -> UInt8? {
        if index < count { return buffer[index] }
        return try refill() ? buffer[index] : nil
    }

    /// Moves past the current byte, which the caller has peeked (so it exists).
    @inline(__always)
    package mutating func advance() {
        let byte = buffer[index]
        index += 1
        if byte >= 0x80, byte < 0xC0 { continuationBytes += 1 }
    }

    /// Counts columns from the current byte again (after a byte order mark).
    package mutating func restartLine() {
        lineStart = bufferOffset + index
        continuationBytes = 0
    }

    /// Moves past a newline the caller has peeked.
    @inline(__always)
    package mutating func advanceNewline() {
        index += 1
        line += 1
        lineStart = bufferOffset + index
        continuationBytes = 0
    }

    /// Copies bytes into `output` while `keep` holds for them, advancing past them.
    /// The bytes must not contain newlines. Returns the first byte that failed `keep`, or nil at the end.
    @inline(__always)
    package mutating func take(into output: inout [UInt8], while keep: (UInt8) -> Bool) throws(ReadError) -> UInt8? {
        while true {
            let start = index
            while index < count {
                let byte = buffer[index]
                if !keep(byte) { break }
                if byte >= 0x80, byte < 0xC0 { continuationBytes += 1 }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
            if index < count { return buffer[index] }
            guard try refill() else { return nil }
        }
    }

    /// Reads the bytes for which `keep` holds as UTF-8 text, advancing past them; they must not
    /// contain newlines. Text within one chunk is made straight from it; text that crosses
    /// chunks is gathered in `scratch`. Nil when the bytes are not valid UTF-8.
    @inline(__always)
    package mutating func text(while keep: (UInt8) -> Bool, scratch: inout [UInt8]) throws(ReadError) -> String? {
        let start = index
        while index < count {
            let byte = buffer[index]
            if !keep(byte) {
                return String(validUTF8: UnsafeBufferPointer(rebasing: buffer[start..<index]))
            }
            if byte >= 0x80, byte < 0xC0 { continuationBytes += 1 }
            index += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
        guard try refill() else { return String(validUTF8: scratch) }
        _ = try take(into: &scratch, while: keep)
        return String(validUTF8: scratch)
    }

    private static func readBytes(_ descriptor: Int32, _ address: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Int {
        read(descriptor, address, count)
    }

    private mutating func refill() throws(ReadError) -> Bool {
        guard !exhausted, let descriptor else { return false }
        bufferOffset += count
        index = 0
        count = 0
        while true {
            let read = Self.readBytes(descriptor, buffer.baseAddress, buffer.count)
            if read > 0 { count = read; progress?.add(read); return true }
            if read == 0 { exhausted = true; return false }
            if errno == EINTR { continue }
            throw ReadError(position: position, problem: .syntax("the file could not be read: \(String(cString: strerror(errno)))"))
        }
    }
}
