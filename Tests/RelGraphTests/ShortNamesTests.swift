import Testing

@_spi(Testing) @testable import RelGraphCore

/// Map keys are found among a few names by their bytes packed into integers.
@Suite("Short names")
struct ShortNamesTests {
    private static func index(of text: String, in names: ShortNames) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { names.index(of: $0) }
    }

    @Test("each name is found at its index, including names of nine to sixteen bytes")
    func findsEveryName() {
        let list = ["id", "kind", "relation", "attributes", "sixteen-bytes-xy"]
        let names = ShortNames(list)
        for (position, name) in list.enumerated() { #expect(Self.index(of: name, in: names) == position) }
    }

    @Test("prefixes, extensions, other cases and longer texts are not names")
    func refusesNearMisses() {
        let names = ShortNames(["id", "kind", "attributes"])
        for text in ["", "i", "ids", "Kind", "kin", "kind ", "attribute", "attributesx", "attributes-and-more-than-sixteen", "d\u{0}"] {
            #expect(Self.index(of: text, in: names) == nil, "\(text.debugDescription)")
        }
    }

    @Test("bytes are the same only when their counts and every byte are")
    func sameBytes() {
        func same(_ a: String, _ b: String) -> Bool {
            Array(a.utf8).withUnsafeBufferPointer { a in Array(b.utf8).withUnsafeBufferPointer { a.hasSameBytes(as: $0) } }
        }
        #expect(same("", ""))
        #expect(same("भारत", "भारत"))
        #expect(!same("भारत", "भारा"))
        #expect(!same("ab", "abc"))
    }
}
