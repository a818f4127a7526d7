/// Language codes for labels: a BCP 47 primary tag with optional subtags (`en`, `hi`, `pt-BR`).
package enum LanguageCode {
    package static func isValid(_ code: String) -> Bool {
        // The common case, two or three lowercase letters, without splitting.
        let utf8 = code.utf8
        if utf8.count <= 3, utf8.count >= 2, utf8.allSatisfy({ (0x61...0x7A).contains($0) }) { return true }
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.utf8.count),
            primary.utf8.allSatisfy({ (0x61...0x7A).contains($0) })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.utf8.count)
                && part.utf8.allSatisfy {
                    (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
                }
        }
    }
}
