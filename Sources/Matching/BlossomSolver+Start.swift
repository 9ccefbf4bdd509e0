/// The start: duals that cover every edge, and as few free vertices as a
/// greedy pass leaves before the search begins.
extension BlossomSolver {
    /// Starts from y(v) = half the heaviest weight at v (or from `start`,
    /// its pairs that are still tight kept), then lowers the free vertices'
    /// duals and pairs them where an edge becomes tight.
    mutating func begin(from start: Start?) {
        let start = start.flatMap { $0.duals.count == n && $0.mate.count == n ? $0 : nil }
        var dual = [Int64](repeating: 0, count: n)
        if let start {
            dual = Self.warmDuals(start, endpoint: endpoint, weight4: weight4)
        } else {
            for k in weight4.indices {
                let u = Int(endpoint[2 * k])
                let v = Int(endpoint[2 * k + 1])
                dual[u] = max(dual[u], weight4[k] / 2)
                dual[v] = max(dual[v], weight4[k] / 2)
            }
        }
        dualBase = dual
        if let start { keepTightPairs(of: start) }
        lowerFreeDuals()
    }

    /// Lowers the dual of each free vertex outside any blossom, in order, as
    /// far as its edges allow (the most any of them still needs, rounded up
    /// to even, never below zero), and pairs it along an edge that is then
    /// tight with another such free vertex. Every edge stays covered; fewer
    /// vertices are left to start a search, and with less dual to lose.
    mutating func lowerFreeDuals() {
        for v in 0..<n where mate[v] < 0 && inBlossom[v] == Int32(v) && dualBase[v] > 0 {
            var need: Int64 = 0
            var partner = -1
            for index in adjacencyStart[v]..<adjacencyStart[v + 1] {
                let w = Int(neighbour[index])
                let required = adjacentWeight4[index] - dualBase[w]
                let free = mate[w] < 0 && inBlossom[w] == Int32(w)
                if required > need {
                    need = required
                    partner = free ? index : -1
                } else if required == need && partner < 0 && free && required > 0 {
                    partner = index
                }
            }
            need += need & 1
            guard need <= dualBase[v] else { continue }
            dualBase[v] = need
            guard partner >= 0 else { continue }
            let w = Int(neighbour[partner])
            if dualBase[w] + need == adjacentWeight4[partner] {
                let p = adjacency[partner]
                mate[v] = p
                mate[w] = p ^ 1
            }
        }
    }
}
