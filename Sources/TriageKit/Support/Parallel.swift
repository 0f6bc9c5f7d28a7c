import Dispatch
import Synchronization

/// Work on independent elements spread over a few threads, results kept in order.
public enum Parallel {
    /// The processors the system has online, at least 1, at most `limit`: more threads than
    /// cores only add switching, and a batch rarely gains past a handful.
    public static func processors(limit: Int = 8) -> Int {
        max(1, min(limit, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// `transform` of each element, in order, computed on up to `workers` threads.
    public static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], workers: Int,
                                                                _ transform: @Sendable (Element) -> Result) -> [Result] {
        map(elements, workers: workers, state: {}) { _, element in transform(element) }
    }

    /// `transform` of each element, in order, on up to `workers` threads that each take the next
    /// element not yet taken, so one long element does not hold back a whole share. Each thread
    /// makes its own `State` (a search space, say) once and passes it to each of its elements.
    public static func map<Element: Sendable, State, Result: Sendable>(_ elements: [Element], workers: Int,
                                                                       state: @Sendable () -> State,
                                                                       _ transform: @Sendable (inout State, Element) -> Result) -> [Result] {
        let threads = min(workers, elements.count)
        guard threads > 1 else {
            var own = state()
            return elements.map { transform(&own, $0) }
        }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each index is written by exactly one thread, and read only after all have finished.
        nonisolated(unsafe) let slots = results
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var own = state()
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < elements.count else { break }
                slots[i] = transform(&own, elements[i])
            }
        }
        return results.map { $0! }
    }
}
