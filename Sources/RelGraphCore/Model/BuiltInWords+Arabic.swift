extension UIWords {
    /// Arabic (`ar`), written right to left (``UIWords/isRightToLeft(_:)``).
    static let arabic: [UIWord: String] = [
        .since: "منذ {}", .until: "حتى {}",
        .actor: "فاعل", .treaty: "معاهدة", .project: "مشروع", .sector: "قطاع", .event: "حدث", .place: "مكان",
        .legend: "مفتاح الرسم", .asOfDate: "حتى تاريخ {}", .around: "حول: {}", .kindsShown: "الأنواع: {}",
        .relationsShown: "العلاقات: {}", .pathShown: "المسار: من {} إلى {}", .listSeparator: "، ",
        .noteSymmetric: "خط بلا رأس سهم (↔): علاقة متماثلة تسري في الاتجاهين",
        .noteDates: "تاريخ تحت علاقة: متى كانت قائمة (أ – ب، منذ، حتى)",
        .noteStyles: "خط بلا اسم: تُعرف علاقته بلونه ونمط تقطيعه كما في القائمة أعلاه",
        .noteTooltips: "مرّر المؤشر فوق خط لترى علاقته وتواريخه (تلميح)",
        .noteElsewhere: "تواريخ الخطوط التي بلا اسم: في تلميحات رسم SVG وفي الصفحة التفاعلية (HTML)",
        .noteFocus: "إطار مزدوج: العقدة التي يتمحور حولها الرسم",
        .noteHighlight: "برتقالي سميك: أقصر مسار مطلوب",
        .sourceLine: "المصدر: {}",
        .search: "بحث", .asOf: "حتى تاريخ", .allDates: "كل التواريخ", .depth: "الخطوات", .language: "اللغة",
        .fit: "ملاءمة", .clear: "مسح", .zoomIn: "تكبير", .zoomOut: "تصغير", .edgeLabels: "الأسماء على الخطوط",
        .canvas: "الرسم: اسحب أو استخدم مفاتيح الأسهم للتحريك، والعجلة أو + و − للتكبير، و0 للملاءمة",
        .hint: "انقر على عقدة أو علاقة لعرض تفاصيلها؛ يصل Tab إلى العقد، ويركّز Enter على إحداها.",
        .path: "المسار", .from: "من", .to: "إلى", .kinds: "الأنواع", .relations: "العلاقات",
        .id: "المعرّف", .kind: "النوع", .type: "النوع الفرعي", .dates: "التواريخ", .source: "المصدر", .attributes: "السمات",
        .edge: "العلاقة", .symmetric: "متماثلة: تسري في الاتجاهين",
        .pathFrom: "المسار من هنا", .pathTo: "المسار إلى هنا", .noPath: "لا يوجد مسار بينهما فيما هو معروض.",
        .noResults: "لا توجد نتائج", .hidden: "(مخفي الآن)",
        .notePickedPath: "برتقالي سميك: المسار بين العقدتين المختارتين",
        .noteFaded: "إطار أسود: العقدة المركَّز عليها؛ باهت: خارج جوارها",
    ]
}
