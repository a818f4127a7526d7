/// What a drawing is rendered to: SVG, PNG, PDF, or DOT and xdot with layout coordinates.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case svg, png, pdf, dot, xdot

    /// The format a file's extension names (`.svg`, `.png`, `.pdf`, `.dot`, `.gv`, `.xdot`).
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "gv": self = .dot
        default: self.init(rawValue: fileExtension.lowercased())
        }
    }
}
