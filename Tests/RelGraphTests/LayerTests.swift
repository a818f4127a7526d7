import Foundation
import RelGraphTestSupport
import Testing

/// The library's targets are layers the compiler keeps apart (Package.swift). Inside the core
/// target, RelGraphCore, the folders are layers too, whose dependencies run one way (docs/internals.md,
/// "Code map"): a file may use what its own folder and the folders below it declare, never
/// what a folder above declares. The compiler cannot see folders, so this test reads the
/// sources: the types each folder declares, and the names each file uses.
@Suite("The core's layers")
struct LayerTests {
    /// Lowest first.
    static let layers = ["Support", "Diagnostics", "Model", "Output", "Query", "Snapshot", "Formats"]
    static let root = Fixtures.root.appendingPathComponent("Sources/RelGraphCore")

    @Test("every source file of RelGraphCore sits in a layer's folder")
    func everyFileInALayer() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.path)
        #expect(Set(folders) == Set(Self.layers))
    }

    @Test("no file uses a type declared in a layer above its own", arguments: layers)
    func dependenciesRunOneWay(layer: String) throws {
        let declared = try Dictionary(uniqueKeysWithValues: Self.layers.map { ($0, try Self.declarations(in: $0)) })
        let position = Self.layers.firstIndex(of: layer)!
        let above = Self.layers[(position + 1)...]
        // A name declared here or below may be used even if a layer above reuses it for a nested
        // type of its own (`Column`: Model's storage column, Cypher's property column).
        let allowed = Self.layers[...position].reduce(into: Set<String>()) { $0.formUnion(declared[$1]!) }
        for file in try Self.files(in: layer) {
            let source = try String(contentsOf: file, encoding: .utf8)
            let used = Self.identifiers(in: source).subtracting(Self.genericParameters(in: source))
            for higher in above {
                let crossing = used.intersection(declared[higher]!).subtracting(allowed)
                #expect(crossing.isEmpty, "\(file.lastPathComponent) (\(layer)) uses \(crossing.sorted()) from \(higher)")
            }
        }
    }

    /// The library's targets, which a command line sits on top of.
    static let libraryTargets = ["RelGraphCore", "RelGraphDocument", "RelGraphInterchange", "RelGraphCypher", "RelGraphSearch", "RelGraph", "RelGraphGraphviz"]

    @Test("no library message names a command-line flag or command: the command line phrases remedies", arguments: libraryTargets)
    func messagesNameNoFlags(target: String) throws {
        let folder = Fixtures.root.appendingPathComponent("Sources/\(target)")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let flag = try NSRegularExpression(pattern: #""(?:[^"\\\n]|\\.)*(?:\s--[a-z]|'relgraph [a-z])"#)
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let code = source.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                .joined(separator: "\n")
            let found = flag.matches(in: code, range: NSRange(code.startIndex..., in: code)).map { String(code[Range($0.range, in: code)!]) }
            #expect(found.isEmpty, "\(target)/\(file): \(found)")
        }
    }

    static func files(in layer: String) throws -> [URL] {
        let folder = root.appendingPathComponent(layer)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// Names of the types, protocols and type aliases declared at any depth in a layer.
    static func declarations(in layer: String) throws -> Set<String> {
        var names: Set<String> = []
        let pattern = try NSRegularExpression(pattern: #"\b(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z][A-Za-z0-9_]*)"#)
        for file in try files(in: layer) {
            let text = strippingCommentsAndStrings(try String(contentsOf: file, encoding: .utf8))
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                names.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return names
    }

    /// Names a file gives its generic parameters (`<Element: Sendable>`), which are its own.
    static func genericParameters(in source: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"[<,]\s*([A-Z][A-Za-z0-9_]*)\s*[:,>]"#)
        let range = NSRange(source.startIndex..., in: source)
        return Set(pattern.matches(in: source, range: range).map { String(source[Range($0.range(at: 1), in: source)!]) })
    }

    /// Capitalised identifiers a file mentions outside comments and string literals.
    static func identifiers(in source: String) -> Set<String> {
        let text = strippingCommentsAndStrings(source)
        var names: Set<String> = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if let first = current.first, first.isUppercase { names.insert(current) }
                current = ""
            }
        }
        return names
    }

    /// The source without `//` and `/* */` comments and string literals (doc comments name
    /// types of other layers freely).
    static func strippingCommentsAndStrings(_ source: String) -> String {
        var result = ""
        var index = source.startIndex
        while index < source.endIndex {
            let rest = source[index...]
            if rest.hasPrefix("//") {
                index = rest.firstIndex(of: "\n") ?? source.endIndex
            } else if rest.hasPrefix("/*") {
                index = rest.range(of: "*/").map(\.upperBound) ?? source.endIndex
            } else if rest.hasPrefix("\"") {
                let delimiter = rest.hasPrefix("\"\"\"") ? "\"\"\"" : "\""
                var cursor = source.index(index, offsetBy: delimiter.count)
                while cursor < source.endIndex, !source[cursor...].hasPrefix(delimiter) {
                    cursor =
                        source[cursor] == "\\" ? source.index(cursor, offsetBy: 2, limitedBy: source.endIndex) ?? source.endIndex : source.index(after: cursor)
                }
                index = source.index(cursor, offsetBy: delimiter.count, limitedBy: source.endIndex) ?? source.endIndex
                result += " "
            } else {
                result.append(source[index])
                index = source.index(after: index)
            }
        }
        return result
    }
}
