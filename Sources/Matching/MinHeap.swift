/// A binary min-heap of (key, id) pairs, ties broken by the smaller id, so
/// that every run pops entries in the same order.
struct MinHeap {
    struct Entry {
        var key: Int64
        var id: Int32
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    var top: Entry? { entries.first }

    @inline(__always)
    private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.key < b.key || (a.key == b.key && a.id < b.id)
    }

    mutating func push(_ key: Int64, _ id: Int32) {
        entries.append(Entry(key: key, id: id))
        var child = entries.count - 1
        let entry = entries[child]
        while child > 0 {
            let parent = (child - 1) >> 1
            guard Self.precedes(entry, entries[parent]) else { break }
            entries[child] = entries[parent]
            child = parent
        }
        entries[child] = entry
    }

    @discardableResult
    mutating func pop() -> Entry? {
        guard let first = entries.first else { return nil }
        let last = entries.removeLast()
        guard !entries.isEmpty else { return first }
        var parent = 0
        let count = entries.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count && Self.precedes(entries[child + 1], entries[child]) { child += 1 }
            guard Self.precedes(entries[child], last) else { break }
            entries[parent] = entries[child]
            parent = child
        }
        entries[parent] = last
        return first
    }

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }
}
