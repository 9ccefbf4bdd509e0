import Foundation

/// Work over the members spread across the machine's cores: the range is cut
/// into batches, each batch into one slice a core, and the slices run at once.
/// `shouldStop` is asked between two batches, on the calling thread, so a
/// cancellation is seen within one batch (`batch` items, or as many as asked
/// for when each item is long work).
public enum Parallel {
    /// Members per batch: small enough to stop quickly, large enough to share out.
    public static let batch = 512

    /// `work` over consecutive slices of `0..<count`, its results in order.
    public static func slices<Result: Sendable>(
        _ count: Int, batch: Int = batch, shouldStop: () -> Bool, _ work: @Sendable (Range<Int>) -> Result
    ) throws(MatchingError) -> [Result] {
        var results: [Result] = []
        try slices(count, batch: batch, shouldStop: shouldStop, work) { results.append($0) }
        return results
    }

    /// The same, each result handed to `merge` (on the calling thread, in
    /// order) as soon as its batch is done, so that no more than one batch
    /// of results is held at once.
    public static func slices<Result: Sendable>(
        _ count: Int, batch: Int = batch, shouldStop: () -> Bool, _ work: @Sendable (Range<Int>) -> Result,
        merge: (Result) -> Void
    ) throws(MatchingError) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: count, by: max(1, batch)) {
            if shouldStop() { throw MatchingError.cancelled }
            let end = min(count, start + batch)
            let pieces = min(cores, end - start)
            let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: pieces)
            slots.initialize(repeating: nil)
            defer { slots.deallocate() }
            let shared = Slots(buffer: slots)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let low = start + (end - start) * piece / pieces
                let high = start + (end - start) * (piece + 1) / pieces
                shared.buffer[piece] = work(low..<high)
            }
            for slot in slots { merge(slot!) }
        }
    }

    /// The slots of one batch, each written by its own worker only.
    private struct Slots<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>
    }
}
