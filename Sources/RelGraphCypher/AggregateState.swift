import Foundation
import RelGraphCore

/// The running state of one aggregate in one group.
struct AggregateState {
    private var count = 0
    private var seen: Set<CypherValue> = []
    private var items: [CypherValue] = []
    private var best: CypherValue = .null
    private var integerSum = 0
    private var floatSum = 0.0
    private var durationSum = CypherDuration.zero
    private var isFloat = false
    private var isDuration = false
    private var overflowed = false
    /// Welford's running mean and squared deviations, for `stDev` and `stDevP`.
    private var mean = 0.0, squares = 0.0
    private var percentile: Double?

    /// `rows` more rows for a plain `count`.
    mutating func addCount(_ rows: Int) { count += rows }

    mutating func add(_ value: CypherValue?, _ aggregate: AggregateSpec, row: [CypherValue], executor: CypherExecutor) throws(CypherError) {
        guard let value else { count += 1; return }
        if value.isNull { return }
        if aggregate.isDistinct, !seen.insert(value.groupingKey).inserted { return }
        count += 1
        func failure(_ message: String) -> CypherError {
            CypherError(.type, .invalidArgumentType, message, line: aggregate.position.line, column: aggregate.position.column, phase: .runtime)
        }
        switch aggregate.function {
        case .count: break
        case .collect: items.append(value)
        case .min:
            if best.isNull || CypherValue.sortOrder(value, best, graph: executor.graph) < 0 { best = value }
        case .max:
            if best.isNull || CypherValue.sortOrder(value, best, graph: executor.graph) > 0 { best = value }
        case .sum, .avg:
            switch value {
            case .integer(let number):
                let (sum, overflow) = integerSum.addingReportingOverflow(number)
                if overflow { overflowed = true }
                integerSum = sum
                floatSum += Double(number)
            case .float(let number):
                isFloat = true
                floatSum += number
            case .duration(let duration):
                isDuration = true
                durationSum = (try? DurationArithmetic.combine(durationSum, duration, at: aggregate.position)) ?? durationSum
            default:
                throw failure("\(aggregate.function.rawValue)(...) needs numbers, not \(value.described)")
            }
        case .stDev, .stDevP, .percentileDisc, .percentileCont:
            guard let number = value.number else { throw failure("\(aggregate.function.rawValue)(...) needs numbers, not \(value.described)") }
            let delta = number - mean
            mean += delta / Double(count)
            squares += delta * (number - mean)
            items.append(value)
            if percentile == nil, let expression = aggregate.percentile {
                guard let wanted = try executor.evaluate(expression, row).number, (0...1).contains(wanted) else {
                    throw CypherError(
                        .argument, .numberOutOfRange, "a percentile is a number from 0 to 1",
                        line: aggregate.position.line, column: aggregate.position.column, phase: .runtime)
                }
                percentile = wanted
            }
        }
    }

    func result(_ aggregate: AggregateSpec, executor: CypherExecutor) throws(CypherError) -> CypherValue {
        switch aggregate.function {
        case .count: return .integer(count)
        case .collect: return .list(items)
        case .min, .max: return best
        case .sum:
            if isDuration { return .duration(durationSum) }
            return isFloat || overflowed ? .float(floatSum) : .integer(integerSum)
        case .avg:
            if count == 0 { return .null }
            if isDuration {
                return .duration(try DurationArithmetic.scale(durationSum, by: Double(count), dividing: true, at: aggregate.position))
            }
            return .float(floatSum / Double(count))
        case .stDev: return count < 2 ? .float(0) : .float((squares / Double(count - 1)).squareRoot())
        case .stDevP: return count == 0 ? .float(0) : .float((squares / Double(count)).squareRoot())
        case .percentileDisc, .percentileCont:
            guard !items.isEmpty, let percentile else { return .null }
            let sorted = items.sorted { CypherValue.sortOrder($0, $1, graph: executor.graph) < 0 }
            if aggregate.function == .percentileDisc {
                let index = percentile == 0 ? 0 : Int((percentile * Double(sorted.count)).rounded(.up)) - 1
                return sorted[max(0, min(index, sorted.count - 1))]
            }
            let position = percentile * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
            let (low, high) = (sorted[lower].number ?? 0, sorted[upper].number ?? 0)
            return .float(low + (high - low) * (position - Double(lower)))
        }
    }
}
