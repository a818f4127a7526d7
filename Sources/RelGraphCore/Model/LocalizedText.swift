/// A text given in one or more languages, such as a label `{en: India, hi: भारत}`.
///
/// A text written without a language (`label: India`) is kept as a neutral entry.
/// ``text(in:)`` picks the asked language, then English, then the first entry given.
public struct LocalizedText: Hashable, Sendable {
    /// One text and the language it is in (`nil` for a text given without a language).
    public struct Entry: Hashable, Sendable {
        public var language: String?
        public var text: String

        public init(language: String?, text: String) {
            self.language = language
            self.text = text
        }
    }

    /// The entries in the order they were given.
    public private(set) var entries: [Entry]

    /// Creates a text from entries; a later entry for the same language replaces an earlier one.
    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries { self[entry.language] = entry.text }
    }

    /// A text of entries whose languages are known to differ (readers that checked it).
    package init(distinctEntries entries: [Entry]) {
        self.entries = entries
    }

    /// A text without a language.
    public init(_ text: String) {
        entries = [Entry(language: nil, text: text)]
    }

    /// Whether no text is given at all.
    public var isEmpty: Bool { entries.isEmpty }

    /// Whether the text is a single entry without a language (written as a plain string).
    public var isNeutral: Bool { entries.count == 1 && entries[0].language == nil }

    /// The languages given, in order (neutral entries left out).
    public var languages: [String] { entries.compactMap(\.language) }

    /// The text in exactly `language` (`nil` for the neutral entry), if given.
    public subscript(language: String?) -> String? {
        get { entries.first { $0.language == language }?.text }
        set {
            if let index = entries.firstIndex(where: { $0.language == language }) {
                if let newValue { entries[index].text = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(language: language, text: newValue))
            }
        }
    }

    /// The best text for `language`: that language, else English, else the first given.
    public func text(in language: String) -> String? {
        self[language] ?? self["en"] ?? entries.first?.text
    }
}

extension LocalizedText: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}

extension LocalizedText: ExpressibleByDictionaryLiteral {
    /// `["en": "India", "hi": "भारत"]`, in the order written.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Entry(language: $0.0, text: $0.1) })
    }
}
