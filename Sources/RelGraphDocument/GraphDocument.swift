import Foundation
import RelGraphCore

/// Reading graph documents (YAML, JSON) from disk or memory.
public enum GraphDocument {
    /// The syntaxes a graph document may be written in (`GraphFormat.yaml` and
    /// `GraphFormat.json` name their files).
    public enum Syntax: String, Sendable, CaseIterable {
        case yaml, json
    }

    /// Decodes a document held in memory; `fileName` is used in error messages.
    public static func decode(_ bytes: some Collection<UInt8>, syntax: Syntax, fileName: String) throws(DocumentError) -> Graph {
        do {
            switch syntax {
            case .json: return try decode(JSONTokenReader(input: ByteInput(bytes: bytes)), fileName: fileName)
            case .yaml: return try decode(YAMLTokenReader(bytes: bytes), fileName: fileName)
            }
        } catch {
            guard let documentError = error.underlying as? DocumentError else { preconditionFailure("decoding memory cannot fail to read") }
            throw documentError
        }
    }

    /// Decodes a document held in a string.
    public static func decode(_ text: String, syntax: Syntax, fileName: String = "<input>") throws(DocumentError) -> Graph {
        try decode(Array(text.utf8), syntax: syntax, fileName: fileName)
    }

    /// Decodes a JSON document cut into ranges, the elements of its lists read on every core
    /// (see ``RangedElements``); a document without line feeds to cut it at is read as a stream
    /// on two threads.
    package static func decodeJSON(_ ranged: RangedElements, fileName: String) throws(GraphLoadError) -> Graph {
        let reader = JSONTokenReader(input: ByteInput(file: ranged.file, at: ByteInput.Mark(lineStartingAt: 0, line: 1)))
        guard ranged.isCut else { return try decode(PipelinedTokenReader(reader), fileName: fileName) }
        return try decode(reader, fileName: fileName, ranged: ranged)
    }

    static func decode(_ reader: some TokenReader, fileName: String, ranged: RangedElements? = nil) throws(GraphLoadError) -> Graph {
        var decoder = DocumentDecoder(reader: reader)
        decoder.ranged = ranged
        switch decoder.decode() {
        case .success(let graph):
            return graph
        case .failure(let problems):
            throw DocumentError(diagnostics: problems.problems.map { Diagnostic($0.problem, in: fileName, at: $0.position) }).loadError
        }
    }
}
