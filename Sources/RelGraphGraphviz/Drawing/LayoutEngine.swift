/// Graphviz's layout engines that RelGraph draws with: the one vocabulary of drawings, used by
/// ``DOTDrawing``, ``LayoutBudget``, the renderer in RelGraphGraphviz and the command line.
public enum LayoutEngine: String, Sendable, Hashable, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi
}
