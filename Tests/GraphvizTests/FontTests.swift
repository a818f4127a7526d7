import Foundation
import RelGraphCore
import Testing

@testable import RelGraphGraphviz

/// The fonts side of issue 21's "Every script drawn": what a drawing's DOT draws, which
/// installed fonts draw it (fontconfig), and fonts cut to a page's text (HarfBuzz).
@Suite("Fonts: coverage and subsets")
struct FontTests {
    @Test("a drawing's texts come from its labels, plain and HTML, with escapes and references read")
    func drawnTexts() {
        let drawn = DrawnTexts(
            dot:
                #"digraph { graph [fontname="Noto Sans" label=<<TABLE><TR><TD><B>图例 &amp; x</B></TD></TR></TABLE>>] "n0" [label="北京市\nline two" tooltip="not drawn"] a -> b [xlabel="القاهرة"] }"#
        )
        #expect(drawn.texts == ["图例 & x", "北京市", "line two", "القاهرة"])
        #expect(drawn.fontNames == ["Noto Sans"])
    }

    @Test("installed Noto fonts draw Chinese, Japanese, Arabic, Russian, Hindi and Thai; the family's own faces come first")
    func coverage() throws {
        let fonts = try #require(FontFallbacks(family: "Noto Sans", language: "zh"))
        for text in ["北京市", "東京都とひらがな", "القاهرة", "Москва", "नई दिल्ली", "กรุงเทพมหานคร"] {
            #expect(MissingGlyphs.find(in: [text], fonts: fonts).isEmpty, "\(text)")
            for scalar in text.unicodeScalars where scalar != " " {
                let position = try #require(fonts.position(drawing: scalar))
                #expect(fonts.face(at: position)?.family.hasPrefix("Noto Sans") == true, "\(text): \(fonts.face(at: position)?.family ?? "")")
            }
        }
        let missing = MissingGlyphs.find(in: ["a \u{E000}\u{E001} b"], fonts: fonts)
        #expect(missing.map(\.characters) == ["\u{E000}\u{E001}"] || missing.isEmpty)
        #expect(MissingGlyphs.fontPackage(for: ["北"]) == "fonts-noto-cjk")
        #expect(MissingGlyphs.fontPackage(for: ["ก"]) == "fonts-noto-core")
    }

    @Test("a subset keeps exactly what the text needs and is the same bytes each time")
    func subset() throws {
        let fonts = try #require(FontFallbacks(family: "Noto Sans", language: "zh"))
        let scalar: Unicode.Scalar = "北"
        let face = try #require(fonts.position(drawing: scalar).flatMap(fonts.face(at:)))
        let first = try #require(FontSubset.cut(face, to: Array("北京市".unicodeScalars)))
        let second = try #require(FontSubset.cut(face, to: Array("北京市".unicodeScalars)))
        #expect(first == second)
        #expect(first.count < 40_000, "\(first.count) bytes for three characters")
        #expect(PageFonts.ranges(Array("ABCE".unicodeScalars)) == "U+0041-0043, U+0045")
    }
}
