import Foundation
import RelGraphCore

/// Reads DOT into a RelGraph model, parsing it with Graphviz's own parser (cgraph).
///
/// The mapping (documented in docs/formats.md):
/// - node names become ids; a name that breaks the id rules is made into one (invalid
///   characters become `-`, a clash gets `-2`, `-3`…) and kept as the label and in `dot-name`;
/// - `kind` and `relation` map back; without them nodes get ``defaultKind`` and edges
///   ``defaultRelation`` (symmetric in an undirected `graph`, so no direction is invented);
/// - `label` (or `label/<lang>` from RelGraph's own DOT) is the label, with Graphviz's escapes
///   and HTML entities decoded and an HTML label reduced to its text;
/// - `type`, `date`, `start`, `end` and `source` map to those fields;
/// - every other attribute goes to `attributes` (names that break the rules are prefixed
///   `dot-`), numbers and booleans typed;
/// - subgraphs are flattened; a node in a `cluster…` subgraph gets the attribute `cluster`;
/// - graph attributes are read only for the title and RelGraph's own declarations;
/// - an edge repeating another's ends, relation and dates is dropped, with a warning.
///
/// DOT read here never reaches Graphviz's layout: drawings are made from the model.
public struct DOTImporter: Sendable {
    public var defaultKind: NodeKind = .actor
    public var defaultRelation = "linked-to"

    public init() {}

    /// Reads the DOT file at `path`, with the warnings Graphviz and the mapping gave.
    public func read(contentsOf path: String) throws(GraphLoadError) -> ImportedGraph {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try read(Array(data), fileName: path)
    }

    /// Reads DOT bytes; non-UTF-8 text is read as Latin-1, as Graphviz does.
    public func read(_ bytes: [UInt8], fileName: String) throws(GraphLoadError) -> ImportedGraph {
        var warnings: [Diagnostic] = []
        var text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else {
            text = String(decoding: bytes.map { Unicode.Scalar($0) }.map { Character($0) }.flatMap { String($0).utf8 }, as: UTF8.self)
            warnings.append(.warning(at: SourceLocation(file: fileName), "the file is not UTF-8; read it as Latin-1"))
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            let before = text.utf8[..<nul]
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: 0x0A).map { text.utf8.index(after: $0) } ?? text.utf8.startIndex
            let column = text.unicodeScalars[lineStart..<nul].count + 1
            throw .invalidContent([
                .error(
                    at: SourceLocation(file: fileName, position: TextPosition(line: line, column: column)),
                    "a NUL byte; DOT is text, and Graphviz would stop reading here")
            ])
        }
        if let (line, column) = DOTTrailingContent.position(in: text) {
            throw .invalidContent([
                .error(
                    at: SourceLocation(file: fileName, position: TextPosition(line: line, column: column)),
                    "content after the graph's closing '}'; a DOT file holds one graph (remove the rest, or put it inside the braces)")
            ])
        }
        // Control characters cannot be carried by XML (SVG, GraphML): replace them.
        if text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            text = Self.replacingControls(text)
            warnings.append(.warning(at: SourceLocation(file: fileName), "control characters replaced with U+FFFD (XML, SVG and GraphML cannot hold them)"))
        }
        let parsed: ParsedDOT
        do {
            parsed = try ParsedDOT.parse(text)
        } catch {
            throw .invalidContent(
                error.messages.isEmpty
                    ? [.error(at: SourceLocation(file: fileName), "graphviz: the DOT does not parse")] : error.messages.map { Self.located($0, in: fileName) })
        }
        warnings += parsed.warnings.map { .warning(at: SourceLocation(file: fileName), "graphviz: \($0)") }
        var mapping = DOTMapping(parsed: parsed, importer: self, fileName: fileName)
        let graph = try mapping.graph()
        return ImportedGraph(graph: graph, warnings: warnings + mapping.warnings)
    }

    /// C0 control characters other than tab and line breaks as U+FFFD.
    static func replacingControls(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
            scalars.append(isControl ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// The error Graphviz gave, at the line it names (a whole line: column 0).
    private static func located(_ message: String, in fileName: String) -> Diagnostic {
        if let range = message.range(of: "line "), let line = Int(message[range.upperBound...].prefix { $0.isNumber }) {
            return .error(at: SourceLocation(file: fileName, position: TextPosition(line: line, column: 0)), "graphviz: \(message)")
        }
        return .error(at: SourceLocation(file: fileName), "graphviz: \(message)")
    }
}
