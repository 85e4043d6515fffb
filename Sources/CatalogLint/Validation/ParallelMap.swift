import Dispatch

/// `body(0..<count)` on up to `parallelism` threads at once, results in index order. Files and groups are
/// independent, so validation spreads them over all cores this way.
func parallelMap<T>(_ count: Int, parallelism: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let slots = ResultSlots<T>(count: count)
    let workers = max(1, min(parallelism, count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for index in stride(from: worker, to: count, by: workers) {
            slots.set(index, body(index))
        }
    }
    return slots.values
}

/// Fixed slots written from concurrent workers, each slot by exactly one worker.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Safe without a lock: every index is written once, by one worker, before `values` is read.
    func set(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { storage.map { $0! } }
}
