extension UIWords {
    /// Spanish (`es`).
    static let spanish: [UIWord: String] = [
        .since: "desde {}", .until: "hasta {}",
        .actor: "actor", .treaty: "tratado", .project: "proyecto", .sector: "sector", .event: "evento", .place: "lugar",
        .legend: "Leyenda", .asOfDate: "a fecha de {}", .around: "en torno a {}", .kindsShown: "tipos: {}",
        .relationsShown: "relaciones: {}", .pathShown: "camino: {} → {}", .listSeparator: ", ",
        .noteSymmetric: "Línea sin punta de flecha (↔): relación simétrica, válida en ambos sentidos",
        .noteDates: "Fecha bajo una relación: cuándo estuvo vigente (a – b, desde, hasta)",
        .noteStyles: "Línea sin nombre: su relación se distingue por el color y el trazo, como se indica arriba",
        .noteTooltips: "Pase el puntero sobre una línea para ver su relación y sus fechas (información emergente)",
        .noteElsewhere: "Las fechas de las líneas sin nombre: en la información emergente del dibujo SVG y en la página interactiva (HTML)",
        .noteFocus: "Doble marco: el nodo en torno al cual se centra el dibujo",
        .noteHighlight: "Naranja grueso: el camino más corto solicitado",
        .sourceLine: "fuente: {}",
        .search: "Buscar", .asOf: "A fecha de", .allDates: "todas las fechas", .depth: "Saltos", .language: "Idioma",
        .fit: "Ajustar", .clear: "Borrar", .zoomIn: "acercar", .zoomOut: "alejar", .edgeLabels: "Nombres en las líneas",
        .canvas: "dibujo: arrastre o teclas de flecha para desplazar, rueda o + y − para ampliar, 0 para ajustar",
        .hint: "Haga clic en un nodo o una relación para ver sus detalles; Tab llega a los nodos, Intro centra uno.",
        .path: "Camino", .from: "Desde", .to: "Hasta", .kinds: "Tipos", .relations: "Relaciones",
        .id: "identificador", .kind: "tipo", .type: "subtipo", .dates: "fechas", .source: "fuente", .attributes: "atributos",
        .edge: "relación", .symmetric: "simétrica: válida en ambos sentidos",
        .pathFrom: "Camino desde aquí", .pathTo: "Camino hasta aquí", .noPath: "No hay camino entre ellos en lo que se muestra.",
        .noResults: "sin resultados", .hidden: "(oculto ahora)",
        .notePickedPath: "naranja, grueso: el camino entre los dos nodos elegidos",
        .noteFaded: "marco negro: el nodo enfocado; atenuado: fuera de su vecindad",
    ]
}
