/// A failure inside Graphviz, with the messages Graphviz gave. ``code`` says which kind (new
/// codes may come: switch with a `default`).
public struct GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        fileprivate enum Value: Hashable, Sendable { case syntax, layout, render, unavailable }
        fileprivate let value: Value

        /// The DOT text does not parse.
        public static let syntax = Code(value: .syntax)
        /// Layout failed or reported errors.
        public static let layout = Code(value: .layout)
        /// Rendering failed or reported errors.
        public static let render = Code(value: .render)
        /// This Graphviz has no plugin for the layout engine or output format.
        public static let unavailable = Code(value: .unavailable)
    }

    package enum Reason: Hashable, Sendable {
        case syntax(messages: [String])
        case layout(engine: String, messages: [String])
        case render(format: String, messages: [String])
        case unavailable(kind: GraphvizPlugin, name: String, available: [String])
    }

    package let reason: Reason

    package static func syntax(messages: [String]) -> Self { Self(reason: .syntax(messages: messages)) }
    package static func layout(engine: String, messages: [String]) -> Self { Self(reason: .layout(engine: engine, messages: messages)) }
    package static func render(format: String, messages: [String]) -> Self { Self(reason: .render(format: format, messages: messages)) }
    package static func unavailable(kind: GraphvizPlugin, name: String, available: [String]) -> Self {
        Self(reason: .unavailable(kind: kind, name: name, available: available))
    }

    public var code: Code {
        switch reason {
        case .syntax: return .syntax
        case .layout: return .layout
        case .render: return .render
        case .unavailable: return .unavailable
        }
    }

    public var description: String {
        switch reason {
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
        switch reason {
        case .syntax(let messages), .layout(_, let messages), .render(_, let messages): return messages
        case .unavailable: return []
        }
    }

    private static func join(_ messages: [String]) -> String {
        messages.isEmpty ? "no message" : messages.joined(separator: "; ")
    }
}
