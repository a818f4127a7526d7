extension UIWords {
    /// RelGraph's own translations: every ``UIWord`` in English, Hindi, Chinese (simplified),
    /// French, Russian, Spanish and Arabic (a test checks that each language has every word,
    /// with its `{}` marks). Other languages fall back to English, word by word; a document
    /// adds or overrides words with a `ui:` block.
    public static let builtIn = UIWords([
        "en": english, "hi": hindi, "zh": chinese, "fr": french, "ru": russian, "es": spanish, "ar": arabic,
    ])
}
