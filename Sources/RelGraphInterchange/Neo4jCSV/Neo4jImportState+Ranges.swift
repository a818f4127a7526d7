import Foundation
import RelGraphCore
import RelGraphDocument

extension Neo4jImportState {
    /// Reads the records of a group's files: the first file's first record is the header, every
    /// other record of every file is data. Each file is cut into ranges of about
    /// `request.chunkBytes` at line breaks; the ranges are parsed and converted on every core a
    /// little ahead while this thread hands each range's items, in file order, to `consume`
    /// (``Parallel/mapInOrder(_:_:consume:)``). A range is cut at a guess (a line break may lie
    /// inside a quoted field): it is used only if the range before it ended exactly where it
    /// starts, and read again from where that one ended otherwise, so records, their order and
    /// every message are those of reading the file from start to end.
    mutating func readFiles<Item: Sendable>(
        _ files: [String], forRelationships: Bool,
        convert: @escaping @Sendable (CSVTable, [CSVScanner.Field], TextPosition) throws(Neo4jCSV.TableError) -> Item,
        plain: Neo4jCSV.PlainConversion<Item>? = nil,
        lookahead: Neo4jCSV.Lookahead? = nil,
        keyHash: Neo4jCSV.KeyHash<Item>? = nil,
        consume: (inout Neo4jImportState, Item, SourceLocation, inout RangeTexts) throws(Neo4jCSV.TableError) -> Void
    ) throws(GraphLoadError) {
        var table: CSVTable?
        let dialect = request.dialect
        let progress = ProgressCounter.current
        for (number, path) in files.enumerated() {
            let file = try Neo4jCSV.bytes(of: path)
            var scanner = CSVScanner(bytes: file.buffer, dialect: dialect)
            var fatal = false
            // The header (first file) or the byte order mark (any file) on this thread.
            var headerFailed = false
            do throws(ReadError) {
                try scanner.skipByteOrderMark()
                if number == 0 {
                    var record: [CSVScanner.Field] = []
                    if try scanner.nextRecord(into: &record, before: file.buffer.count) {
                        do throws(Neo4jCSV.TableError) {
                            table = try Self.table(
                                header: record, file: path, dialect: dialect, integerIDs: request.integerIDs, forRelationships: forRelationships)
                        } catch {
                            report(error.problem, at: SourceLocation(file: path, position: .start))
                            headerFailed = true
                        }
                    } else {
                        report(.empty, at: SourceLocation(file: path, position: .start))
                        headerFailed = true
                    }
                }
            } catch {
                report(error.problem, at: SourceLocation(file: path, position: error.position))
                headerFailed = true
            }
            if headerFailed { throw .invalidContent(problems) }
            guard let table else { continue }
            let ranges = LineRanges(file: file, from: scanner.linePosition, chunkBytes: request.chunkBytes)
            var position = ranges.first
            progress?.add(position.offset)
            var released = 0
            /// Hands the items of a parsed range to `consume`, in order, checking the range's start.
            func consumeRange(_ parsed: inout Neo4jCSV.ParsedRange<Item>, index: Int, state: inout Neo4jImportState) {
                let end = ranges.end(of: index)
                if parsed.start.offset != position.offset {
                    // Cut inside a record: read again from where the last record ended.
                    guard position.offset < end else { return }
                    parsed = Self.parse(
                        file, from: position, before: end, table: table, dialect: dialect, convert: convert, plain: plain, lookahead: lookahead,
                        keyHash: keyHash)
                }
                var texts = parsed.texts
                let keyHashes = parsed.keyHashes, ahead = Neo4jCSV.lookaheadRecords
                for index in parsed.records.indices {
                    // The index slot of the record a few ahead, on its way while this one is added.
                    if index + ahead < keyHashes.count { state.builder.prefetchNode(hash: keyHashes[index + ahead]) }
                    // Taken out of the range, not copied: a copy retains every text of the record.
                    switch exchange(&parsed.records[index], with: .problem(.empty, .start)) {
                    case .item(let item, let position):
                        do {
                            try consume(&state, item, SourceLocation(file: path, position: position), &texts)
                        } catch {
                            state.report(error.problem, at: SourceLocation(file: path, position: position))
                        }
                    case .problem(let problem, let position):
                        state.report(problem, at: SourceLocation(file: path, position: position))
                    case .fatal(let problem, let position):
                        state.report(problem, at: SourceLocation(file: path, position: position))
                        fatal = true
                    }
                }
                progress?.add(parsed.end.offset - position.offset)
                position = parsed.end
                // What was read is not read again: its pages leave resident memory.
                released = file.release(released..<position.offset)
            }
            Parallel.mapInOrder(
                ranges.count,
                { index in
                    Self.parse(
                        file, from: ranges.start(of: index), before: ranges.end(of: index), table: table, dialect: dialect, convert: convert, plain: plain,
                        lookahead: lookahead, keyHash: keyHash)
                },
                consume: { index, parsed in
                    consumeRange(&parsed, index: index, state: &self)
                    return !fatal
                })
            if fatal { throw .invalidContent(problems) }
            withExtendedLifetime(file) {}
        }
    }

    /// The table a header makes, or why it makes none.
    private static func table(header: [CSVScanner.Field], file: String, dialect: CSVDialect, integerIDs: Bool, forRelationships: Bool) throws(Neo4jCSV
        .TableError) -> CSVTable
    {
        let table = try CSVTable(
            header: header.map(\.text), file: (file as NSString).lastPathComponent, dialect: dialect,
            integerIDs: integerIDs, forRelationships: forRelationships)
        if !forRelationships, !table.hasID {
            throw .init(column: ":ID", problem: .syntax("this node file's header has no :ID column (such as 'id:ID' or 'movieId:ID(Movie)')"))
        }
        if forRelationships, !table.hasStart {
            throw .init(column: ":START_ID", problem: .syntax("this relationship file's header has no :START_ID and :END_ID columns"))
        }
        return table
    }

    /// The records that start in `start..<end` of `file`, converted; the last may run past `end`.
    /// Reading stops at the first record that cannot be read.
    private static func parse<Item: Sendable>(
        _ file: FileBytes, from start: LinePosition, before end: Int, table: CSVTable, dialect: CSVDialect,
        convert: (CSVTable, [CSVScanner.Field], TextPosition) throws(Neo4jCSV.TableError) -> Item,
        plain: Neo4jCSV.PlainConversion<Item>?, lookahead: Neo4jCSV.Lookahead?, keyHash: Neo4jCSV.KeyHash<Item>?
    ) -> Neo4jCSV.ParsedRange<Item> {
        var scanner = CSVScanner(bytes: file.buffer, dialect: dialect, offset: start.offset, line: start.line, lineStart: start.lineStart)
        var records: [Neo4jCSV.ParsedRecord<Item>] = []
        var spans: [CSVFieldSpan] = []
        var record: [CSVScanner.Field] = []
        var cache = CSVRecordCache()
        var keyHashes: [Int] = []
        // The optional closures are unwrapped once, here. Binding one per record copies it, and
        // each copy retains the closure's context, which both reading threads share: its count
        // then bounces between the cores, and that cost a tenth of a large load's time.
        let hashesKeys = keyHash != nil, convertsPlainly = plain != nil, looksAhead = lookahead != nil
        let keyHash = keyHash ?? { _ in 0 }
        let plain = plain ?? { _, _, _, _ in nil }
        let lookahead = lookahead ?? { _, _, _, _ in }
        /// Converts one record, in file order.
        func add(_ spans: [CSVFieldSpan], at position: TextPosition) {
            // One key hash per record (0 for none), from the plain item while it is at hand.
            if hashesKeys { keyHashes.append(0) }
            if spans.count != table.columnCount {
                records.append(.problem(.fieldCount(found: spans.count, expected: table.columnCount), position))
            } else if convertsPlainly, let item = plain(table, spans, file.buffer, &cache) {
                if hashesKeys { keyHashes[keyHashes.count - 1] = keyHash(item) }
                records.append(.item(item, position))
            } else {
                scanner.fields(of: spans, into: &record)
                do {
                    records.append(.item(try convert(table, record, position), position))
                } catch {
                    records.append(.problem(error.problem, table.position(of: error.column, in: record, startingAt: position)))
                }
            }
        }
        // With a lookahead, records wait in a ring of `depth` (their spans and positions) while
        // what converting them reads is fetched; they are converted in order all the same.
        let depth = looksAhead ? Neo4jCSV.lookaheadRecords : 0
        var waiting = [[CSVFieldSpan]](repeating: [], count: depth)
        var waitingPositions = [TextPosition](repeating: .start, count: depth)
        var first = 0, count = 0
        var next: [CSVFieldSpan] = []
        /// Converts the record that waited longest (its spans swapped out, not copied).
        func addFirstWaiting() {
            swap(&next, &waiting[first])
            add(next, at: waitingPositions[first])
            swap(&next, &waiting[first])
            first = first + 1 == depth ? 0 : first + 1
            count -= 1
        }
        func addWaiting() {
            while count > 0 { addFirstWaiting() }
        }
        do throws(ReadError) {
            while try scanner.nextRecord(into: &spans, before: end) {
                let position = scanner.recordPosition
                guard looksAhead, spans.count == table.columnCount else {
                    addWaiting()
                    add(spans, at: position)
                    continue
                }
                lookahead(table, spans, file.buffer, &cache)
                if count == depth { addFirstWaiting() }
                let slot = (first + count) % depth
                swap(&waiting[slot], &spans)
                waitingPositions[slot] = position
                count += 1
            }
            addWaiting()
        } catch {
            addWaiting()
            records.append(.fatal(error.problem, error.position))
        }
        return Neo4jCSV.ParsedRange(
            records: records, start: start,
            end: scanner.linePosition,
            texts: RangeTexts(relations: cache.relations.map(\.value), sources: cache.sources.map(\.text), labels: cache.labels),
            keyHashes: keyHashes)
    }
}
