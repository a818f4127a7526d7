import RelGraphCore

extension DocumentDecoder {
    /// Tracks the keys of one map: which were seen, and where (for duplicates and for
    /// problems about a value). Fixed-size, so decoding a million nodes allocates nothing here.
    struct KeyTracker<Key: DocumentKey> {
        private var seen: UInt32 = 0
        private var keyPositions = InlineArray<16, TextPosition>(repeating: .start)
        private var valuePositions = InlineArray<16, TextPosition>(repeating: .start)

        func has(_ key: Key) -> Bool { seen & (1 << UInt32(key.rawValue)) != 0 }

        /// Where the key's value starts, if the key was given.
        func position(of key: Key) -> TextPosition? { has(key) ? valuePositions[key.rawValue] : nil }

        func keyPosition(of key: Key) -> TextPosition { keyPositions[key.rawValue] }

        mutating func record(_ key: Key, keyAt keyPosition: TextPosition, valueAt valuePosition: TextPosition) {
            seen |= 1 << UInt32(key.rawValue)
            keyPositions[key.rawValue] = keyPosition
            valuePositions[key.rawValue] = valuePosition
        }
    }

    /// The next key of a map and the first token of its value, or nil at the end of the map.
    /// Unknown and duplicate keys are reported and their values skipped.
    mutating func nextEntry<Key: DocumentKey>(_ keys: inout KeyTracker<Key>) throws(ReadError) -> (Key, Token)? {
        while true {
            let keyToken = try nextToken()
            if keyToken.kind == .mappingEnd { return nil }
            guard keyToken.kind == .scalar else {
                report(.typeMismatch(key: "a key in \(Key.container)", expected: "a string", found: keyToken.shapeDescription), at: keyToken.position)
                try skip(keyToken)
                try skip(try nextToken())
                continue
            }
            let value = try nextToken()
            guard let key = Key(name: keyToken.text) else {
                let suggestion = NearestName(candidates: Key.names).nearest(to: keyToken.text)
                report(.unknownKey(keyToken.text, in: Key.container, suggestion: suggestion, allowed: Key.names), at: keyToken.position)
                try skip(value)
                continue
            }
            if keys.has(key) {
                report(.duplicateKey(keyToken.text, first: keys.keyPosition(of: key)), at: keyToken.position)
                try skip(value)
                continue
            }
            keys.record(key, keyAt: keyToken.position, valueAt: value.position)
            return (key, value)
        }
    }

    /// Whether the map had `key`; reports it missing otherwise.
    mutating func require<Key: DocumentKey>(_ key: Key, in keys: KeyTracker<Key>, at start: Token, hint: @autoclosure () -> String) -> Bool {
        guard !keys.has(key) else { return true }
        report(.missingKey(key.name, in: Key.container, hint: hint()), at: start.position)
        return false
    }

    /// Runs `body` on each item of a list.
    mutating func forEachItem(
        _ start: Token, key: String, _ body: (inout Self, Token) throws(ReadError) -> Void
    ) throws(ReadError) {
        guard start.kind == .sequenceStart else {
            report(.typeMismatch(key: key, expected: "a list", found: start.shapeDescription), at: start.position)
            try skip(start)
            return
        }
        while true {
            let item = try nextToken()
            if item.kind == .sequenceEnd { return }
            try body(&self, item)
        }
    }

    mutating func expectMapping(_ token: Token, key: String) throws(ReadError) -> Bool {
        guard token.kind == .mappingStart else {
            report(.typeMismatch(key: key, expected: "a map", found: token.shapeDescription), at: token.position)
            try skip(token)
            return false
        }
        return true
    }

    /// A scalar's text, or nil (reported) for a list, a map or null.
    mutating func scalar(_ token: Token, key: String) throws(ReadError) -> String? {
        guard token.kind == .scalar, !token.isNull else {
            report(.typeMismatch(key: key, expected: "a string", found: token.shapeDescription), at: token.position)
            try skip(token)
            return nil
        }
        return token.text
    }

    mutating func boolean(_ token: Token, key: String) throws(ReadError) -> Bool? {
        guard let text = try scalar(token, key: key) else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            report(.notABoolean(key: key, value: text), at: token.position)
            return nil
        }
    }

    mutating func partialDate(_ token: Token, key: String) throws(ReadError) -> PartialDate? {
        guard let text = try scalar(token, key: key) else { return nil }
        do {
            return try PartialDate(parsing: text)
        } catch {
            report(.invalidDate(key: key, error), at: token.position)
            return nil
        }
    }

    /// A label or title: a string, or a map from language codes to strings.
    mutating func localizedText(_ token: Token, key: String) throws(ReadError) -> LocalizedText? {
        if token.kind == .scalar, !token.isNull {
            guard !token.text.isEmpty else {
                report(.graph(.emptyText(field: key), first: nil), at: token.position)
                return nil
            }
            return LocalizedText(token.text)
        }
        guard token.kind == .mappingStart else {
            report(
                .typeMismatch(key: key, expected: "a string or a map of languages to strings (en: …, hi: …)", found: token.shapeDescription), at: token.position
            )
            try skip(token)
            return nil
        }
        var text = LocalizedText()
        var seen: [String: TextPosition] = [:]
        while true {
            let languageToken = try nextToken()
            if languageToken.kind == .mappingEnd { break }
            let value = try nextToken()
            guard languageToken.kind == .scalar, LanguageCode.isValid(languageToken.text) else {
                report(
                    .graph(.invalidLanguage(languageToken.kind == .scalar ? languageToken.text : languageToken.shapeDescription), first: nil),
                    at: languageToken.position)
                try skip(languageToken)
                try skip(value)
                continue
            }
            if let first = seen[languageToken.text] {
                report(.duplicateKey(languageToken.text, first: first), at: languageToken.position)
                try skip(value)
                continue
            }
            seen[languageToken.text] = languageToken.position
            guard let string = try scalar(value, key: "\(key).\(languageToken.text)") else { continue }
            guard !string.isEmpty else {
                report(.graph(.emptyText(field: "\(key).\(languageToken.text)"), first: nil), at: value.position)
                continue
            }
            text[languageToken.text] = string
        }
        return text
    }

    mutating func attributes(_ token: Token) throws(ReadError) -> Attributes {
        guard try expectMapping(token, key: "attributes") else { return Attributes() }
        var attributes: [Attributes.Attribute] = []
        var seen: [String: TextPosition] = [:]
        while true {
            let nameToken = try nextToken()
            if nameToken.kind == .mappingEnd { break }
            let value = try nextToken()
            guard nameToken.kind == .scalar else {
                report(.typeMismatch(key: "an attribute name", expected: "a string", found: nameToken.shapeDescription), at: nameToken.position)
                try skip(nameToken)
                try skip(value)
                continue
            }
            let name = nameToken.text
            if let first = seen[name] {
                report(.duplicateKey(name, first: first), at: nameToken.position)
                try skip(value)
                continue
            }
            seen[name] = nameToken.position
            guard Attributes.isValidName(name) else {
                report(.graph(.invalidAttributeName(name), first: nil), at: nameToken.position)
                try skip(value)
                continue
            }
            if value.kind == .sequenceStart {
                if let list = try list(named: name) { attributes.append(.init(name: name, value: list)) }
                continue
            }
            guard value.kind == .scalar, !value.isNull else {
                report(.nonScalarAttribute(name: name, found: value.shapeDescription), at: value.position)
                try skip(value)
                continue
            }
            attributes.append(.init(name: name, value: scalarValue(value)))
        }
        return Attributes(attributes)
    }

    private func scalarValue(_ token: Token) -> AttributeValue {
        token.isPlain ? AttributeValue(inferringTypeOf: token.text) : .string(token.text)
    }

    /// The rest of a list attribute (its `[` read): scalars only; a nested list, map or null
    /// is reported and the list dropped.
    private mutating func list(named name: String) throws(ReadError) -> AttributeValue? {
        var values: [AttributeValue] = []
        var valid = true
        while true {
            let item = try nextToken()
            if item.kind == .sequenceEnd { break }
            guard item.kind == .scalar, !item.isNull else {
                if valid { report(.nonScalarAttribute(name: name, found: "a list holding " + item.shapeDescription), at: item.position) }
                valid = false
                try skip(item)
                continue
            }
            values.append(scalarValue(item))
        }
        return valid ? .list(values) : nil
    }

    /// Consumes the rest of the value that `token` starts.
    mutating func skip(_ token: Token) throws(ReadError) {
        guard token.kind == .mappingStart || token.kind == .sequenceStart else { return }
        var depth = 1
        while depth > 0 {
            switch try nextToken().kind {
            case .mappingStart, .sequenceStart: depth += 1
            case .mappingEnd, .sequenceEnd: depth -= 1
            case .end: return
            case .scalar: break
            }
        }
    }

    /// The next token; a scalar holding a control character is reported (and still read, so
    /// that one run finds every problem).
    ///
    /// Readers end a document only outside every list and map; should one not, the decoder
    /// throws rather than wait in a loop for a list's end that never comes.
    mutating func nextToken() throws(ReadError) -> Token {
        var token = try reader.next()
        switch token.kind {
        case .mappingStart, .sequenceStart: openContainers += 1
        case .mappingEnd, .sequenceEnd: openContainers -= 1
        case .end where openContainers > 0:
            throw ReadError(position: token.position, problem: .syntax("the document ends inside a list or map"))
        case .end, .scalar: break
        }
        if token.kind == .scalar, let control = ControlCharacters.first(in: token.text) {
            report(.controlCharacter(control), at: token.position)
            // Reported once, here: the builder, which refuses them too, sees a placeholder.
            token.text = ControlCharacters.replacing(in: token.text)
        }
        return token
    }

    mutating func report(_ problem: DocumentProblem, at position: TextPosition) {
        guard problems.count < DocumentSchema.maximumDiagnostics else { return }
        problems.append(LocatedProblem(position: position, problem: problem))
    }
}
