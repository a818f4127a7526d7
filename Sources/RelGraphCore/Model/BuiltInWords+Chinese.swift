extension UIWords {
    /// Chinese in simplified characters (`zh`; `zh-Hans`, `zh-CN` and the others fall back to it).
    static let chinese: [UIWord: String] = [
        .since: "自{}起", .until: "至{}",
        .actor: "行为体", .treaty: "条约", .project: "项目", .sector: "领域", .event: "事件", .place: "地点",
        .legend: "图例", .asOfDate: "截至{}", .around: "中心：{}", .kindsShown: "类型：{}",
        .relationsShown: "关系：{}", .pathShown: "路径：{} → {}", .listSeparator: "、",
        .noteSymmetric: "无箭头的线（↔）：对称关系，双向成立",
        .noteDates: "关系下方的日期：该关系成立的时间（甲 – 乙、自…起、至…）",
        .noteStyles: "无名称的线：其关系以颜色和线型区分，见上方列表",
        .noteTooltips: "将指针移到线上，可在提示框中查看其关系和日期",
        .noteElsewhere: "无名称线条的日期：见 SVG 图的提示框或交互式网页（HTML）",
        .noteFocus: "双线框：图所围绕的节点",
        .noteHighlight: "橙色粗线：所查询的最短路径",
        .sourceLine: "来源：{}",
        .search: "搜索", .asOf: "截至", .allDates: "全部日期", .depth: "跳数", .language: "语言",
        .fit: "适应窗口", .clear: "清除", .zoomIn: "放大", .zoomOut: "缩小", .edgeLabels: "线上显示名称",
        .canvas: "绘图：拖动或方向键平移，滚轮或 + 和 − 缩放，0 适应窗口",
        .hint: "点击节点或连线查看详情；按 Tab 键可选中节点，按 Enter 键聚焦。",
        .path: "路径", .from: "起点", .to: "终点", .kinds: "类型", .relations: "关系",
        .id: "标识", .kind: "类型", .type: "子类型", .dates: "日期", .source: "来源", .attributes: "属性",
        .edge: "关系", .symmetric: "对称：双向成立",
        .pathFrom: "从此处出发的路径", .pathTo: "到此处的路径", .noPath: "在当前显示的内容中，两者之间没有路径。",
        .noResults: "无匹配结果", .hidden: "（当前已隐藏）",
        .notePickedPath: "橙色粗线：所选两个节点之间的路径",
        .noteFaded: "黑色边框：聚焦的节点；淡化：其邻域之外",
    ]
}
