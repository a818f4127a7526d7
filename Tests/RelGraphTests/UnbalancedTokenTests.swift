import Testing

@testable import RelGraph
@testable import RelGraphCore
@testable import RelGraphCypher
@testable import RelGraphDocument
@testable import RelGraphInterchange
@testable import RelGraphSearch

/// The decoder's loops wait for a list's or map's end; a reader that ended the document
/// inside one would make them wait for ever. The decoder refuses that instead.
@Suite("Decoding an unbalanced token stream")
struct UnbalancedTokenTests {
    /// Replays fixed tokens, then `.end` for ever, as the real readers do once finished.
    struct FixedTokens: TokenReader {
        var tokens: [Token]
        mutating func next() throws(ReadError) -> Token {
            tokens.isEmpty ? Token(kind: .end, position: TextPosition(line: 9, column: 1)) : tokens.removeFirst()
        }
    }

    @Test("a document ending inside a list is refused, not waited on", .timeLimit(.minutes(1)))
    func endInsideList() {
        let at = TextPosition(line: 1, column: 1)
        let reader = FixedTokens(tokens: [
            Token(kind: .mappingStart, position: at), Token(kind: .scalar, position: at, text: "nodes"),
            Token(kind: .sequenceStart, position: at),
        ])
        #expect(throws: GraphLoadError.self) { try GraphDocument.decode(reader, fileName: "x.json") }
    }
}
