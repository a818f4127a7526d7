/// The benchmark graph sizes.
enum Size: String, CaseIterable {
    case S, M, L, XL

    var nodes: Int {
        switch self {
        case .S: return 40
        case .M: return 10_000
        case .L: return 200_000
        case .XL: return 1_000_000
        }
    }

    var edges: Int {
        switch self {
        case .S: return 80
        case .M: return 50_000
        case .L: return 1_000_000
        case .XL: return 5_000_000
        }
    }

    /// YAML is written up to M: beyond that it is not a format anyone loads.
    var hasYAML: Bool { self == .S || self == .M }
}
