import Foundation
import RelGraph

/// A seeded, deterministic generator of relationship graphs shaped like real ones: the six
/// kinds, a dozen relations (two symmetric), a few hub actors with very high degree, dates on
/// most elements, labels in Hindi and English.
struct Generator {
    let size: Size
    var random: SplitMix64

    static let relations: [(id: String, en: String, hi: String, symmetric: Bool)] = [
        ("signed", "signed", "हस्ताक्षर किए", false), ("party-to", "party to", "पक्षकार", false),
        ("partner-of", "partner of", "भागीदार", true), ("met", "met", "मिले", true),
        ("supplies", "supplies", "आपूर्ति", false), ("works-on", "works on", "काम करता है", false),
        ("located-in", "located in", "में स्थित", false), ("in-sector", "in sector", "क्षेत्र", false),
        ("visited", "visited", "यात्रा की", false), ("funds", "funds", "वित्त पोषण", false),
        ("owns", "owns", "स्वामित्व", false), ("replaces", "replaces", "का स्थान लिया", false),
    ]

    static let kinds: [(kind: NodeKind, hi: String, share: Int)] = [
        (.actor, "कर्ता", 40), (.treaty, "संधि", 15), (.project, "परियोजना", 15),
        (.sector, "क्षेत्र", 5), (.event, "घटना", 15), (.place, "स्थान", 10),
    ]

    /// The number of hub actors, and the share of edge ends (in percent) that land on them.
    static let hubs = 10
    static let hubShare: UInt64 = 20

    init(size: Size, seed: UInt64 = 2026) {
        self.size = size
        random = SplitMix64(seed: seed &+ UInt64(size.nodes))
    }

    mutating func graph() throws -> Graph {
        var builder = GraphBuilder(reservingNodes: size.nodes, edges: size.edges)
        try! builder.setTitle(["en": "Synthetic relationship graph \(size.rawValue)", "hi": "कृत्रिम संबंध ग्राफ़ \(size.rawValue)"])
        try builder.addSource(Source(id: "generator", title: "relgraph-bench generate"))
        for relation in Self.relations {
            try builder.declareRelation(RelationType(id: relation.id, label: ["en": relation.en, "hi": relation.hi], isSymmetric: relation.symmetric))
        }
        for index in 0..<size.nodes {
            let kind = index < Self.hubs ? Self.kinds[0] : pickKind()
            let english = kind.kind.rawValue.prefix(1).uppercased() + kind.kind.rawValue.dropFirst()
            try builder.addNode(
                Node(
                    id: "n\(index)", kind: kind.kind, label: ["en": "\(english) \(index)", "hi": "\(kind.hi) \(index)"],
                    timing: timing(percentDated: 80), attributes: index % 10 == 0 ? ["weight": .integer(Int(random.next() % 100))] : [:],
                    source: index % 4 == 0 ? "generator" : nil))
        }
        var seen = Set<UInt64>(minimumCapacity: size.edges)
        while builder.edgeCount < size.edges {
            let from = endpoint(), to = endpoint()
            let relation = Int(random.next() % UInt64(Self.relations.count))
            guard seen.insert(UInt64(from) << 36 | UInt64(to) << 4 | UInt64(relation)).inserted else { continue }
            try builder.addEdge(Edge(from: "n\(from)", to: "n\(to)", relation: Self.relations[relation].id, timing: timing(percentDated: 70)))
        }
        return try builder.build()
    }

    /// A node index: a hub for `hubShare` percent of ends, otherwise any node.
    private mutating func endpoint() -> Int {
        if random.next() % 100 < Self.hubShare { return Int(random.next() % UInt64(Self.hubs)) }
        return Int(random.next() % UInt64(size.nodes))
    }

    private mutating func pickKind() -> (kind: NodeKind, hi: String, share: Int) {
        var roll = Int(random.next() % 100)
        for kind in Self.kinds {
            if roll < kind.share { return kind }
            roll -= kind.share
        }
        return Self.kinds[0]
    }

    /// Mostly a year or month between 1950 and 2025, sometimes an interval.
    private mutating func timing(percentDated: UInt64) -> Timing {
        guard random.next() % 100 < percentDated else { return .undated }
        let year = 1950 + Int(random.next() % 76)
        let month = random.next() % 2 == 0 ? Int(random.next() % 12) + 1 : nil
        let date = try! PartialDate(year: year, month: month)
        if random.next() % 4 == 0 {
            let end = try! PartialDate(year: min(year + Int(random.next() % 20), 9999))
            return try! Timing(date: nil, start: date, end: end)
        }
        return .on(date)
    }

    /// Query inputs: node pairs for paths and roots for reach, as ids.
    mutating func pairs(_ count: Int) -> [(String, String)] {
        (0..<count).map { _ in ("n\(random.next() % UInt64(size.nodes))", "n\(random.next() % UInt64(size.nodes))") }
    }

    mutating func roots(_ count: Int) -> [String] {
        (0..<count).map { _ in "n\(random.next() % UInt64(size.nodes))" }
    }
}

/// Sebastiano Vigna's SplitMix64: small, fast, and the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
