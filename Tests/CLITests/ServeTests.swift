import Foundation
import RelGraphTestSupport
import Testing

/// `relgraph serve FILE` (contract §2): the page in Chromium follows the file as it is edited,
/// shows its problems while it is invalid, and comes back when it is fixed.
@Suite("relgraph serve", .serialized)
struct ServeTests {
    static let valid = """
        relgraph: 1
        nodes:
          - {id: eu, kind: actor, label: European Union}
          - {id: china, kind: actor, label: China}
        edges:
          - {from: eu, to: china, relation: partner-of}
        """

    @Test("in Chromium: an edit shows, an error shows as FILE:LINE:COLUMN instead of the drawing, a fix shows the drawing again")
    func followsTheFile() throws {
        let folder = try RelGraphCLI.temporaryFolder()
        let file = folder.appendingPathComponent("ties.yaml").path
        try Self.valid.write(toFile: file, atomically: true, encoding: .utf8)
        let server = try ServeProcess([file, "--port", "0"])
        var stopped: (status: Int32, errors: String)?
        defer { if stopped == nil { _ = server.stop() } }
        let steps: [[String: Any]] = [
            ["write": Self.valid + "\n  - {from: china, to: lithuania, relation: sanctioned}\n" + "nodes_:\n", "expect": "problems"],
            [
                "write": Self.valid.replacingOccurrences(of: "edges:", with: "  - {id: lithuania, kind: actor, label: Lithuania}\nedges:")
                    + "\n  - {from: china, to: lithuania, relation: sanctioned}\n", "expect": "node", "id": "lithuania",
            ],
            ["write": Self.valid.replacingOccurrences(of: "kind: actor, label: China", with: "kind: actr, label: China"), "expect": "problems"],
            ["write": Self.valid, "expect": "node", "id": "china"],
        ]
        let script = try String(contentsOf: Fixtures.root.appendingPathComponent("Tests/Browser/serve_driver.py"), encoding: .utf8)
        let stepsJSON = String(decoding: try JSONSerialization.data(withJSONObject: steps), as: UTF8.self)
        let output = try Python.run(script, arguments: [server.url, file, stepsJSON, PageBrowser.screenshots.appendingPathComponent("serve-").path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let opened = report["opened"] as? [String: Any] ?? [:]
        #expect(Set(opened["nodes"] as? [String] ?? []) == ["eu", "china"])
        let seen = report["steps"] as? [[String: Any]] ?? []
        try #require(seen.count == 4)
        for (index, step) in seen.enumerated() { #expect(step["shown"] as? Bool == true, "step \(index): \(step)") }
        let firstProblems = seen[0]["problems"] as? [String] ?? []
        #expect(firstProblems.contains { $0.hasPrefix("\(file):") && $0.contains(": error: ") }, "\(firstProblems)")
        #expect((seen[0]["nodes"] as? [String] ?? []).isEmpty, "no stale drawing under the problems")
        #expect(Set(seen[1]["nodes"] as? [String] ?? []) == ["eu", "china", "lithuania"])
        let kindProblems = seen[2]["problems"] as? [String] ?? []
        #expect(kindProblems.contains { $0.hasPrefix("\(file):4:23: error: unknown kind 'actr'") }, "\(kindProblems)")
        #expect(Set(seen[3]["nodes"] as? [String] ?? []) == ["eu", "china"])
        #expect(report["console"] as? [String] == [], "no errors in the console")
        stopped = server.stop()
        #expect(stopped?.status == 0, "Ctrl-C stops it cleanly")
        #expect(stopped?.errors.contains("relgraph serve: stopped") == true)
    }

    @Test("a port another program holds is a clear error, exit 73")
    func portTaken() throws {
        let file = try RelGraphCLI.file(named: "ties.yaml", Self.valid)
        let server = try ServeProcess([file, "--port", "0"])
        defer { _ = server.stop() }
        let port = try #require(server.url.split(separator: ":").last.map { String($0.dropLast()) })
        let second = try RelGraphCLI.run("serve", file, "--port", port)
        #expect(second.status == 73)
        #expect(second.errors == "error: port \(port) on 127.0.0.1 is taken by another program; choose another with --port (0: any free port)\n")
    }

    @Test("it answers on 127.0.0.1 only, and only to its own address: another Host is refused")
    func loopbackOnly() throws {
        let file = try RelGraphCLI.file(named: "ties.yaml", Self.valid)
        let server = try ServeProcess([file, "--port", "0"])
        defer { _ = server.stop() }
        #expect(server.url.hasPrefix("http://127.0.0.1:"))
        let answers = try Python.run(
            """
            import sys, urllib.request, urllib.error
            def status(host):
                request = urllib.request.Request(sys.argv[1], headers={"Host": host} if host else {})
                try:
                    return urllib.request.urlopen(request).status
                except urllib.error.HTTPError as error:
                    return error.code
            port = sys.argv[1].rstrip("/").rsplit(":", 1)[1]
            print(status(None), status("evil.example:" + port))
            """, arguments: [server.url])
        #expect(answers.trimmingCharacters(in: .whitespacesAndNewlines) == "200 403")
    }
}
