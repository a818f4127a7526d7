/// How values that are not fixed-width are laid out as records (a built graph's labels, a
/// snapshot's texts and attributes): lengths and counts as LEB128 varints, texts as their
/// UTF-8 bytes, numbers as 8 little-endian bytes.
///
/// Records are read from a file that may be damaged or hostile: the reader never reads past its
/// record, and a record that does not parse decodes to what was read so far (an id that does
/// not parse decodes with U+FFFD in place of bad bytes), never a trap.
struct RecordWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: Int) {
        var value = UInt64(value)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { self.text(utf8: $0) }
    }

    /// A text given as its UTF-8 bytes (valid UTF-8, which the caller checked).
    mutating func text(utf8: UnsafeBufferPointer<UInt8>) {
        varint(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func optionalText(_ text: String?) {
        if let text {
            bytes.append(1)
            self.text(text)
        } else {
            bytes.append(0)
        }
    }

    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func localizedText(_ text: LocalizedText) {
        varint(text.entries.count)
        for entry in text.entries {
            optionalText(entry.language)
            self.text(entry.text)
        }
    }

    mutating func attributes(_ attributes: Attributes) {
        varint(attributes.count)
        for attribute in attributes {
            text(attribute.name)
            value(attribute.value)
        }
    }

    mutating func value(_ value: AttributeValue) {
        switch value {
        case .string(let string):
            bytes.append(0)
            text(string)
        case .integer(let integer):
            bytes.append(1)
            word(UInt64(bitPattern: Int64(integer)))
        case .number(let number):
            bytes.append(2)
            word(number.bitPattern)
        case .boolean(let boolean):
            bytes.append(boolean ? 4 : 3)
        case .list(let values):
            bytes.append(5)
            varint(values.count)
            for value in values { self.value(value) }
        }
    }
}

/// Reads what ``RecordWriter`` wrote, within one record's bytes.
struct RecordReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0
    /// Set when the record ended early or held something no writer writes.
    private(set) var isDamaged = false

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else { isDamaged = true; return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A count or length of what follows in the record; at most what the rest of the record
    /// could hold, so a damaged count never makes a reader loop or allocate beyond the record.
    mutating func varint() -> Int {
        let value = number()
        let remaining = UInt64(bytes.count - min(offset, bytes.count))
        guard value <= remaining else { isDamaged = true; return Int(remaining) }
        return Int(value)
    }

    /// A number (such as a node count), not bounded by the record.
    mutating func number() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while !isDamaged {
            let byte = self.byte()
            if shift < 64 { value |= UInt64(byte & 0x7F) << shift }
            if byte & 0x80 == 0 { break }
            shift += 7
            if shift > 63 { isDamaged = true }
        }
        return value
    }

    mutating func text() -> String {
        let length = varint()
        let end = min(offset + length, bytes.count)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        offset = end
        return text
    }

    mutating func optionalText() -> String? {
        byte() == 0 ? nil : text()
    }

    mutating func word() -> UInt64 {
        guard offset + 8 <= bytes.count else { isDamaged = true; offset = bytes.count; return 0 }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func localizedText() -> LocalizedText {
        let count = varint()
        var entries: [LocalizedText.Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count where !isDamaged {
            let language = optionalText()
            entries.append(LocalizedText.Entry(language: language, text: text()))
        }
        return LocalizedText(entries)
    }

    mutating func attributes() -> Attributes {
        let count = varint()
        var attributes: [Attributes.Attribute] = []
        attributes.reserveCapacity(count)
        for _ in 0..<count where !isDamaged {
            let name = text()
            guard let value = value(nested: false) else { break }
            attributes.append(Attributes.Attribute(name: name, value: value))
        }
        return Attributes(attributes)
    }

    mutating func value(nested: Bool) -> AttributeValue? {
        switch byte() {
        case 0: return .string(text())
        case 1: return .integer(Int(truncatingIfNeeded: Int64(bitPattern: word())))
        case 2: return .number(Double(bitPattern: word()))
        case 3: return .boolean(false)
        case 4: return .boolean(true)
        case 5 where !nested:
            let count = varint()
            var values: [AttributeValue] = []
            values.reserveCapacity(count)
            for _ in 0..<count where !isDamaged {
                guard let value = value(nested: true) else { break }
                values.append(value)
            }
            return .list(values)
        default:
            isDamaged = true
            return nil
        }
    }
}

/// A ``Timing`` in eight bytes: two 32-bit words, each a date as `year << 16 | month << 8 | day`
/// (0 when absent, a month or day of 0 when not known), the first word's top two bits saying
/// which case it is (0 undated, 1 a point, 2 an interval).
enum PackedTiming {
    static func pack(_ timing: Timing) -> UInt64 {
        func date(_ date: PartialDate?) -> UInt32 {
            guard let date else { return 0 }
            return UInt32(date.year) << 16 | UInt32(date.month ?? 0) << 8 | UInt32(date.day ?? 0)
        }
        let first: UInt32, second: UInt32
        switch timing {
        case .undated: (first, second) = (0, 0)
        case .on(let point): (first, second) = (1 << 30 | date(point), 0)
        case let .between(start, end): (first, second) = (2 << 30 | date(start), date(end))
        }
        return UInt64(first) | UInt64(second) << 32
    }

    /// A column of the timings packed in `words`, sharing their memory.
    static func column(_ words: [UInt64]) -> ValueColumn<Timing> {
        ValueColumn(records: EncodedRecords(stride: 8, bytes: Column(bytesOf: words)), decode: timing)
    }

    /// Decodes a record of eight bytes (anything else reads as undated).
    static let timing: @Sendable (UnsafeRawBufferPointer) -> Timing = { record in
        guard record.count == 8 else { return .undated }
        return unpack(UInt64(littleEndian: record.loadUnaligned(as: UInt64.self)))
    }

    /// The timing packed in `word`; a date that does not exist reads as absent.
    static func unpack(_ word: UInt64) -> Timing {
        func date(_ packed: UInt32) -> PartialDate? {
            let year = Int(packed >> 16 & 0x3FFF), month = Int(packed >> 8 & 0xFF), day = Int(packed & 0xFF)
            guard year > 0 else { return nil }
            return try? PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
        }
        let first = UInt32(truncatingIfNeeded: word), second = UInt32(truncatingIfNeeded: word >> 32)
        switch first >> 30 {
        case 1: return date(first).map(Timing.on) ?? .undated
        case 2: return .between(start: date(first), end: date(second))
        default: return .undated
        }
    }
}
