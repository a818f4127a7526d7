/// What a drawing is rendered to: SVG, PNG, PDF, DOT and xdot with layout coordinates, or
/// `html`, the interactive page (contract §5).
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case svg, png, pdf, dot, xdot, html

    /// The format a file's extension names (`.svg`, `.png`, `.pdf`, `.dot`, `.gv`, `.xdot`,
    /// `.html`, `.htm`).
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "gv": self = .dot
        case "htm": self = .html
        default: self.init(rawValue: fileExtension.lowercased())
        }
    }
}
