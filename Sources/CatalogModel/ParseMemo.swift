import Foundation

/// Remembers the result of a pure parse of a short text (a 公开时限, a citation) for the length of a run, shared by
/// the threads that check files in parallel. Catalogs repeat the same few texts thousands of times; the memo keeps
/// at most `capacity` of them (and starts afresh when full), so its memory does not grow with the workspace.
public final class ParseMemo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]
    private let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    /// The value for `text`, parsed by `parse` the first time (outside the lock: parses may race, never block).
    public func value(for text: String, _ parse: (String) -> Value) -> Value {
        lock.lock()
        let known = values[text]
        lock.unlock()
        if let known { return known }
        let value = parse(text)
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[text] = value
        lock.unlock()
        return value
    }
}
