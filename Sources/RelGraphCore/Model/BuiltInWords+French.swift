extension UIWords {
    /// French (`fr`).
    static let french: [UIWord: String] = [
        .since: "depuis {}", .until: "jusqu’à {}",
        .actor: "acteur", .treaty: "traité", .project: "projet", .sector: "secteur", .event: "événement", .place: "lieu",
        .legend: "Légende", .asOfDate: "à la date du {}", .around: "autour de {}", .kindsShown: "types : {}",
        .relationsShown: "relations : {}", .pathShown: "chemin : {} → {}", .listSeparator: ", ",
        .noteSymmetric: "Trait sans pointe de flèche (↔) : relation symétrique, valable dans les deux sens",
        .noteDates: "Date sous une relation : quand elle valait (a – b, depuis, jusqu’à)",
        .noteStyles: "Trait sans nom : sa relation se lit à sa couleur et à son tireté, comme indiqué ci-dessus",
        .noteTooltips: "Survolez un trait pour voir sa relation et ses dates (info-bulle)",
        .noteElsewhere: "Les dates des traits sans nom : dans les info-bulles du dessin SVG et sur la page interactive (HTML)",
        .noteFocus: "Double cadre : le nœud autour duquel le dessin est centré",
        .noteHighlight: "Orange épais : le plus court chemin demandé",
        .sourceLine: "source : {}",
        .search: "Rechercher", .asOf: "À la date du", .allDates: "toutes les dates", .depth: "Sauts", .language: "Langue",
        .fit: "Ajuster", .clear: "Effacer", .zoomIn: "zoom avant", .zoomOut: "zoom arrière", .edgeLabels: "Noms sur les traits",
        .canvas: "dessin : glisser ou touches fléchées pour déplacer, molette ou + et − pour zoomer, 0 pour ajuster",
        .hint: "Cliquez sur un nœud ou un lien pour ses détails ; Tab atteint les nœuds, Entrée centre sur l’un d’eux.",
        .path: "Chemin", .from: "De", .to: "À", .kinds: "Types", .relations: "Relations",
        .id: "identifiant", .kind: "type", .type: "sous-type", .dates: "dates", .source: "source", .attributes: "attributs",
        .edge: "relation", .symmetric: "symétrique : vaut dans les deux sens",
        .pathFrom: "Chemin depuis ici", .pathTo: "Chemin jusqu’ici", .noPath: "Aucun chemin entre eux dans ce qui est affiché.",
        .noResults: "aucun résultat", .hidden: "(masqué pour l’instant)",
        .notePickedPath: "orange, épais : le chemin entre les deux nœuds choisis",
        .noteFaded: "cadre noir : le nœud au centre ; estompé : hors de son voisinage",
    ]
}
