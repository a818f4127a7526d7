import RelGraph

/// Runs a scenario's set-up statements into a ``SetupGraph``. The runner performs `CREATE` and
/// `DELETE` itself; the reading clauses between them (`MATCH`, `UNWIND`, `WITH`) and the
/// property maps of `CREATE` are evaluated by RelGraph's query engine over the graph built so
/// far, with the rows so far passed in as a parameter. The product itself never writes.
struct SetupScript {
    /// A row of variables; nodes and relationships are numbered as in ``SetupGraph``.
    typealias Row = [String: CypherValue]

    private(set) var graph = SetupGraph()
    private var built: BuiltSetup?

    /// The graph as RelGraph reads it, built when it changed.
    mutating func current() throws(SetupUnsupported) -> BuiltSetup {
        if let built { return built }
        let fresh = try BuiltSetup(graph)
        built = fresh
        return fresh
    }

    /// Runs one statement.
    mutating func run(_ statement: String) throws(SetupFailure) {
        let parts: [SetupPart]
        do { parts = try SetupPart.parts(of: statement) } catch { throw .unsupported(error) }
        var rows: [Row] = [[:]]
        for part in parts {
            switch part {
            case .read(let clauses):
                rows = try read(clauses, rows)
            case .create(let text):
                let patterns: [CreatePattern]
                do { patterns = try CreatePattern.patterns(in: text) } catch { throw .unsupported(error) }
                // One pattern after another, so that a map may read a variable an earlier pattern
                // of the same CREATE bound (`CREATE (a {id: 0}), (b {num: a.id})`).
                for pattern in patterns { rows = try create([pattern], rows) }
            case .delete(let names, let detach):
                for row in rows {
                    for name in names {
                        switch row[name] {
                        case .node(let node)?: graph.deleteNode(node.position, detaching: detach)
                        case .relationship(let relationship)?: graph.deleteRelationship(relationship.position)
                        default: break
                        }
                    }
                }
                built = nil
            }
        }
    }

    /// The rows that reading clauses make from `rows`.
    private mutating func read(_ clauses: String, _ rows: [Row]) throws(SetupFailure) -> [Row] {
        let names = Set(rows.flatMap(\.keys)).sorted()
        let result = try evaluate("\(Self.prefix(names))\n\(clauses)\nRETURN *", rows)
        let columns = result.columns.enumerated().filter { !$0.element.hasPrefix("__") }
        let setup: BuiltSetup
        do { setup = try current() } catch { throw .unsupported(error) }
        return result.rows.map { values in
            var row: Row = [:]
            for (index, name) in columns { row[name] = setup.setupValue(values[index]) }
            return row
        }
    }

    /// `UNWIND $__rows AS __row WITH __row, __row.a AS a, ...`: the rows as the engine's input.
    private static func prefix(_ names: [String]) -> String {
        "UNWIND $__rows AS __row WITH __row" + names.map { ", __row.`\($0)` AS `\($0)`" }.joined()
    }

    private mutating func evaluate(_ query: String, _ rows: [Row]) throws(SetupFailure) -> CypherResult {
        let setup: BuiltSetup
        do { setup = try current() } catch { throw .unsupported(error) }
        let input = CypherValue.list(rows.map { row in .map(row.mapValues { setup.graphValue($0) }) })
        do {
            return try setup.graph.query(query, parameters: ["__rows": input])
        } catch {
            throw .engine(query: query, error.report(for: query))
        }
    }

    /// Creates the patterns once per row; returns the rows with the new variables bound.
    private mutating func create(_ patterns: [CreatePattern], _ rows: [Row]) throws(SetupFailure) -> [Row] {
        // Every property map of the clause, evaluated for every row in one query.
        var maps: [String] = []
        for pattern in patterns {
            maps += pattern.nodes.compactMap(\.properties)
            maps += pattern.relationships.compactMap(\.properties)
        }
        var evaluated: [[CypherValue]] = rows.map { _ in [] }
        if !maps.isEmpty {
            let names = Set(rows.flatMap(\.keys)).sorted()
            let result = try evaluate("\(Self.prefix(names))\nRETURN [\(maps.joined(separator: ", "))] AS __maps", rows)
            guard result.rows.count == rows.count else {
                throw .engine(query: maps.joined(separator: ", "), "the property maps gave \(result.rows.count) rows for \(rows.count)")
            }
            let setup: BuiltSetup
            do { setup = try current() } catch { throw .unsupported(error) }
            evaluated = result.rows.map { values in
                guard case .list(let items) = values[0] else { return [] }
                return items.map { setup.setupValue($0) }
            }
        }
        var output: [Row] = []
        for (rowIndex, var row) in rows.enumerated() {
            var nextMap = 0
            func properties(_ text: String?) -> [(name: String, value: CypherValue)] {
                guard text != nil, case .map(let entries)? = evaluated[rowIndex].indices.contains(nextMap) ? evaluated[rowIndex][nextMap] : nil else {
                    return []
                }
                nextMap += 1
                return entries.keys.sorted().map { ($0, entries[$0]!) }
            }
            for pattern in patterns {
                var nodes: [Int] = []
                for node in pattern.nodes {
                    let values = properties(node.properties)
                    if let variable = node.variable, case .node(let bound)? = row[variable] {
                        nodes.append(bound.position)
                        continue
                    }
                    let number = graph.addNode(labels: node.labels, properties: values)
                    if let variable = node.variable { row[variable] = .node(NodeIndex(number)) }
                    nodes.append(number)
                }
                for (index, relationship) in pattern.relationships.enumerated() {
                    let (from, to) = relationship.forward ? (nodes[index], nodes[index + 1]) : (nodes[index + 1], nodes[index])
                    let number = graph.addRelationship(type: relationship.type, from: from, to: to, properties: properties(relationship.properties))
                    if let variable = relationship.variable { row[variable] = .relationship(EdgeIndex(number)) }
                }
            }
            output.append(row)
        }
        built = nil
        return output
    }
}

/// Why a set-up could not be run: the model cannot hold it (the scenario is skipped) or the
/// query engine failed on a reading part (the scenario fails).
enum SetupFailure: Error {
    case unsupported(SetupUnsupported)
    case engine(query: String, String)
}
