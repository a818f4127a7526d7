import RelGraph
import RelGraphGraphviz

extension Render {
    /// `render --format html`: the interactive page of contract §5 for `view`.
    func page(of view: GraphView, drawing: DOTDrawing) throws(GraphvizError) -> Rendering {
        var page = InteractivePage(view: view, drawing: drawing)
        page.keepsIsolated = keepIsolated
        page.requestedLayout = layout
        return try page.render()
    }
}
