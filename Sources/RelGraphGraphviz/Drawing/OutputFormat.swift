/// What a drawing is rendered to: SVG, PNG, PDF, DOT and xdot with layout coordinates, or
/// `html`, the interactive page (contract §5).
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case svg, png, pdf, dot, xdot, html

    /// Whether a drawing in this format shows tooltips (SVG, and the page's SVG); PNG and PDF
    /// do not, and DOT carries them only as attributes.
    public var hasTooltips: Bool { self == .svg || self == .html }

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
