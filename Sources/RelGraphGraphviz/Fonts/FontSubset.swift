import CFontTools

/// A font file's face cut down to some characters (HarfBuzz's subsetter): their glyphs, and
/// those its layout tables reach from them (Arabic joining forms, Devanagari conjuncts), so
/// that text in them shapes as with the whole font. The same font and characters give the
/// same bytes.
enum FontSubset {
    /// The subset font (OpenType, as the face's own outlines: TrueType or CFF), or nil when
    /// the file cannot be read or cut.
    ///
    /// - Complexity: HarfBuzz's; about linear in the glyphs kept and the tables reaching them.
    static func cut(_ face: FontFace, to scalars: some Sequence<Unicode.Scalar>) -> [UInt8]? {
        guard face.index >= 0, let blob = hb_blob_create_from_file_or_fail(face.path) else { return nil }
        defer { hb_blob_destroy(blob) }
        guard let source = hb_face_create(blob, UInt32(face.index)) else { return nil }
        defer { hb_face_destroy(source) }
        guard hb_face_get_glyph_count(source) > 0, let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let unicodes = hb_subset_input_unicode_set(input)
        for scalar in scalars { hb_set_add(unicodes, scalar.value) }
        // Hinting is for small sizes on screens without anti-aliasing; a page has no use for it.
        hb_subset_input_set_flags(input, UInt32(HB_SUBSET_FLAGS_NO_HINTING.rawValue))
        guard let subset = hb_subset_or_fail(source, input) else { return nil }
        defer { hb_face_destroy(subset) }
        guard let data = hb_face_reference_blob(subset) else { return nil }
        defer { hb_blob_destroy(data) }
        var length: UInt32 = 0
        guard let bytes = hb_blob_get_data(data, &length), length > 0 else { return nil }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }
}
