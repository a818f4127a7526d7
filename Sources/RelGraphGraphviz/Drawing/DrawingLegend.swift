import RelGraphInterchange

/// The block above a drawing: its title, a line saying what the drawing shows (as-of date,
/// focus, filters, path), and the legend (kinds by colour, relations by line where edges are
/// unlabelled, and what arrowless lines, dates, the focus frame and the highlight mean).
///
/// It is the graph's own label, an HTML-like table that Graphviz places outside the layout,
/// so every engine keeps it whole, framed and beside the drawing, never moved among the nodes.
struct DrawingLegend {
    var title: String?
    var subtitle: String?
    /// Kinds shown: label, fill, border.
    var kinds: [(label: String, fill: String, border: String)] = []
    /// Relations drawn by style instead of a label: label, symmetric, style.
    var relations: [(label: String, symmetric: Bool, style: RelationStyle)] = []
    var notes: [String] = []
    var showsKey = true
    /// Whether the legend reads right to left: rows aligned right, each swatch right of its text.
    var isRightToLeft = false
    /// The key's heading ("Legend").
    var keyTitle = "Legend"
    var fontName: String

    static let relationColumns = 3

    /// Where rows and texts align: the side the language starts from.
    private var align: String { isRightToLeft ? "RIGHT" : "LEFT" }

    /// The `label` attribute's value: `<…>` (an HTML string), or nil when there is nothing to say.
    func label() -> String? {
        var rows: [String] = []
        if let title { rows.append("<TR><TD ALIGN=\"\(align)\"><FONT POINT-SIZE=\"18\"><B>\(Self.escaped(title))</B></FONT></TD></TR>") }
        if let subtitle { rows.append("<TR><TD ALIGN=\"\(align)\"><FONT POINT-SIZE=\"12\" COLOR=\"#333333\">\(Self.escaped(subtitle))</FONT></TD></TR>") }
        // The key's heading starts the row of kinds (a row of its own where no kinds are shown).
        let heading = "<TD ALIGN=\"\(align)\"><FONT POINT-SIZE=\"12\"><B>\(Self.escaped(keyTitle))</B></FONT></TD>"
        if showsKey, kinds.isEmpty, !relations.isEmpty || !notes.isEmpty { rows.append("<TR>\(heading)</TR>") }
        if showsKey, !kinds.isEmpty {
            var cells = heading
            for kind in kinds {
                let swatch = "<TD BGCOLOR=\"\(kind.fill)\" COLOR=\"\(kind.border)\" BORDER=\"2\" WIDTH=\"18\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD>"
                let text = "<TD ALIGN=\"\(align)\"><FONT POINT-SIZE=\"12\">\(Self.escaped(kind.label))</FONT></TD>"
                // Right to left: the first kind at the right, each swatch right of its name.
                cells = isRightToLeft ? text + swatch + "<TD WIDTH=\"10\"></TD>" + cells : cells + "<TD WIDTH=\"10\"></TD>" + swatch + text
            }
            rows.append("<TR><TD ALIGN=\"\(align)\"><TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\"><TR>\(cells)</TR></TABLE></TD></TR>")
        }
        if showsKey, !relations.isEmpty {
            var table = "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
            let perColumn = (relations.count + Self.relationColumns - 1) / Self.relationColumns
            for row in 0..<perColumn {
                table += "<TR>"
                // Right to left, the first column is the rightmost.
                for column in isRightToLeft ? Array((0..<Self.relationColumns).reversed()) : Array(0..<Self.relationColumns) {
                    let index = column * perColumn + row
                    guard index < relations.count else { table += "<TD></TD><TD></TD>"; continue }
                    let relation = relations[index]
                    let style = relation.style.style
                    let line = style == "dashed" ? " STYLE=\"dashed\"" : style == "dotted" ? " STYLE=\"dotted\"" : ""
                    let sample =
                        "<TD SIDES=\"B\" BORDER=\"\(style == "dotted" ? 2 : 1)\" COLOR=\"\(relation.style.color)\"\(line) WIDTH=\"34\" HEIGHT=\"8\" FIXEDSIZE=\"TRUE\"></TD>"
                    let arrow = relation.symmetric ? "↔" : isRightToLeft ? "←" : "→"
                    let text = "<TD ALIGN=\"\(align)\"><FONT POINT-SIZE=\"11\">\(arrow) \(Self.escaped(relation.label))</FONT></TD>"
                    table += isRightToLeft ? text + sample : sample + text
                }
                table += "</TR>"
            }
            rows.append("<TR><TD ALIGN=\"\(align)\">\(table)</TABLE></TD></TR>")
        }
        if showsKey {
            for note in notes { rows.append("<TR><TD ALIGN=\"\(align)\"><FONT POINT-SIZE=\"11\" COLOR=\"#333333\">\(Self.escaped(note))</FONT></TD></TR>") }
        }
        guard !rows.isEmpty else { return nil }
        let frame = showsKey && (!kinds.isEmpty || !notes.isEmpty) ? "BORDER=\"1\" COLOR=\"#999999\" STYLE=\"rounded\"" : "BORDER=\"0\""
        return "<<TABLE \(frame) CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\">\(rows.joined())</TABLE>>"
    }

    /// Text for an HTML-like label: `&`, `<`, `>`, `"` as entities; line breaks as spaces.
    static func escaped(_ text: String) -> String {
        XMLText.escaped(text, lineBreaksAsSpaces: true)
    }
}
