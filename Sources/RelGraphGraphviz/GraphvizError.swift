/// A failure inside Graphviz, with the messages Graphviz gave.
public enum GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The DOT text does not parse.
    case syntax(messages: [String])
    /// Layout failed or reported errors.
    case layout(engine: String, messages: [String])
    /// Rendering failed or reported errors.
    case render(format: String, messages: [String])
    /// This Graphviz has no plugin for the layout engine or output format.
    case unavailable(kind: GraphvizPlugin, name: String, available: [String])

    public var description: String {
        switch self {
        case .syntax(let messages):
            return "graphviz: the DOT does not parse: " + Self.join(messages)
        case let .layout(engine, messages):
            return "graphviz: layout with \(engine) failed: " + Self.join(messages)
        case let .render(format, messages):
            return "graphviz: rendering \(format) failed: " + Self.join(messages)
        case let .unavailable(kind, name, available):
            return "graphviz: no \(kind.rawValue) '\(name)' in this Graphviz; it has \(available.joined(separator: ", ")) (is libgvc6-plugins-gtk installed?)"
        }
    }

    /// The messages Graphviz gave.
    public var messages: [String] {
        switch self {
        case .syntax(let messages), .layout(_, let messages), .render(_, let messages): return messages
        case .unavailable: return []
        }
    }

    private static func join(_ messages: [String]) -> String {
        messages.isEmpty ? "no message" : messages.joined(separator: "; ")
    }
}
