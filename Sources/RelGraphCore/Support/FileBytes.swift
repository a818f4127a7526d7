import Foundation

/// A file's bytes, whole, for as long as this handle lives: mapped read-only when the file is a
/// regular file (its pages are the kernel's page cache, shared and never copied), otherwise read
/// into memory (a pipe) or copied from bytes already read. Memory is 16-byte aligned either way,
/// so fixed-width columns may be read from it in place.
///
/// The one owner of mapped memory in RelGraph: readers keep a reference to it in whatever they
/// build from the bytes (a snapshot's columns), and the mapping goes when the last one does.
package final class FileBytes: @unchecked Sendable {
    /// How the pages of a mapping will be read.
    package enum Access {
        /// Front to back, once (a CSV file): the kernel reads ahead.
        case sequential
        /// All of them at once, right away (a snapshot's checksums): mapped prefaulted.
        case everything
    }

    /// Why a file's bytes could not be had; `reason` is said to a person.
    package struct Failure: Error {
        package enum Kind { case notFound, folder, notRegularFile, other }
        package let kind: Kind
        package let reason: String
    }

    let bytes: UnsafeRawBufferPointer
    private let isMapped: Bool

    /// The bytes of the file at `path`. A regular file is mapped; anything else is read whole,
    /// unless `requireRegularFile` (then it fails with `.notRegularFile`).
    package init(path: String, access: Access, requireRegularFile: Bool = false) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(kind: errno == ENOENT ? .notFound : .other, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(kind: .other, reason: String(cString: strerror(errno))) }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR { throw Failure(kind: .folder, reason: "it is a folder") }
        if type == S_IFREG {
            let length = Int(status.st_size)
            guard length > 0 else {
                self.bytes = UnsafeRawBufferPointer(start: nil, count: 0)
                isMapped = false
                return
            }
            let flags = access == .everything ? MAP_PRIVATE | MAP_POPULATE : MAP_PRIVATE
            let address = mmap(nil, length, PROT_READ, flags, descriptor, 0)
            guard let address, address != MAP_FAILED else {
                throw Failure(kind: .other, reason: "cannot map it into memory: \(String(cString: strerror(errno)))")
            }
            if access == .sequential { madvise(address, length, MADV_SEQUENTIAL) }
            self.bytes = UnsafeRawBufferPointer(start: address, count: length)
            isMapped = true
            _checkInvariants()
            return
        }
        guard !requireRegularFile else { throw Failure(kind: .notRegularFile, reason: "it is not a regular file") }
        var capacity = 1 << 20, count = 0
        var memory = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        while true {
            if count == capacity {
                let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                larger.copyMemory(from: memory, byteCount: count)
                memory.deallocate()
                memory = larger
                capacity *= 2
            }
            let read = Foundation.read(descriptor, memory + count, capacity - count)
            if read > 0 { count += read; continue }
            if read == 0 { break }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            memory.deallocate()
            throw Failure(kind: .other, reason: "the file could not be read: \(reason)")
        }
        self.bytes = UnsafeRawBufferPointer(start: memory, count: count)
        isMapped = false
        _checkInvariants()
    }

    /// A copy of `data`.
    package init(copying data: some Collection<UInt8>) {
        let count = data.count
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        _ = memory.initializeMemory(as: UInt8.self, from: data)
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(memory)[0..<count])
        isMapped = false
        _checkInvariants()
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        } else {
            base.deallocate()
        }
    }

    /// Gives the pages of `range` back to the kernel, for a reader that is done with them: they
    /// leave this process's resident memory (they stay in the page cache, and read again as
    /// they were if touched). Only whole pages inside the range go; memory that is not a
    /// mapping is kept (a reader of a pipe holds what it read).
    ///
    /// Returns where the released pages end (`range`'s end rounded down to a page): a reader
    /// that gives back what it has read as it goes starts its next range there.
    ///
    /// - Complexity: O(pages released), one system call.
    @discardableResult
    package func release(_ range: Range<Int>) -> Int {
        let page = Int(getpagesize())
        let start = (max(range.lowerBound, 0) + page - 1) / page * page
        let end = min(range.upperBound, bytes.count) / page * page
        guard isMapped, let base = bytes.baseAddress, start < end else { return range.lowerBound }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
        return end
    }

    /// The bytes as `UInt8`s.
    package var buffer: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }

    /// Checks, in debug builds and tests, that the memory is 16-byte aligned (a mapping is
    /// page aligned).
    func _checkInvariants() {
        #if DEBUG
            if let base = bytes.baseAddress {
                precondition(UInt(bitPattern: base) % 16 == 0, "file bytes are not 16-byte aligned")
            }
        #endif
    }
}
