import Foundation
import YAMLTree

/// Remembers the result of a pure parse of a short text (a 公开时限, a citation) for the length of a run, shared by
/// the threads that check files in parallel. Catalogs repeat the same few texts thousands of times; the memo keeps
/// at most `capacity` of them (and starts afresh when full), so its memory does not grow with the workspace.
public final class ParseMemo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [UTF8Key: Value] = [:]
    private let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    /// The value for `text`, parsed by `parse` the first time (outside the lock: parses may race, never block).
    public func value(for text: String, _ parse: (String) -> Value) -> Value {
        lock.lock()
        let key = UTF8Key(text: text)
        let known = values[key]
        lock.unlock()
        if let known { return known }
        let value = parse(text)
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[key] = value
        lock.unlock()
        return value
    }
}

/// A text hashed and compared by its UTF-8 bytes. `String` hashes a non-ASCII text by normalizing it on every hash;
/// a memo of pure parses may tell canonically equivalent spellings apart (each is parsed, correctly, on its own).
struct UTF8Key: Hashable {
    let text: String

    static func == (a: UTF8Key, b: UTF8Key) -> Bool { sameUTF8(a.text, b.text) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
