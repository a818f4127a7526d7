import Foundation
import RelGraphTestSupport
import Testing

/// Issue 21, "Every script drawn": labels in Chinese, Japanese, Arabic (right to left, joined),
/// Russian, Hindi and Thai come out as shaped text in SVG, PNG and PDF and on the page, and text
/// no installed font draws is a warning, not silent empty boxes.
@Suite("Every script drawn: Chinese, Japanese, Arabic, Russian, Hindi and Thai", .serialized)
struct ScriptsDrawnTests {
    /// Each node's label in its own script, so that one drawing holds all six.
    static let labels = ["北京市", "東京都とひらがな", "القاهرة", "Москва", "नई दिल्ली", "กรุงเทพมหานคร"]
    static let titles = ["zh": "文字的图", "ja": "文字の図", "ar": "خريطة الكتابة", "ru": "Письменность", "hi": "लिपियों का चित्र", "th": "แผนภาพอักษร"]

    static let document: Result<String, any Error> = Result {
        var yaml = "relgraph: 1\ntitle: {en: Scripts"
        for (language, title) in titles.sorted(by: { $0.key < $1.key }) { yaml += ", \(language): \"\(title)\"" }
        yaml += "}\nkinds:\n  - {id: city, label: {en: city, zh: 城市, ja: 都市, ar: مدينة, ru: город, hi: शहर, th: เมือง}}\n"
        yaml += "relations:\n  - {id: near, label: {en: near, zh: 邻近, ja: 近い, ar: قريب من, ru: рядом с, hi: के पास, th: ใกล้}}\nnodes:\n"
        for (index, label) in labels.enumerated() { yaml += "  - {id: n\(index), kind: city, label: \"\(label)\"}\n" }
        yaml += "edges:\n"
        for index in 1..<labels.count { yaml += "  - {from: n0, to: n\(index), relation: near}\n" }
        return try RelGraphCLI.file(named: "scripts.yaml", yaml)
    }

    /// fontconfig with DejaVu only (Latin, Cyrillic, Arabic; no Han, kana, Devanagari or
    /// Thai): a machine without the Noto fonts.
    static func withoutNoto() throws -> [String: String] {
        let folder = try RelGraphCLI.temporaryFolder()
        let config = folder.appendingPathComponent("fonts.conf")
        try """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>\(folder.path)/cache</cachedir></fontconfig>
        """.write(to: config, atomically: true, encoding: .utf8)
        return ["FONTCONFIG_FILE": config.path]
    }

    @Test("SVG, PNG and PDF draw every script, with no warning", arguments: ["svg", "png", "pdf"])
    func everyFormat(format: String) throws {
        let document = try Self.document.get()
        let folder = try RelGraphCLI.temporaryFolder()
        let output = folder.appendingPathComponent("scripts.\(format)").path
        let result = try RelGraphCLI.run("render", document, "--lang", "zh", "-o", output)
        #expect(result.status == 0)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        switch format {
        case "svg":
            let svg = String(decoding: bytes, as: UTF8.self)
            for label in Self.labels + ["文字的图", "城市"] { #expect(svg.contains(">\(label)<"), "\(label) as text") }
        case "pdf":
            // cairo embeds a subset of each font it drew with: one that has each script's glyphs.
            // (Pango takes Arabic from DejaVu Sans, first in fontconfig's fallbacks for it here.)
            let pdf = String(decoding: bytes, as: UTF8.self)
            let fonts = Set(
                pdf.components(separatedBy: "/BaseFont /").dropFirst().map { String($0.prefix { $0 != "\n" && $0 != "/" && $0 != " " && $0 != ">" }) })
            for families in [["NotoSansCJK"], ["Arabic", "DejaVuSans"], ["NotoSansDevanagari"], ["NotoSansThai"], ["NotoSans-"]] {
                #expect(fonts.contains { font in families.contains { font.contains($0) } }, "\(families) in \(fonts.sorted())")
            }
        default:
            // Without the fonts the same drawing shows boxes: the pictures must differ.
            let boxes = folder.appendingPathComponent("boxes.png").path
            let without = try RelGraphCLI.run(["render", document, "--lang", "zh", "-o", boxes], environment: Self.withoutNoto())
            #expect(without.status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: boxes)) != bytes)
        }
    }

    @Test("text no installed font draws is a warning naming the text and a font package; the drawing is still made")
    func missingFontWarns() throws {
        let document = try Self.document.get()
        let output = try RelGraphCLI.temporaryFolder().appendingPathComponent("boxes.png").path
        let result = try RelGraphCLI.run(["render", document, "--lang", "zh", "-o", output], environment: Self.withoutNoto())
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: output))
        let warnings = result.errors.split(separator: "\n").map(String.init)
        #expect(warnings.allSatisfy { $0.hasPrefix("warning: ") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("北京市") && $0.contains("fonts-noto-cjk") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("नई दिल्ली") && $0.contains("fonts-noto-core") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("กรุงเทพมหานคร") && $0.contains("fonts-noto-core") }, "\(warnings)")
        #expect(!warnings.contains { $0.contains("Москва") }, "DejaVu draws Cyrillic")
    }

    /// The page's `@font-face` rules: weight, unicode range and the font's characters.
    static func faces(in html: String) -> [(weight: Int, range: [ClosedRange<UInt32>], characters: Set<UInt32>)] {
        html.components(separatedBy: "@font-face {").dropFirst().map { rule in
            let weight = Int(rule.components(separatedBy: "font-weight: ").dropFirst().first?.prefix { $0.isNumber } ?? "") ?? 0
            let range = Self.unicodeRanges(rule.components(separatedBy: "unicode-range: ").dropFirst().first.map { String($0.prefix { $0 != ";" }) } ?? "")
            let base64 = rule.components(separatedBy: "base64,").dropFirst().first.map { String($0.prefix { $0 != ")" }) } ?? ""
            return (weight, range, OpenTypeCmap.characters(in: [UInt8](Data(base64Encoded: base64) ?? Data())))
        }
    }

    /// `U+4E2D, U+0041-005A` (any case, any number of digits) as ranges.
    static func unicodeRanges(_ text: String) -> [ClosedRange<UInt32>] {
        text.split(separator: ",").compactMap { part in
            let bounds = part.trimmingCharacters(in: .whitespaces).dropFirst(2).split(separator: "-").compactMap { UInt32($0, radix: 16) }
            guard let low = bounds.first else { return nil }
            return low...(bounds.count > 1 ? bounds[1] : low)
        }
    }

    static func pageTexts() -> [String] { labels + Array(titles.values) + ["城市", "邻近", "مدينة", "के पास", "ใกล้"] }

    @Test("the page embeds fonts, cut to its text, that draw every character of it, regular and bold; the same bytes each time")
    func pageFonts() throws {
        let document = try Self.document.get()
        let folder = try RelGraphCLI.temporaryFolder()
        let first = folder.appendingPathComponent("a.html").path, second = folder.appendingPathComponent("b.html").path
        #expect(try RelGraphCLI.run("render", document, "-o", first).status == 0)
        #expect(try RelGraphCLI.run("render", document, "-o", second).status == 0)
        let html = try String(contentsOfFile: first, encoding: .utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second)) == Data(html.utf8), "byte-identical pages")
        let faces = Self.faces(in: html)
        for weight in [400, 700] {
            for text in Self.pageTexts() {
                for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
                    let face = faces.first { $0.weight == weight && $0.range.contains { $0.contains(scalar.value) } }
                    #expect(face?.characters.contains(scalar.value) == true, "U+\(String(scalar.value, radix: 16)) of \(text) at \(weight)")
                }
            }
        }
        let size = html.utf8.count
        #expect(size < 2_000_000, "cut to the document: \(size) bytes")
    }

    @Test("in Chromium the page draws every script with its own fonts")
    func pageInBrowser() throws {
        let document = try Self.document.get()
        let page = try RelGraphCLI.temporaryFolder().appendingPathComponent("scripts.html").path
        #expect(try RelGraphCLI.run("render", document, "--lang", "zh", "-o", page).status == 0)
        let report = try PageBrowser.drive(
            page, name: "scripts",
            [
                ["fonts": true, "screenshot": "zh"], ["lang": "ar", "fonts": true, "screenshot": "ar"], ["lang": "hi", "fonts": true, "screenshot": "hi"],
            ])
        for step in 0..<3 {
            let loaded = report.strings(step, "fonts")
            let ranges = loaded.filter { $0.hasPrefix("Noto Sans 400 ") }.flatMap { Self.unicodeRanges(String($0.dropFirst("Noto Sans 400 ".count))) }
            for text in Self.labels {
                for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
                    #expect(ranges.contains { $0.contains(scalar.value) }, "a loaded face of the page draws U+\(String(scalar.value, radix: 16)) (\(text))")
                }
            }
        }
        #expect(report.requests.filter { !$0.hasPrefix("data:") } == ["file://" + page])
        #expect(report.console.isEmpty)
    }
}
