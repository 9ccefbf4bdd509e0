/// A small linear program of packing type, solved by the revised simplex
/// method with an explicit basis inverse: maximise Σ c(j)·x(j) subject to
/// A·x ≤ b, x ≥ 0, where every column of A is 0/1 and b ≥ 0 (so the slack
/// basis is feasible to start from). Columns can be added between solves;
/// each solve starts from the last basis.
///
/// Used for the LP bound of table packings (`GroupFormation.tableBound`):
/// its duals become prices whose Lagrangian value is then evaluated exactly
/// in integers, so floating-point error can only make that bound weaker,
/// never wrong.
///
/// Pivoting follows Dantzig's rule (the most positive reduced cost) and
/// falls back to Bland's rule (the lowest index) after a run of degenerate
/// pivots, which rules out cycling; the inverse is computed afresh every
/// `refreshInterval` pivots. (G. B. Dantzig, *Linear Programming and
/// Extensions*, 1963; R. G. Bland, *New finite pivoting rules for the
/// simplex method*, 1977.)
///
/// - Complexity: O(m² + nnz) a pivot for m rows.
struct PackingSimplex {
    let rowCount: Int
    let rhs: [Double]
    /// Structural columns: the rows where the column has a 1, and its objective.
    private(set) var columns: [(rows: [Int], cost: Double)] = []
    /// basis[i]: the variable basic in row i; variables 0..<rowCount are the slacks, then the columns.
    private var basis: [Int]
    private var inverse: [Double]
    private var values: [Double]
    private var pivotsSinceRefresh = 0

    static let tolerance = 1e-9
    static let refreshInterval = 200

    init(rhs: [Double]) {
        rowCount = rhs.count
        self.rhs = rhs
        basis = Array(0..<rhs.count)
        var identity = [Double](repeating: 0, count: rhs.count * rhs.count)
        for i in 0..<rhs.count { identity[i * rhs.count + i] = 1 }
        inverse = identity
        values = rhs
    }

    mutating func addColumn(rows: [Int], cost: Double) { columns.append((rows, cost)) }

    func cost(of variable: Int) -> Double { variable < rowCount ? 0 : columns[variable - rowCount].cost }

    /// The duals y = c_B·B⁻¹: one price a row.
    var duals: [Double] {
        let m = rowCount
        var y = [Double](repeating: 0, count: m)
        for i in 0..<m {
            let c = cost(of: basis[i])
            guard c != 0 else { continue }
            for j in 0..<m { y[j] += c * inverse[i * m + j] }
        }
        return y
    }

    var objective: Double { (0..<rowCount).reduce(0) { $0 + cost(of: basis[$1]) * values[$1] } }

    /// Solves from the current basis; false when `limit` pivots were not enough or the solve was stopped.
    mutating func solve(limit: Int = 100_000, shouldStop: () -> Bool = { false }) -> Bool {
        let m = rowCount
        var degenerateRun = 0
        // A reduced cost counts as positive above rounding noise relative to the costs.
        let improvement = 1e-9 * max(1, columns.map { abs($0.cost) }.max() ?? 1)
        for pivot in 0..<limit {
            if pivot & 255 == 255 && shouldStop() { return false }
            let y = duals
            // Entering variable: a column or a slack with a positive reduced cost.
            var entering = -1
            var best = improvement
            let usesBland = degenerateRun > 50
            for i in 0..<m where -y[i] > best {
                entering = i
                best = -y[i]
                if usesBland { break }
            }
            if entering < 0 || !usesBland {
                for (j, column) in columns.enumerated() {
                    var reduced = column.cost
                    for row in column.rows { reduced -= y[row] }
                    if reduced > best {
                        entering = m + j
                        best = reduced
                        if usesBland { break }
                    }
                }
            }
            guard entering >= 0 else { return true }
            // Its column in the current basis: B⁻¹·a.
            var direction = [Double](repeating: 0, count: m)
            if entering < m {
                for i in 0..<m { direction[i] = inverse[i * m + entering] }
            } else {
                for row in columns[entering - m].rows { for i in 0..<m { direction[i] += inverse[i * m + row] } }
            }
            var leaving = -1
            var step = Double.infinity
            for i in 0..<m where direction[i] > Self.tolerance {
                let ratio = max(0, values[i]) / direction[i]
                if ratio < step - Self.tolerance
                    || (ratio < step + Self.tolerance && leaving >= 0 && basis[i] < basis[leaving])
                {
                    step = ratio
                    leaving = i
                }
            }
            guard leaving >= 0 else { return false }  // unbounded: cannot happen with packing rows
            degenerateRun = step < Self.tolerance ? degenerateRun + 1 : 0
            let pivotValue = direction[leaving]
            for j in 0..<m { inverse[leaving * m + j] /= pivotValue }
            values[leaving] /= pivotValue
            for i in 0..<m where i != leaving && direction[i] != 0 {
                let factor = direction[i]
                for j in 0..<m { inverse[i * m + j] -= factor * inverse[leaving * m + j] }
                values[i] -= factor * values[leaving]
                if values[i] < 0 && values[i] > -1e-9 { values[i] = 0 }
            }
            basis[leaving] = entering
            pivotsSinceRefresh += 1
            if pivotsSinceRefresh >= Self.refreshInterval { refresh() }
        }
        return false
    }

    /// Computes B⁻¹ and the basic values afresh from the basis (Gauss–Jordan
    /// with partial pivoting), clearing the error that pivots accumulate.
    private mutating func refresh() {
        let m = rowCount
        var matrix = [Double](repeating: 0, count: m * m)
        for (i, variable) in basis.enumerated() {
            if variable < m {
                matrix[variable * m + i] = 1
            } else {
                for row in columns[variable - m].rows { matrix[row * m + i] = 1 }
            }
        }
        var result = [Double](repeating: 0, count: m * m)
        for i in 0..<m { result[i * m + i] = 1 }
        for column in 0..<m {
            var pivotRow = column
            for row in column..<m where abs(matrix[row * m + column]) > abs(matrix[pivotRow * m + column]) {
                pivotRow = row
            }
            guard abs(matrix[pivotRow * m + column]) > 1e-12 else { return }  // singular: keep the running inverse
            if pivotRow != column {
                for j in 0..<m {
                    matrix.swapAt(pivotRow * m + j, column * m + j)
                    result.swapAt(pivotRow * m + j, column * m + j)
                }
            }
            let value = matrix[column * m + column]
            for j in 0..<m {
                matrix[column * m + j] /= value
                result[column * m + j] /= value
            }
            for row in 0..<m where row != column {
                let factor = matrix[row * m + column]
                guard factor != 0 else { continue }
                for j in 0..<m {
                    matrix[row * m + j] -= factor * matrix[column * m + j]
                    result[row * m + j] -= factor * result[column * m + j]
                }
            }
        }
        // B·B⁻¹ = I was solved for B⁻¹ with B's rows as constraints: `result` is B⁻¹.
        inverse = result
        for i in 0..<m { values[i] = (0..<m).reduce(0) { $0 + inverse[i * m + $1] * rhs[$1] } }
        pivotsSinceRefresh = 0
    }
}
