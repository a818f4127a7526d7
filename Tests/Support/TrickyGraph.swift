import RelGraph

/// A graph whose texts hold everything that breaks naive writers: quotes, backslashes,
/// newlines, Graphviz escapes, HTML-looking text, CSV and XML specials, DOT keywords as ids,
/// Devanagari and emoji.
public enum TrickyGraph {
    public static let labels: [String] = [
        #"say "hi""#, #"back\slash"#, "trailing\\", "two\nlines", #"\N \l \G"#, "<b>bold</b>", "&amp; &lt;",
        "a,b;c", "  spaced  ", "भारत-रूस संबंध", "emoji 🇮🇳🤝🇷🇺", "tab\there", "' single", "{braces} [brackets]: #hash",
    ]

    public static let graph: Graph = {
        do {
            var builder = GraphBuilder()
            try builder.setTitle(["en": #"Tricky "title" \ & <x>"#, "hi": "कठिन शीर्षक"])
            try builder.addSource(Source(id: "src", title: "Source, \"quoted\"", url: "https://example.org/?a=1&b=2"))
            try builder.declareKind(KindDeclaration(kind: "topic", label: ["hi": "विषय", "en": "topic"], style: KindStyle(shape: "note", color: "#AABBCC")))
            try builder.declareRelation(RelationType(id: "knows", label: ["en": "knows \"well\"", "hi": "जानता है"], isSymmetric: true))
            let ids = ["node", "graph", "Digraph", "1abc", "a:b", "x.y-z_w", "भारत", "strict", "edge", "subgraph", "n10", "n11", "n12", "n13"]
            for (index, (id, label)) in zip(ids, labels).enumerated() {
                let kind: NodeKind = index % 3 == 0 ? "topic" : NodeKind.builtIn[index % 6]
                try builder.addNode(
                    Node(
                        id: id, kind: kind, type: index == 1 ? "type, with comma" : nil,
                        label: index % 2 == 0 ? LocalizedText(label) : ["hi": label + " (हिंदी)", "en": label],
                        timing: index == 2 ? .on(try PartialDate(parsing: "2021-07")) : .undated,
                        attributes: [
                            "text": .string(label), "looks-numeric": "071", "looks-bool": "true", "count": .integer(index),
                            "ratio": .number(Double(index) / 4), "flag": .boolean(index % 2 == 0),
                        ],
                        source: index == 0 ? "src" : nil))
            }
            for (index, pair) in zip(ids, ids.dropFirst()).enumerated() {
                try builder.addEdge(
                    Edge(
                        from: pair.0, to: pair.1, relation: index % 2 == 0 ? "knows" : "rel-\(index)",
                        timing: index == 3 ? try Timing(date: nil, start: PartialDate(parsing: "1993"), end: nil) : .undated,
                        attributes: ["note": .string(labels[index])], source: "src"))
            }
            try builder.addEdge(Edge(from: "node", to: "node", relation: "self"))
            return try builder.build()
        } catch {
            fatalError("the tricky graph must build: \(error)")
        }
    }()
}

extension TrickyGraph {
    /// Texts every format must carry unchanged: quotes, backslashes, `<&>` and a written entity,
    /// a line break, a tab, Graphviz escapes, CSV and YAML specials, Devanagari, Hebrew and
    /// Arabic (right to left), emoji (flags, a skin tone, a ZWJ sequence).
    public static let escapingTexts: [String] = [
        #"say "hi""#, #"back\slash and trailing\"#, "<b>&amp;</b> & <&>", "two\nlines", "tab\there", #"\N \l \G \n"#,
        "a,b;c 'single' {braces} [brackets]: #hash", "  spaced  ", "मित्रता और सहयोग", "שלום עולם", "مرحبا بالعالم",
        "🇮🇳🤝🇷🇺 👩🏽‍🔬",
    ]

    /// Texts that look like another type to a format that guesses (YAML, CSV): each must come
    /// back as the same string.
    public static let lookalikeTexts: [String] = ["071", "1e3", "0x1F", "12:30", "2021-07-07", "-1", "True", "NO", "null", "~"]

    /// Ids every format must carry unchanged: DOT keywords, a leading digit, `:` `.` `-` `_`,
    /// Devanagari with vowel signs, Hebrew and Arabic.
    public static let escapingIDs: [String] = ["node", "strict", "1abc:x.y-z_w", "भारत", "שלום", "مرحبا"]

    /// A graph whose ids, labels, attributes, title, sources and declarations hold
    /// ``escapingTexts``, ``lookalikeTexts`` and ``escapingIDs``, with every attribute type,
    /// lists, dates, a symmetric relation, parallel edges told apart by ids, and a self-loop:
    /// what the round trip through every format RelGraph writes and reads is checked on.
    ///
    /// It leaves out two things DOT cannot carry back (pinned apart, as known issues): a label
    /// that ends in a line break, and an attribute whose value is the empty string.
    public static let escaping: Graph = {
        do {
            let texts = escapingTexts, ids = escapingIDs
            var builder = GraphBuilder()
            try builder.setTitle(["en": texts[0] + " " + texts[2] + " " + texts[3], "hi": texts[8], "ar": texts[10]])
            try builder.addSource(Source(id: "src:1", title: ["en": texts[1] + " " + texts[4], "he": texts[9]], url: "https://example.org/?a=1&b=\"2\""))
            try builder.declareKind(KindDeclaration(kind: "topic", label: ["en": texts[2], "hi": texts[8]]))
            try builder.declareRelation(RelationType(id: "peer-of", label: ["en": texts[0], "he": texts[9]], isSymmetric: true))
            let kinds: [NodeKind] = [.actor, "topic", .treaty, .place, .project, .event]
            for (index, id) in ids.enumerated() {
                var attributes: Attributes = [
                    "text": .string(texts[index]), "other-text": .string(texts[texts.count - 1 - index]),
                    "lookalike": .string(lookalikeTexts[index]), "count": .integer(index - 2), "ratio": .number(Double(index) / 4 - 0.5),
                    "flag": .boolean(index % 2 == 0),
                ]
                if index == 0 {
                    attributes["texts"] = .list([.string(texts[0]), .string(texts[1]), .string("a,b"), .string(texts[3])])
                    attributes["numbers"] = .list([1, 2, -3])
                    for (offset, text) in lookalikeTexts.enumerated() { attributes["lookalike-\(offset)"] = .string(text) }
                }
                let timing: Timing =
                    switch index {
                    case 1: .on(try PartialDate(parsing: "2021-07"))
                    case 2: try Timing(date: nil, start: PartialDate(parsing: "1993"), end: PartialDate(parsing: "2031-12-31"))
                    default: .undated
                    }
                try builder.addNode(
                    Node(
                        id: id, kind: kinds[index], type: index == 0 ? texts[6] : nil,
                        label: index % 2 == 0 ? LocalizedText(texts[index + 6]) : ["en": texts[index], "hi": texts[8], "ar": texts[10]],
                        timing: timing, attributes: attributes, source: index == 0 ? "src:1" : nil))
            }
            for (index, pair) in zip(ids, ids.dropFirst()).enumerated() {
                try builder.addEdge(
                    Edge(
                        from: pair.0, to: pair.1, relation: index % 2 == 0 ? "peer-of" : "funds-to",
                        timing: index == 1 ? try Timing(date: nil, start: PartialDate(parsing: "2001-02"), end: nil) : .undated,
                        attributes: ["note": .string(texts[(index + 3) % texts.count]), "weight": .number(1.5)], source: index == 0 ? "src:1" : nil))
            }
            // Parallel edges: the same ends, relation and dates, told apart by their ids.
            try builder.addEdge(Edge(id: "e-1", from: "node", to: "שלום", relation: "cites", attributes: ["note": .string(texts[11])]))
            try builder.addEdge(Edge(id: "e:2", from: "node", to: "שלום", relation: "cites"))
            try builder.addEdge(Edge(from: "भारत", to: "भारत", relation: "self"))
            return try builder.build()
        } catch {
            fatalError("the escaping graph must build: \(error)")
        }
    }()
}
