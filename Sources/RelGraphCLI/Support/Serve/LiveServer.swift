import FlyingFox
import Foundation
import Synchronization

/// `relgraph serve`'s HTTP server (FlyingFox), on 127.0.0.1 only: `/` is the page as it is now,
/// `/live` a WebSocket that says which version of the file the server has, at once and at every
/// change. Requests that name another host are refused (a web page elsewhere cannot read the
/// graph by pointing a name of its own at 127.0.0.1).
struct LiveServer: HTTPHandler {
    let page: LivePage
    let port: Int
    let versions = VersionBroadcast()

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let host = request.headers[.host] ?? ""
        guard host == "127.0.0.1:\(port)" || host == "localhost:\(port)" else {
            return HTTPResponse(
                statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                body: Data("relgraph serve answers only http://127.0.0.1:\(port)/\n".utf8))
        }
        switch request.path {
        case "/live":
            return try await WebSocketHTTPHandler.webSocket(versions).handleRequest(request)
        case "/", "/index.html":
            let html = page.current.html
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: Data(html))
        default:
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("not found\n".utf8))
        }
    }
}

/// The open pages' WebSockets: each is told the current version when it connects, and every
/// new one.
final class VersionBroadcast: WSMessageHandler, Sendable {
    private let listeners = Mutex<(next: Int, continuations: [Int: AsyncStream<WSMessage>.Continuation])>((0, [:]))
    private let version = Mutex(0)

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        // A page that has gone is dropped at the next announcement (its stream says so): no
        // termination handler, so nothing refers back to this object.
        listeners.withLock { listeners in
            listeners.next += 1
            listeners.continuations[listeners.next] = continuation
        }
        continuation.yield(.text(String(version.withLock { $0 })))
        // The page sends nothing; when it goes, its stream ends.
        Task {
            for await _ in client {}
            continuation.finish()
        }
        return stream
    }

    /// Tells every open page that the server now has `version`.
    func announce(_ version: Int) {
        self.version.withLock { $0 = version }
        let continuations = listeners.withLock { $0.continuations }
        var gone: [Int] = []
        for (key, continuation) in continuations {
            if case .terminated = continuation.yield(.text(String(version))) { gone.append(key) }
        }
        if !gone.isEmpty { listeners.withLock { listeners in for key in gone { listeners.continuations.removeValue(forKey: key) } } }
    }
}
