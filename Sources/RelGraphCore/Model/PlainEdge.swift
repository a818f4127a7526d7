/// An edge read on a reading thread and ready for the builder: its ends found among the nodes
/// added, its dates checked, its relation and source given as places in the reading range's
/// own lists of texts (``RangeTexts``; a source of -1 is none). Readers that cut a file into
/// ranges make these for the common records, so that no text is made or looked up per edge.
package struct PlainEdge: Sendable {
    package var from: Int32
    package var to: Int32
    package var relation: Int32
    package var source: Int32
    package var timing: Timing

    package init(from: Int32, to: Int32, relation: Int32, source: Int32 = -1, timing: Timing) {
        (self.from, self.to, self.relation, self.source, self.timing) = (from, to, relation, source, timing)
    }
}

/// The texts a reading range's plain records name by place: relations and sources, with the
/// builder's codes for those used so far (given on first use, in file order, as adding the
/// edges one by one gives them), and node labels written as records.
package struct RangeTexts: Sendable {
    package var relations: [String]
    package var sources: [String]
    package var labels = LabelRecords()
    private var relationCodes: [Int32] = []
    private var sourceCodes: [Int32] = []

    package init(relations: [String] = [], sources: [String] = [], labels: LabelRecords = LabelRecords()) {
        self.relations = relations
        self.sources = sources
        self.labels = labels
    }

    /// The builder's code for `texts[place]`, asked of `intern` the first time.
    @inline(__always)
    private static func code(_ place: Int, _ codes: inout [Int32], _ texts: [String], _ intern: (String) -> Int32) -> Int32 {
        if place < codes.count, codes[place] >= 0 { return codes[place] }
        while codes.count <= place { codes.append(-1) }
        codes[place] = intern(texts[place])
        return codes[place]
    }

    fileprivate mutating func relationCode(_ place: Int32, in builder: inout GraphBuilder) -> Int32 {
        Self.code(Int(place), &relationCodes, relations) { builder.relationCode($0) }
    }

    fileprivate mutating func sourceCode(_ place: Int32, in builder: inout GraphBuilder) -> Int32 {
        place < 0 ? -1 : Self.code(Int(place), &sourceCodes, sources) { builder.sourceCode($0) }
    }
}

extension GraphBuilder {
    /// Appends an edge read on a reading thread, whose relation and source are `texts`'s.
    ///
    /// - Complexity: O(1), amortized.
    package mutating func append(_ edge: PlainEdge, texts: inout RangeTexts) {
        let relation = texts.relationCode(edge.relation, in: &self), source = texts.sourceCode(edge.source, in: &self)
        appendEdge(from: edge.from, to: edge.to, relation: relation, timing: edge.timing, source: source)
    }
}
