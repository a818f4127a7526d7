/// The characters an OpenType font maps to glyphs (its `cmap`: format 12, else format 4),
/// read without any font library, so tests can check the fonts RelGraph embeds.
public enum OpenTypeCmap {
    /// The Unicode scalar values `font` has a glyph for; empty when it has no readable cmap.
    public static func characters(in font: [UInt8]) -> Set<UInt32> {
        func u16(_ at: Int) -> Int { at + 1 < font.count ? Int(font[at]) << 8 | Int(font[at + 1]) : 0 }
        func u32(_ at: Int) -> Int { u16(at) << 16 | u16(at + 2) }
        var cmap: Int?
        for table in 0..<u16(4) {
            let record = 12 + 16 * table
            if Array(font[record..<min(record + 4, font.count)]) == Array("cmap".utf8) { cmap = u32(record + 8) }
        }
        guard let cmap else { return [] }
        var format4: Int?, format12: Int?
        for index in 0..<u16(cmap + 2) {
            let record = cmap + 4 + 8 * index
            let (platform, encoding, offset) = (u16(record), u16(record + 2), cmap + u32(record + 4))
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard unicode else { continue }
            if u16(offset) == 12 { format12 = offset }
            if u16(offset) == 4 { format4 = offset }
        }
        var found = Set<UInt32>()
        if let table = format12 {
            for group in 0..<u32(table + 12) {
                let at = table + 16 + 12 * group
                let (start, end, glyph) = (u32(at), u32(at + 4), u32(at + 8))
                guard start <= end else { continue }
                for (offset, scalar) in (start...end).enumerated() where glyph + offset != 0 { found.insert(UInt32(scalar)) }
            }
        } else if let table = format4 {
            let segments = u16(table + 6) / 2
            let ends = table + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, ranges = deltas + 2 * segments
            for segment in 0..<segments {
                let (start, end) = (u16(starts + 2 * segment), u16(ends + 2 * segment))
                let delta = u16(deltas + 2 * segment), rangeOffset = u16(ranges + 2 * segment)
                guard start <= end else { continue }
                for scalar in start...end where scalar != 0xFFFF {
                    var glyph: Int
                    if rangeOffset == 0 {
                        glyph = (scalar + delta) & 0xFFFF
                    } else {
                        glyph = u16(ranges + 2 * segment + rangeOffset + 2 * (scalar - start))
                        if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                    }
                    if glyph != 0 { found.insert(UInt32(scalar)) }
                }
            }
        }
        return found
    }
}
