import RelGraph
import RelGraphTestSupport
import Testing

/// Walks `../shared/seeds/facts.md` fact by fact against `Graphs/india-russia.yaml`, by id,
/// so a missing or wrong fact fails.
@Suite("The India–Russia graph holds every fact of the note")
struct IndiaRussiaFactsTests {
    let graph = Fixtures.indiaRussia

    /// (id, kind, English label, Hindi label as the note writes it, date or interval)
    static let nodes: [(String, NodeKind, String, String, String)] = [
        // Actors
        ("india", .actor, "India", "भारत", ""),
        ("russia", .actor, "Russia", "रूस", ""),
        ("soviet-union", .actor, "Soviet Union", "सोवियत संघ", "until 1991-12"),
        ("usa", .actor, "United States", "अमेरिका", ""),
        ("western-countries", .actor, "Western countries", "पश्चिमी देश", ""),
        ("boris-yeltsin", .actor, "Boris Yeltsin", "बोरिस यैल्तसिन", ""),
        ("vladimir-putin", .actor, "Vladimir Putin", "व्लादिमीर पुतिन", ""),
        ("s-jaishankar", .actor, "S. Jaishankar", "एस. जयशंकर", ""),
        ("sergey-lavrov", .actor, "Sergey Lavrov", "सर्गेई लावरोव", ""),
        ("india-foreign-minister", .actor, "Indian External Affairs Minister", "भारतीय विदेश मंत्री", ""),
        ("india-defence-minister", .actor, "Indian Defence Minister", "भारत के रक्षा मंत्री", ""),
        ("russia-foreign-minister", .actor, "Russian Foreign Minister", "रूस के विदेश मंत्री", ""),
        ("russia-defence-minister", .actor, "Russian Defence Minister", "रूस के रक्षा मंत्री", ""),
        // Treaties, agreements, contracts
        ("treaty-1971", .treaty, "Treaty of Peace, Friendship and Cooperation (1971)", "1971 के शांति, मित्रता और सहयोग का समझौता", "1971 – 1993"),
        ("treaty-1993", .treaty, "Treaty of Friendship and Cooperation (1993)", "मित्रता और सहयोग की संधि", "1993"),
        ("strategic-partnership-declaration", .treaty, "Declaration on Strategic Partnership", "रणनीतिक हिस्सेदारी की घोषणा", "2000-10"),
        ("ak-203-contracts", .treaty, "Two contracts for AK-203 rifles", "एके-203 राइफल्स के निर्माण के लिये दो अनुबंध", "2021-12"),
        ("military-technical-cooperation-agreement", .treaty, "Agreement on military-technical cooperation, 2021–2031", "सैन्य प्रौद्योगिकी सहयोग के लिये समझौता", "2021 – 2031"),
        ("agreements-2021-12", .treaty, "Several agreements of December 2021", "कई समझौते", "2021-12"),
        // Events
        ("soviet-dissolution", .event, "Dissolution of the Soviet Union", "सोवियत संघ का विघटन", "1991-12"),
        ("yeltsin-visit-1993", .event, "Yeltsin's visit to India", "यैल्तसिन की भारत यात्रा", "1993"),
        ("putin-visit-2000", .event, "Putin's visit to India (2000)", "पुतिन की भारत यात्रा", "2000-10"),
        ("putin-visit-2021", .event, "Putin's official visit to India (2021)", "पुतिन का भारत का आधिकारिक दौरा", "2021-12"),
        ("first-2plus2-dialogue", .event, "First India–Russia 2+2 dialogue", "पहली भारत-रूस 2+2 वार्ता", "2021-12"),
        ("jaishankar-visit-2021", .event, "Jaishankar's official visit to Russia", "भारतीय विदेश मंत्री की रूस यात्रा", "2021-07-07 – 2021-07-09"),
        // Projects
        ("ak-203-joint-venture", .project, "AK-203 rifle joint venture", "एके-203 (AK-203) राइफल्स संयुक्त उद्यम", ""),
        ("s-400", .project, "S-400 missile defence system", "S-400 मिसाइल रक्षा प्रणाली", ""),
        ("kudankulam", .project, "Kudankulam Nuclear Power Plant", "कुडनकुलम परमाणु ऊर्जा संयंत्र", ""),
        ("sputnik-v", .project, "Sputnik V vaccine", "स्पुतनिक वी वैक्सीन", ""),
        ("north-south-corridor", .project, "North-South Corridor", "उत्तर-दक्षिण गलियारा", ""),
        ("defence-production-partnership", .project, "Becoming Russia's defence development and production partner", "रूस का रक्षा विकास और उत्पादन भागीदार बनना", ""),
        ("military-exercises-expansion", .project, "Widening the format of military exercises", "सैन्य अभ्यासों के प्रारूप का विस्तार", ""),
        ("central-asia-cooperation", .project, "Widening India–Russia cooperation in Central Asia", "मध्य एशिया में भारत-रूस सहयोग का विस्तार", ""),
        // Sectors
        ("defence", .sector, "defence", "रक्षा", ""),
        ("nuclear", .sector, "nuclear", "परमाणु", ""),
        ("space", .sector, "space", "अंतरिक्ष", ""),
        ("energy", .sector, "energy", "ऊर्जा", ""),
        ("health", .sector, "health", "स्वास्थ्य", ""),
        ("connectivity", .sector, "connectivity and transport", "संपर्क और परिवहन", ""),
        // Places
        ("amethi", .place, "Amethi", "अमेठी", ""),
        ("uttar-pradesh", .place, "Uttar Pradesh", "उत्तर प्रदेश", ""),
        ("tamil-nadu", .place, "Tamil Nadu", "तमिलनाडु", ""),
        ("central-asia", .place, "Central Asia", "मध्य एशिया", ""),
    ]

    /// (from, relation, to, date or interval) — one line per statement of facts.md.
    static let edges: [(String, String, String, String)] = [
        // The Soviet Union dissolved in December 1991; Yeltsin, the new Russian President after it,
        // kept close ties with the USA and the West and stressed a pragmatic renewal with India.
        ("soviet-union", "dissolved-in", "soviet-dissolution", "1991-12"),
        ("boris-yeltsin", "president-of", "russia", ""),
        ("boris-yeltsin", "close-ties-with", "usa", ""),
        ("boris-yeltsin", "close-ties-with", "western-countries", ""),
        ("boris-yeltsin", "stressed-renewal-with", "india", ""),
        // 1971 treaty between India and the Soviet Union; the 1993 treaty replaced it,
        // signed during Yeltsin's 1993 visit to India.
        ("india", "party-to", "treaty-1971", ""),
        ("soviet-union", "party-to", "treaty-1971", ""),
        ("india", "signed", "treaty-1993", "1993"),
        ("russia", "signed", "treaty-1993", "1993"),
        ("treaty-1993", "replaces", "treaty-1971", "1993"),
        ("treaty-1993", "signed-during", "yeltsin-visit-1993", "1993"),
        ("boris-yeltsin", "undertook", "yeltsin-visit-1993", "1993"),
        ("yeltsin-visit-1993", "visit-to", "india", "1993"),
        // Declaration on Strategic Partnership, October 2000, during Putin's visit.
        ("india", "signed", "strategic-partnership-declaration", "2000-10"),
        ("russia", "signed", "strategic-partnership-declaration", "2000-10"),
        ("strategic-partnership-declaration", "signed-during", "putin-visit-2000", "2000-10"),
        ("vladimir-putin", "undertook", "putin-visit-2000", "2000-10"),
        ("putin-visit-2000", "visit-to", "india", "2000-10"),
        ("vladimir-putin", "president-of", "russia", ""),
        // December 2021: Putin's official visit, the first 2+2 of foreign and defence ministers,
        // several agreements, the AK-203 contracts, the 2021–2031 military-technical agreement.
        ("vladimir-putin", "undertook", "putin-visit-2021", "2021-12"),
        ("putin-visit-2021", "visit-to", "india", "2021-12"),
        ("first-2plus2-dialogue", "held-during", "putin-visit-2021", "2021-12"),
        ("india-foreign-minister", "took-part-in", "first-2plus2-dialogue", "2021-12"),
        ("india-defence-minister", "took-part-in", "first-2plus2-dialogue", "2021-12"),
        ("russia-foreign-minister", "took-part-in", "first-2plus2-dialogue", "2021-12"),
        ("russia-defence-minister", "took-part-in", "first-2plus2-dialogue", "2021-12"),
        ("india", "signed", "agreements-2021-12", "2021-12"),
        ("russia", "signed", "agreements-2021-12", "2021-12"),
        ("agreements-2021-12", "signed-during", "putin-visit-2021", "2021-12"),
        ("india", "signed", "ak-203-contracts", "2021-12"),
        ("russia", "signed", "ak-203-contracts", "2021-12"),
        ("ak-203-contracts", "signed-during", "putin-visit-2021", "2021-12"),
        ("ak-203-contracts", "concerns", "ak-203-joint-venture", ""),
        ("ak-203-joint-venture", "located-in", "amethi", ""),
        ("amethi", "located-in", "uttar-pradesh", ""),
        ("india", "signed", "military-technical-cooperation-agreement", "2021-12"),
        ("russia", "signed", "military-technical-cooperation-agreement", "2021-12"),
        ("military-technical-cooperation-agreement", "signed-during", "putin-visit-2021", "2021-12"),
        ("india", "aims-at", "defence-production-partnership", "2021-12"),
        ("india", "considering", "military-exercises-expansion", "2021-12"),
        ("russia", "considering", "military-exercises-expansion", "2021-12"),
        ("india", "considering", "central-asia-cooperation", "2021-12"),
        ("russia", "considering", "central-asia-cooperation", "2021-12"),
        ("central-asia-cooperation", "located-in", "central-asia", ""),
        // July 2021: Jaishankar in Russia with Lavrov.
        ("s-jaishankar", "holds-office", "india-foreign-minister", ""),
        ("sergey-lavrov", "holds-office", "russia-foreign-minister", ""),
        ("s-jaishankar", "counterpart-of", "sergey-lavrov", ""),
        ("s-jaishankar", "undertook", "jaishankar-visit-2021", "2021-07-07 – 2021-07-09"),
        ("jaishankar-visit-2021", "visit-to", "russia", "2021-07-07 – 2021-07-09"),
        ("s-jaishankar", "met", "sergey-lavrov", "2021-07-07 – 2021-07-09"),
        ("jaishankar-visit-2021", "reviewed", "nuclear", "2021-07"),
        ("jaishankar-visit-2021", "reviewed", "space", "2021-07"),
        ("jaishankar-visit-2021", "reviewed", "energy", "2021-07"),
        ("jaishankar-visit-2021", "reviewed", "defence", "2021-07"),
        ("india", "agreed-to", "first-2plus2-dialogue", "2021-07"),
        ("russia", "agreed-to", "first-2plus2-dialogue", "2021-07"),
        ("india", "discussed", "global-regional-issues", "2021-07"),
        ("russia", "discussed", "global-regional-issues", "2021-07"),
        ("india", "committed-to", "north-south-corridor", "2021-07"),
        ("russia", "committed-to", "north-south-corridor", "2021-07"),
        ("russia", "supported", "india", ""),
        ("india", "thanked", "russia", "2021-07"),
        ("india", "partner-in", "sputnik-v", ""),
        ("russia", "partner-in", "sputnik-v", ""),
        // Projects and sectors.
        ("russia", "supplies", "s-400", ""),
        ("s-400", "supplied-to", "india", ""),
        ("india", "works-on", "kudankulam", ""),
        ("russia", "works-on", "kudankulam", ""),
        ("kudankulam", "located-in", "tamil-nadu", ""),
        ("sputnik-v", "in-sector", "health", ""),
        ("north-south-corridor", "in-sector", "connectivity", ""),
        ("kudankulam", "in-sector", "nuclear", ""),
        ("s-400", "in-sector", "defence", ""),
        ("ak-203-joint-venture", "in-sector", "defence", ""),
        // Other statements: a key pillar and time-tested partner; 71 years in 2019; the focus
        // sectors of cooperation; Russia a strong partner in space.
        ("india", "partner-of", "russia", ""),
        ("india", "diplomatic-relations-with", "russia", "2019"),
        ("india", "cooperates-on", "defence", ""),
        ("india", "cooperates-on", "nuclear", ""),
        ("india", "cooperates-on", "space", ""),
        ("india", "cooperates-on", "energy", ""),
        ("russia", "cooperates-on", "defence", ""),
        ("russia", "cooperates-on", "nuclear", ""),
        ("russia", "cooperates-on", "space", ""),
        ("russia", "cooperates-on", "energy", ""),
        ("russia", "strong-partner-in", "space", ""),
    ]

    @Test("every node of the note is there, with its kind, labels in English and Hindi, and date")
    func nodes() {
        for (id, kind, english, hindi, timing) in Self.nodes {
            guard let index = graph.index(ofNode: id) else {
                Issue.record("missing node \(id)")
                continue
            }
            let node = graph.node(at: index)
            #expect(node.kind == kind, "\(id)")
            #expect(node.label["en"] == english, "\(id)")
            #expect(node.label["hi"] == hindi, "\(id)")
            #expect(node.timing.description == timing, "\(id)")
        }
    }

    @Test("every relation the note states is there, with its date")
    func edges() {
        let edges = graph.edges.map { "\($0.from) \($0.relation) \($0.to) \($0.timing)" }
        for (from, relation, to, timing) in Self.edges {
            #expect(edges.contains("\(from) \(relation) \(to) \(timing)"), "missing \(from) -[\(relation)]-> \(to) \(timing)")
        }
    }

    @Test("numbers and oddities of the note are kept as the note says")
    func oddities() {
        let years = graph.edges.first { $0.relation == "diplomatic-relations-with" }
        #expect(years?.attributes["years-completed"] == .integer(71))
        #expect(graph.node(at: graph.node("ak-203-joint-venture")).attributes["rifles"] == .integer(600_000))
        #expect(graph.node(at: graph.node("ak-203-contracts")).attributes["contracts"] == .integer(2))
        #expect(graph.node(at: graph.node("vladimir-putin")).attributes["note-spelling"] != nil)
        let partner = graph.edges.first { $0.relation == "partner-of" }
        #expect(partner?.attributes["key-pillar-of-foreign-policy"] == .boolean(true))
        #expect(partner?.attributes["time-tested"] == .boolean(true))
    }

    @Test("every node and edge names the note as its source")
    func sources() {
        #expect(graph.sources.map(\.id) == ["note"])
        #expect(graph.nodes.allSatisfy { $0.source == "note" })
        #expect(graph.edges.allSatisfy { $0.source == "note" })
    }

    @Test("every declared relation has English and Hindi labels, and is used")
    func relationVocabulary() {
        for relation in graph.relationTypes {
            #expect(relation.label["en"] != nil && relation.label["hi"] != nil, "\(relation.id)")
        }
        #expect(Set(graph.relationTypes.map(\.id)) == Set(graph.relationsInUse))
    }
}
