/// The facts of the Hindi study note (`/work/shared/seeds/facts.md` and the note beside it) as
/// the bundled graph must hold them, written by hand: the reference that tests compare
/// `Graphs/india-russia.yaml` and the command line's answers with.
public enum IndiaRussiaFacts {
    /// A node as the note gives it; `timing` is written as `Timing.description` prints it.
    public struct Node: Hashable, Sendable, CustomStringConvertible {
        public var id, kind, english, hindi, timing: String
        public init(_ id: String, _ kind: String, _ english: String, _ hindi: String, _ timing: String) {
            (self.id, self.kind, self.english, self.hindi, self.timing) = (id, kind, english, hindi, timing)
        }
        public var description: String { "\(id) (\(kind)) \(english) / \(hindi) \(timing)" }
    }

    /// An edge as the note gives it.
    public struct Edge: Hashable, Sendable, CustomStringConvertible {
        public var from, relation, to, timing: String
        public init(_ from: String, _ relation: String, _ to: String, _ timing: String) {
            (self.from, self.relation, self.to, self.timing) = (from, relation, to, timing)
        }
        public var description: String { "\(from) -[\(relation)]-> \(to) \(timing)" }
    }

    /// Every node: id, kind, English label, Hindi label as the note writes it, date or interval.
    public static let nodes: [Node] = [
        // Actors
        Node("india", "actor", "India", "भारत", ""),
        Node("russia", "actor", "Russia", "रूस", ""),
        Node("soviet-union", "actor", "Soviet Union", "सोवियत संघ", "until 1991-12"),
        Node("usa", "actor", "United States", "अमेरिका", ""),
        Node("western-countries", "actor", "Western countries", "पश्चिमी देश", ""),
        Node("boris-yeltsin", "actor", "Boris Yeltsin", "बोरिस यैल्तसिन", ""),
        Node("vladimir-putin", "actor", "Vladimir Putin", "व्लादिमीर पुतिन", ""),
        Node("s-jaishankar", "actor", "S. Jaishankar", "एस. जयशंकर", ""),
        Node("sergey-lavrov", "actor", "Sergey Lavrov", "सर्गेई लावरोव", ""),
        Node("india-foreign-minister", "actor", "Indian External Affairs Minister", "भारतीय विदेश मंत्री", ""),
        Node("india-defence-minister", "actor", "Indian Defence Minister", "भारत के रक्षा मंत्री", ""),
        Node("russia-foreign-minister", "actor", "Russian Foreign Minister", "रूस के विदेश मंत्री", ""),
        Node("russia-defence-minister", "actor", "Russian Defence Minister", "रूस के रक्षा मंत्री", ""),
        // Treaties, agreements, contracts
        Node("treaty-1971", "treaty", "Treaty of Peace, Friendship and Cooperation (1971)", "1971 के शांति, मित्रता और सहयोग का समझौता", "1971 – 1993"),
        Node("treaty-1993", "treaty", "Treaty of Friendship and Cooperation (1993)", "मित्रता और सहयोग की संधि", "1993"),
        Node("strategic-partnership-declaration", "treaty", "Declaration on Strategic Partnership", "रणनीतिक हिस्सेदारी की घोषणा", "2000-10"),
        Node("ak-203-contracts", "treaty", "Two contracts for AK-203 rifles", "एके-203 राइफल्स के निर्माण के लिये दो अनुबंध", "2021-12"),
        Node(
            "military-technical-cooperation-agreement", "treaty", "Agreement on military-technical cooperation, 2021–2031", "सैन्य प्रौद्योगिकी सहयोग के लिये समझौता",
            "2021 – 2031"),
        Node("agreements-2021-12", "treaty", "Several agreements of December 2021", "कई समझौते", "2021-12"),
        // Events
        Node("soviet-dissolution", "event", "Dissolution of the Soviet Union", "सोवियत संघ का विघटन", "1991-12"),
        Node("yeltsin-visit-1993", "event", "Yeltsin's visit to India", "यैल्तसिन की भारत यात्रा", "1993"),
        Node("putin-visit-2000", "event", "Putin's visit to India (2000)", "पुतिन की भारत यात्रा", "2000-10"),
        Node("putin-visit-2021", "event", "Putin's official visit to India (2021)", "पुतिन का भारत का आधिकारिक दौरा", "2021-12"),
        Node("first-2plus2-dialogue", "event", "First India–Russia 2+2 dialogue", "पहली भारत-रूस 2+2 वार्ता", "2021-12"),
        Node("jaishankar-visit-2021", "event", "Jaishankar's official visit to Russia", "भारतीय विदेश मंत्री की रूस यात्रा", "2021-07-07 – 2021-07-09"),
        // Projects
        Node("ak-203-joint-venture", "project", "AK-203 rifle joint venture", "एके-203 (AK-203) राइफल्स संयुक्त उद्यम", ""),
        Node("s-400", "project", "S-400 missile defence system", "S-400 मिसाइल रक्षा प्रणाली", ""),
        Node("kudankulam", "project", "Kudankulam Nuclear Power Plant", "कुडनकुलम परमाणु ऊर्जा संयंत्र", ""),
        Node("sputnik-v", "project", "Sputnik V vaccine", "स्पुतनिक वी वैक्सीन", ""),
        Node("north-south-corridor", "project", "North-South Corridor", "उत्तर-दक्षिण गलियारा", ""),
        Node("defence-production-partnership", "project", "Becoming Russia's defence development and production partner", "रूस का रक्षा विकास और उत्पादन भागीदार बनना", ""),
        Node("military-exercises-expansion", "project", "Widening the format of military exercises", "सैन्य अभ्यासों के प्रारूप का विस्तार", ""),
        Node("central-asia-cooperation", "project", "Widening India–Russia cooperation in Central Asia", "मध्य एशिया में भारत-रूस सहयोग का विस्तार", ""),
        // Sectors
        Node("defence", "sector", "defence", "रक्षा", ""),
        Node("nuclear", "sector", "nuclear", "परमाणु", ""),
        Node("space", "sector", "space", "अंतरिक्ष", ""),
        Node("energy", "sector", "energy", "ऊर्जा", ""),
        Node("health", "sector", "health", "स्वास्थ्य", ""),
        Node("connectivity", "sector", "connectivity and transport", "संपर्क और परिवहन", ""),
        // Places
        Node("amethi", "place", "Amethi", "अमेठी", ""),
        Node("uttar-pradesh", "place", "Uttar Pradesh", "उत्तर प्रदेश", ""),
        Node("tamil-nadu", "place", "Tamil Nadu", "तमिलनाडु", ""),
        Node("central-asia", "place", "Central Asia", "मध्य एशिया", ""),
        // Topics: what India and Russia discussed in July 2021.
        Node("global-regional-issues", "topic", "global and regional issues", "वैश्विक और क्षेत्रीय मुद्दे", ""),
    ]

    /// Every edge: from, relation, to, date or interval — one line per statement of facts.md.
    public static let edges: [Edge] = [
        // The Soviet Union dissolved in December 1991; Yeltsin, the new Russian President after it,
        // kept close ties with the USA and the West and stressed a pragmatic renewal with India.
        Edge("soviet-union", "dissolved-in", "soviet-dissolution", "1991-12"),
        Edge("boris-yeltsin", "president-of", "russia", ""),
        Edge("boris-yeltsin", "close-ties-with", "usa", ""),
        Edge("boris-yeltsin", "close-ties-with", "western-countries", ""),
        Edge("boris-yeltsin", "stressed-renewal-with", "india", ""),
        // 1971 treaty between India and the Soviet Union; the 1993 treaty replaced it,
        // signed during Yeltsin's 1993 visit to India.
        Edge("india", "party-to", "treaty-1971", ""),
        Edge("soviet-union", "party-to", "treaty-1971", ""),
        Edge("india", "signed", "treaty-1993", "1993"),
        Edge("russia", "signed", "treaty-1993", "1993"),
        Edge("treaty-1993", "replaces", "treaty-1971", "1993"),
        Edge("treaty-1993", "signed-during", "yeltsin-visit-1993", "1993"),
        Edge("boris-yeltsin", "undertook", "yeltsin-visit-1993", "1993"),
        Edge("yeltsin-visit-1993", "visit-to", "india", "1993"),
        // Declaration on Strategic Partnership, October 2000, during Putin's visit.
        Edge("india", "signed", "strategic-partnership-declaration", "2000-10"),
        Edge("russia", "signed", "strategic-partnership-declaration", "2000-10"),
        Edge("strategic-partnership-declaration", "signed-during", "putin-visit-2000", "2000-10"),
        Edge("vladimir-putin", "undertook", "putin-visit-2000", "2000-10"),
        Edge("putin-visit-2000", "visit-to", "india", "2000-10"),
        Edge("vladimir-putin", "president-of", "russia", ""),
        // December 2021: Putin's official visit, the first 2+2 of foreign and defence ministers,
        // several agreements, the AK-203 contracts, the 2021–2031 military-technical agreement.
        Edge("vladimir-putin", "undertook", "putin-visit-2021", "2021-12"),
        Edge("putin-visit-2021", "visit-to", "india", "2021-12"),
        Edge("first-2plus2-dialogue", "held-during", "putin-visit-2021", "2021-12"),
        Edge("india-foreign-minister", "took-part-in", "first-2plus2-dialogue", "2021-12"),
        Edge("india-defence-minister", "took-part-in", "first-2plus2-dialogue", "2021-12"),
        Edge("russia-foreign-minister", "took-part-in", "first-2plus2-dialogue", "2021-12"),
        Edge("russia-defence-minister", "took-part-in", "first-2plus2-dialogue", "2021-12"),
        Edge("india", "signed", "agreements-2021-12", "2021-12"),
        Edge("russia", "signed", "agreements-2021-12", "2021-12"),
        Edge("agreements-2021-12", "signed-during", "putin-visit-2021", "2021-12"),
        Edge("india", "signed", "ak-203-contracts", "2021-12"),
        Edge("russia", "signed", "ak-203-contracts", "2021-12"),
        Edge("ak-203-contracts", "signed-during", "putin-visit-2021", "2021-12"),
        Edge("ak-203-contracts", "concerns", "ak-203-joint-venture", ""),
        Edge("ak-203-joint-venture", "located-in", "amethi", ""),
        // "दोनों पक्षों के मध्य ... एक संयुक्त उद्यम": a joint venture of both sides.
        Edge("india", "partner-in", "ak-203-joint-venture", ""),
        Edge("russia", "partner-in", "ak-203-joint-venture", ""),
        Edge("amethi", "located-in", "uttar-pradesh", ""),
        Edge("india", "signed", "military-technical-cooperation-agreement", "2021-12"),
        Edge("russia", "signed", "military-technical-cooperation-agreement", "2021-12"),
        Edge("military-technical-cooperation-agreement", "signed-during", "putin-visit-2021", "2021-12"),
        Edge("india", "aims-at", "defence-production-partnership", "2021-12"),
        Edge("india", "considering", "military-exercises-expansion", "2021-12"),
        Edge("russia", "considering", "military-exercises-expansion", "2021-12"),
        Edge("india", "considering", "central-asia-cooperation", "2021-12"),
        Edge("russia", "considering", "central-asia-cooperation", "2021-12"),
        Edge("central-asia-cooperation", "located-in", "central-asia", ""),
        // July 2021: Jaishankar in Russia with Lavrov.
        Edge("s-jaishankar", "holds-office", "india-foreign-minister", ""),
        Edge("sergey-lavrov", "holds-office", "russia-foreign-minister", ""),
        Edge("s-jaishankar", "counterpart-of", "sergey-lavrov", ""),
        // The four offices of the 2+2 belong to their countries.
        Edge("india-foreign-minister", "office-of", "india", ""),
        Edge("india-defence-minister", "office-of", "india", ""),
        Edge("russia-foreign-minister", "office-of", "russia", ""),
        Edge("russia-defence-minister", "office-of", "russia", ""),
        Edge("s-jaishankar", "undertook", "jaishankar-visit-2021", "2021-07-07 – 2021-07-09"),
        Edge("jaishankar-visit-2021", "visit-to", "russia", "2021-07-07 – 2021-07-09"),
        Edge("s-jaishankar", "met", "sergey-lavrov", "2021-07-07 – 2021-07-09"),
        Edge("jaishankar-visit-2021", "reviewed", "nuclear", "2021-07"),
        Edge("jaishankar-visit-2021", "reviewed", "space", "2021-07"),
        Edge("jaishankar-visit-2021", "reviewed", "energy", "2021-07"),
        Edge("jaishankar-visit-2021", "reviewed", "defence", "2021-07"),
        Edge("india", "agreed-to", "first-2plus2-dialogue", "2021-07"),
        Edge("russia", "agreed-to", "first-2plus2-dialogue", "2021-07"),
        Edge("india", "discussed", "global-regional-issues", "2021-07"),
        Edge("russia", "discussed", "global-regional-issues", "2021-07"),
        Edge("india", "committed-to", "north-south-corridor", "2021-07"),
        Edge("russia", "committed-to", "north-south-corridor", "2021-07"),
        Edge("russia", "supported", "india", ""),
        Edge("india", "thanked", "russia", "2021-07"),
        Edge("india", "partner-in", "sputnik-v", ""),
        Edge("russia", "partner-in", "sputnik-v", ""),
        // Projects and sectors.
        Edge("russia", "supplies", "s-400", ""),
        Edge("s-400", "supplied-to", "india", ""),
        Edge("india", "works-on", "kudankulam", ""),
        Edge("russia", "works-on", "kudankulam", ""),
        Edge("kudankulam", "located-in", "tamil-nadu", ""),
        Edge("sputnik-v", "in-sector", "health", ""),
        Edge("north-south-corridor", "in-sector", "connectivity", ""),
        Edge("kudankulam", "in-sector", "nuclear", ""),
        Edge("s-400", "in-sector", "defence", ""),
        Edge("ak-203-joint-venture", "in-sector", "defence", ""),
        Edge("military-technical-cooperation-agreement", "in-sector", "defence", ""),
        Edge("defence-production-partnership", "in-sector", "defence", ""),
        Edge("military-exercises-expansion", "in-sector", "defence", ""),
        // A nuclear power plant (परमाणु ऊर्जा संयंत्र) is in both sectors.
        Edge("kudankulam", "in-sector", "energy", ""),
        // Other statements: a key pillar and time-tested partner; 71 years in 2019; the focus
        // sectors of cooperation; Russia a strong partner in space.
        Edge("india", "partner-of", "russia", ""),
        Edge("india", "diplomatic-relations-with", "russia", "2019"),
        Edge("india", "cooperates-on", "defence", ""),
        Edge("india", "cooperates-on", "nuclear", ""),
        Edge("india", "cooperates-on", "space", ""),
        Edge("india", "cooperates-on", "energy", ""),
        Edge("russia", "cooperates-on", "defence", ""),
        Edge("russia", "cooperates-on", "nuclear", ""),
        Edge("russia", "cooperates-on", "space", ""),
        Edge("russia", "cooperates-on", "energy", ""),
        Edge("russia", "strong-partner-in", "space", ""),
    ]

    /// Whether something of this timing exists `--as-of` the year `year` (contract §1, Time; the
    /// year covers all its days): it has not started after the year and not ended before it.
    public static func exists(_ timing: String, asOfYear year: Int) -> Bool {
        func yearOf(_ date: Substring) -> Int { Int(date.prefix(4))! }
        if timing.isEmpty { return true }
        if timing.hasPrefix("until ") { return yearOf(timing.dropFirst(6)) >= year }
        if timing.hasPrefix("since ") { return yearOf(timing.dropFirst(6)) <= year }
        let parts = timing.components(separatedBy: " – ")
        if parts.count == 2 { return yearOf(parts[0][...]) <= year && yearOf(parts[1][...]) >= year }
        return yearOf(timing[...]) <= year
    }

    /// The node ids that exist as of `year`.
    public static func nodeIDs(asOfYear year: Int) -> Set<String> {
        Set(nodes.filter { exists($0.timing, asOfYear: year) }.map(\.id))
    }

    /// The edges that exist as of `year`: their own timing and both their nodes'.
    public static func edges(asOfYear year: Int) -> [Edge] {
        let kept = nodeIDs(asOfYear: year)
        return edges.filter { exists($0.timing, asOfYear: year) && kept.contains($0.from) && kept.contains($0.to) }
    }
}
