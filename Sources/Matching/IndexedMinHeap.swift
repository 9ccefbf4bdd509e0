/// A binary min-heap over the items `0..<capacity`, each present at most once
/// with a key that can be changed or removed in O(log n). Ties are broken by
/// the smaller item, so every run pops in the same order.
struct IndexedMinHeap {
    private var items: [Int32] = []
    private var position: [Int32]
    private(set) var keys: [Int64]

    init(capacity: Int) {
        position = [Int32](repeating: -1, count: capacity)
        keys = [Int64](repeating: 0, count: capacity)
    }

    var isEmpty: Bool { items.isEmpty }
    var top: Int? { items.first.map(Int.init) }

    @inline(__always)
    func contains(_ item: Int) -> Bool { position[item] >= 0 }

    @inline(__always)
    private func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let ka = keys[Int(a)]
        let kb = keys[Int(b)]
        return ka < kb || (ka == kb && a < b)
    }

    /// Inserts `item` with `key`, or changes its key.
    mutating func set(_ item: Int, _ key: Int64) {
        if position[item] < 0 {
            keys[item] = key
            position[item] = Int32(items.count)
            items.append(Int32(item))
            siftUp(items.count - 1)
        } else {
            let old = keys[item]
            keys[item] = key
            if key < old { siftUp(Int(position[item])) } else { siftDown(Int(position[item])) }
        }
    }

    /// Empties the heap in O(its size).
    mutating func removeAll() {
        for item in items { position[Int(item)] = -1 }
        items.removeAll(keepingCapacity: true)
    }

    mutating func remove(_ item: Int) {
        let index = Int(position[item])
        guard index >= 0 else { return }
        position[item] = -1
        let last = items.removeLast()
        guard index < items.count else { return }
        items[index] = last
        position[Int(last)] = Int32(index)
        siftUp(index)
        siftDown(Int(position[Int(last)]))
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let item = items[child]
        while child > 0 {
            let parent = (child - 1) >> 1
            guard precedes(item, items[parent]) else { break }
            items[child] = items[parent]
            position[Int(items[child])] = Int32(child)
            child = parent
        }
        items[child] = item
        position[Int(item)] = Int32(child)
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let item = items[parent]
        let count = items.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count && precedes(items[child + 1], items[child]) { child += 1 }
            guard precedes(items[child], item) else { break }
            items[parent] = items[child]
            position[Int(items[parent])] = Int32(parent)
            parent = child
        }
        items[parent] = item
        position[Int(item)] = Int32(parent)
    }
}
