import Dispatch
import Diagnostics
import Foundation

/// `body(0..<count)` on up to `parallelism` threads at once, results in index order. Files and groups are
/// independent, so validation spreads them over all cores this way. Workers take the next index as they
/// become free, so indices are started in order: a streamed report waits for few late results.
func parallelMap<T>(_ count: Int, parallelism: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let slots = ResultSlots<T>(count: count)
    let next = NextIndex()
    let workers = max(1, min(parallelism, count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let index = next.take(below: count) {
            slots.set(index, body(index))
        }
    }
    return slots.values
}

/// The next index to start, shared by the workers.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
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

/// Hands file reports on in a fixed order as they become available from parallel groups, holding back only those
/// that are ahead of a file still being checked. Each report comes with its rank in that order (0, 1, 2 … once
/// each over the run). Calls to `deliver` are serialized.
final class OrderedDelivery: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var pending: [Int: FileReport] = [:]
    private let deliver: (FileReport) -> Void

    init(deliver: @escaping (FileReport) -> Void) {
        self.deliver = deliver
    }

    func deposit(_ reports: [(rank: Int, report: FileReport)]) {
        lock.lock()
        defer { lock.unlock() }
        for (rank, report) in reports { pending[rank] = report }
        while let report = pending.removeValue(forKey: next) {
            deliver(report)
            next += 1
        }
    }

    /// Delivers whatever is left (after a rank that never came, which should not happen), in order.
    func flush() {
        lock.lock()
        defer { lock.unlock() }
        for rank in pending.keys.sorted() { deliver(pending[rank]!) }
        pending = [:]
    }
}
