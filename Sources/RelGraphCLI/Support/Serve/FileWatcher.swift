import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches a file (or a folder's files) and calls back when it changes, however an editor saves
/// it: in place, or by writing another file and renaming it over this one. On Linux it listens
/// to inotify events on the file's folder; elsewhere, or where inotify cannot be had, it looks
/// at the file's size and time every 300 ms. Events that come in a burst (an editor's save is
/// several) give one call, 150 ms after the last.
final class FileWatcher: Sendable {
    private let path: String
    private let onChange: @Sendable () -> Void

    init(path: String, onChange: @escaping @Sendable () -> Void) {
        self.path = path
        self.onChange = onChange
    }

    /// Starts watching on a thread of its own, for as long as the program runs.
    func start() {
        let thread = Thread { [self] in
            #if canImport(Glibc)
                if watchWithInotify() { return }
            #endif
            watchByPolling()
        }
        thread.name = "relgraph serve: watching \(path)"
        thread.start()
    }

    #if canImport(Glibc)
        /// False when inotify cannot be had (then the caller polls).
        private func watchWithInotify() -> Bool {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { return false }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let url = URL(fileURLWithPath: path)
            let folder = isFolder.boolValue ? url.path : url.deletingLastPathComponent().path
            let name = isFolder.boolValue ? nil : url.lastPathComponent
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
            guard inotify_add_watch(descriptor, folder, mask) >= 0 else {
                close(descriptor)
                return false
            }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var pending = false
            while true {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, pending ? 150 : -1)
                if ready == 0 {
                    // Quiet for 150 ms after a change: the save is over.
                    pending = false
                    onChange()
                    continue
                }
                guard ready > 0 else { if errno == EINTR { continue } else { break } }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                var offset = 0
                while offset + 16 <= count {
                    let length = buffer.withUnsafeBytes { Int($0.load(fromByteOffset: offset + 12, as: UInt32.self)) }
                    if let name {
                        let bytes = buffer[(offset + 16)..<min(offset + 16 + length, count)]
                        let eventName = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                        if eventName == name { pending = true }
                    } else {
                        pending = true
                    }
                    offset += 16 + length
                }
            }
            close(descriptor)
            return false
        }
    #endif

    private func watchByPolling() {
        func signature() -> [String] {
            let manager = FileManager.default
            var paths = [path]
            if let files = try? manager.contentsOfDirectory(atPath: path) { paths += files.sorted().map { path + "/" + $0 } }
            return paths.map { file in
                let attributes = try? manager.attributesOfItem(atPath: file)
                return "\(file) \(attributes?[.size] ?? "-") \(attributes?[.modificationDate] ?? "-")"
            }
        }
        var last = signature()
        while true {
            Thread.sleep(forTimeInterval: 0.3)
            let now = signature()
            if now != last {
                last = now
                onChange()
            }
        }
    }
}
