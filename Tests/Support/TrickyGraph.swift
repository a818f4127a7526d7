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
                try builder.addNode(Node(
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
                try builder.addEdge(Edge(
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
