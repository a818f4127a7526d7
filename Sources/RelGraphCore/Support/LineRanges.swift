import Foundation

/// Where a reader is in a file's bytes: an offset, its line, and where that line starts.
package struct LinePosition: Sendable, Equatable {
    package var offset: Int
    package var line: Int
    package var lineStart: Int

    package init(offset: Int, line: Int, lineStart: Int) {
        self.offset = offset
        self.line = line
        self.lineStart = lineStart
    }
}

/// A file's bytes cut into ranges of about `chunkBytes`, each after the first starting right
/// after a line feed, with the line each range starts on, so that readers can read the ranges on
/// every core and report the positions of reading the file from start to end. Lines are counted
/// by line feeds whatever the format, so a range that starts where its reader expects starts on
/// the right line; whether it does start at a record (a CSV line feed may lie inside a quoted
/// field, a JSON one between any two tokens) is the reader's to check: the range before must end
/// exactly there.
package struct LineRanges: Sendable {
    private let starts: [Int]
    private let lines: [Int]
    /// Where the first range starts (for a CSV file: after the header or the byte order mark).
    package let first: LinePosition
    private let fileEnd: Int

    package init(file: FileBytes, from first: LinePosition, chunkBytes: Int) {
        let bytes = file.buffer
        self.first = first
        fileEnd = bytes.count
        var starts = [first.offset]
        var next = first.offset + max(chunkBytes, 1)
        while next < bytes.count {
            guard let feed = UnsafeBufferPointer(rebasing: bytes[next...]).firstIndex(of: 0x0A) else { break }
            let start = next + feed + 1
            guard start < bytes.count else { break }
            starts.append(start)
            next = start + max(chunkBytes, 1)
        }
        self.starts = starts
        // Line feeds in each range, counted on every core.
        let boxed = file
        let ends = Array(starts.dropFirst()) + [bytes.count]
        let counts = Parallel.map(starts.count) { [starts] index in
            let count = Self.lineFeeds(in: UnsafeBufferPointer(rebasing: boxed.buffer[starts[index]..<ends[index]]))
            // Read again only when the range is parsed: till then its pages need not be resident.
            boxed.release(starts[index]..<ends[index])
            return count
        }
        var lines: [Int] = []
        lines.reserveCapacity(starts.count)
        var line = first.line
        for count in counts {
            lines.append(line)
            line += count
        }
        self.lines = lines
    }

    package var count: Int { starts.count }

    /// The line feeds in `bytes`, eight bytes at a time.
    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                // The high bit of each byte that was a line feed (now zero), exactly.
                let zero = ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word) & 0x8080_8080_8080_8080
                count &+= zero.nonzeroBitCount
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] == 0x0A { count += 1 }
            index += 1
        }
        return count
    }

    /// Where range `index` starts, if the ranges before it ended at a line feed.
    package func start(of index: Int) -> LinePosition {
        index == 0 ? first : LinePosition(offset: starts[index], line: lines[index], lineStart: starts[index])
    }

    /// Where range `index` ends: records that start before it belong to the range.
    package func end(of index: Int) -> Int {
        index + 1 < starts.count ? starts[index + 1] : fileEnd
    }
}
