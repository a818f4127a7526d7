import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// A running ``LiveServer``, started and stopped from `relgraph serve`'s synchronous command:
/// the server runs on Swift's concurrency threads while the command's thread waits.
struct ServerRun: Sendable {
    let server: HTTPServer
    let handler: LiveServer
    /// The port it listens on (the one the system chose, for `--port 0`).
    let port: Int

    /// Starts a server for `page` on 127.0.0.1:`port` and returns once it listens; a port taken
    /// by another program fails with exit 73 (the output, the served page, cannot be created).
    static func start(page: LivePage, port: Int) throws -> ServerRun {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: "127.0.0.1", port: UInt16(port))
        } catch {
            throw CommandFailure("error: cannot serve on 127.0.0.1:\(port): \(error.localizedDescription)", code: CommandFailure.cannotCreate)
        }
        // The port the server finally has is known only once it listens: the handler is told it
        // through this box (its Host check needs it).
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled)
        let outcome = Outcome()
        let ready = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await server.run()
            } catch {
                outcome.settle(.failure(error))
                ready.signal()
            }
        }
        Task.detached {
            try? await server.waitUntilListening(timeout: 30)
            guard case .ip4(_, let listening)? = await server.listeningAddress else { return }
            outcome.settle(.success(Int(listening)))
            ready.signal()
        }
        guard ready.wait(timeout: .now() + 35) == .success, let result = outcome.result else {
            throw CommandFailure("error: the server on 127.0.0.1:\(port) did not start", code: CommandFailure.cannotCreate)
        }
        switch result {
        case .failure(let error):
            if case .failed(_, let code, _)? = error as? SocketError, code == EADDRINUSE {
                throw CommandFailure(
                    "error: port \(port) on 127.0.0.1 is taken by another program; choose another with --port (0: any free port)",
                    code: CommandFailure.cannotCreate)
            }
            throw CommandFailure("error: cannot serve on 127.0.0.1:\(port): \(error.localizedDescription)", code: CommandFailure.cannotCreate)
        case .success(let listening):
            let handler = LiveServer(page: page, port: listening)
            let added = DispatchSemaphore(value: 0)
            Task.detached {
                await server.appendRoute("*", to: handler)
                added.signal()
            }
            added.wait()
            return ServerRun(server: server, handler: handler, port: listening)
        }
    }

    /// What came first: the server failing, or listening on a port.
    private final class Outcome: Sendable {
        private let value = Mutex<Result<Int, any Error>?>(nil)
        var result: Result<Int, any Error>? { value.withLock { $0 } }
        func settle(_ result: Result<Int, any Error>) { value.withLock { if $0 == nil { $0 = result } } }
    }

    /// Blocks until Ctrl-C (SIGINT) or SIGTERM.
    static func waitForInterrupt() {
        let stop = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }
        stop.wait()
        sources.forEach { $0.cancel() }
    }

    /// Closes the listening socket and the open connections, within a second.
    func stop() {
        let done = DispatchSemaphore(value: 0)
        let server = self.server
        Task.detached {
            await server.stop(timeout: 1)
            done.signal()
        }
        _ = done.wait(timeout: .now() + 3)
    }
}
