import Foundation

/// Writing all of a buffer to a file descriptor, the one loop shared by output files and the
/// command line's console.
package enum FileDescriptorWriting {
    /// Writes every byte of `bytes` to `descriptor`, retrying after interruptions; returns the
    /// `errno` of the write that failed, or nil when all was written.
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
