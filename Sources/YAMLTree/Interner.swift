#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Diagnostics

/// Interns scalar texts. Catalogs repeat the same keys and many of the same values (名称, 县级, 政府网站, a 公开依据
/// or 公开时限 written on every item …), and so do the files of a workspace: each distinct text is decoded (and
/// its UTF-8 checked) into a `String` once, and gets a small integer id, so that duplicate-key checks compare
/// integers instead of strings. A thread's interner lives on from one parse to the next (`forThisThread`,
/// `finish`); between parses, one that has grown past its bounds keeps only the texts found again since it last
/// did. Ids therefore stay fixed for the length of a parse, which is all that the duplicate-key checks need.
struct Interner {
    /// Longest key interned (a longer key gets no id and is compared by its bytes).
    static let maxLength = 64

    private var table: TextTable
    /// Past this many bytes of text, or this many texts, the next parse starts with a sweep.
    let keptBytes: Int
    let keptEntries: Int

    init(keptBytes: Int = 256 * 1024, keptEntries: Int = 4096) {
        self.init(keptBytes: keptBytes, keptEntries: keptEntries, table: TextTable(capacity: 1024, bytes: 64 * 1024))
    }

    private init(keptBytes: Int, keptEntries: Int, table: TextTable) {
        self.keptBytes = keptBytes
        self.keptEntries = keptEntries
        self.table = table
    }

    var count: Int { table.count }

    /// The string for these bytes (valid UTF-8) and its id.
    mutating func intern(_ p: UnsafeBufferPointer<UInt8>) -> (string: String, id: Int) {
        let hash = Self.hash(p)
        let probe = table.find(p, hash: hash)
        if let e = probe.entry {
            table.foundAgain(e)
            return (table.strings[e], e)
        }
        let string = String(decoding: p, as: UTF8.self)
        return (string, table.insert(p, hash: hash, string: string, slot: probe.slot))
    }

    /// The id of a text (interning it), or -1 if it is too long to intern.
    mutating func id(of text: String) -> Int {
        guard text.utf8.count <= Self.maxLength else { return -1 }
        var text = text
        return text.withUTF8 { intern($0).id }
    }

    /// Past its bounds, keeps only the texts found again since the last sweep (and marks them not found again).
    /// Ids change: only between parses.
    mutating func sweepIfFull() {
        guard table.arena.count > keptBytes || table.count > keptEntries else { return }
        var kept = TextTable(capacity: 1024, bytes: 64 * 1024)
        table.arena.withUnsafeBufferPointer { arena in
            for e in 0..<table.count where table.entries[e].foundAgain {
                let entry = table.entries[e]
                let bytes = UnsafeBufferPointer(rebasing: arena[entry.offset..<entry.offset + entry.length])
                let slot = kept.find(bytes, hash: entry.hash).slot
                _ = kept.insert(bytes, hash: entry.hash, string: table.strings[e], slot: slot)
            }
        }
        table = kept
    }

    /// This thread's interner, taken out until `finish` gives it back (a new one if none is there).
    static func forThisThread() -> Interner {
        var interner = Holder.forThisThread().interner.take() ?? Interner()
        interner.sweepIfFull()
        return interner
    }

    /// Gives the interner back to its thread, for the next parse; this one is left empty.
    mutating func finish() {
        Holder.forThisThread().interner = self
        self = Interner(keptBytes: 0, keptEntries: 0, table: TextTable(capacity: 0, bytes: 0))
    }

    /// Holds a thread's interner between parses (released when the thread ends).
    private final class Holder {
        var interner: Interner?

        static func forThisThread() -> Holder {
            if let p = pthread_getspecific(threadKey) {
                return Unmanaged<Holder>.fromOpaque(p).takeUnretainedValue()
            }
            let holder = Holder()
            pthread_setspecific(threadKey, Unmanaged.passRetained(holder).toOpaque())
            return holder
        }

        private static func release(_ p: UnsafeMutableRawPointer?) {
            guard let p else { return }
            Unmanaged<Holder>.fromOpaque(p).release()
        }

        private static let threadKey: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key) { p in release(p) }
            return key
        }()
    }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = p.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard let base = UnsafeRawPointer(p.baseAddress) else { return h }
        var i = 0
        while i + 8 <= n {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        // The last bytes in one or two loads rather than one at a time (most keys are shorter than 16 bytes):
        // the last eight (overlapping the loop's), or two overlapping four-byte loads, or first, middle and last.
        if i < n {
            let tail: UInt64
            if n >= 8 {
                tail = base.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                let low = UInt64(base.loadUnaligned(as: UInt32.self))
                tail = low | UInt64(base.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
            } else {
                tail = UInt64(p[0]) | UInt64(p[n / 2]) << 8 | UInt64(p[n - 1]) << 16
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 32
        h = h &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 29)
    }
}

/// Texts by their UTF-8 bytes: an open-addressing hash table over entries numbered in order of insertion.
struct TextTable {
    /// What a probe reads of an entry, in one place (one cache line): its hash, where its bytes are in `arena`
    /// and how many, and whether it was found again since it was added (or since the last sweep).
    struct Entry {
        var hash: UInt64
        var offset: Int
        var length: Int
        var foundAgain = false
    }

    /// Per entry (by index); the strings apart, so that a probe reads numbers only and a hit copies (retains) the
    /// one string it returns.
    private(set) var entries: [Entry] = []
    private(set) var strings: [String] = []

    /// Entry index + 1 per slot; 0 is empty.
    private var slots: [Int32]
    private var mask: Int
    /// The bytes of every entry, back to back.
    private(set) var arena: [UInt8] = []

    init(capacity: Int, bytes: Int) {
        slots = [Int32](repeating: 0, count: 256)
        mask = 255
        entries.reserveCapacity(capacity)
        strings.reserveCapacity(capacity)
        arena.reserveCapacity(bytes)
    }

    var count: Int { strings.count }

    /// The entry with these bytes, or the empty slot where they would go.
    @inline(__always)
    func find(_ p: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (entry: Int?, slot: Int) {
        let n = p.count
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[slot]) - 1
            if e < 0 { return (nil, slot) }
            if entries[e].hash == hash && entries[e].length == n {
                let offset = entries[e].offset
                let same =
                    n == 0
                    || arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + offset, p.baseAddress!, n) == 0 }
                if same { return (e, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds an entry at the slot `find` gave for the same bytes; returns its index.
    mutating func insert(_ p: UnsafeBufferPointer<UInt8>, hash: UInt64, string: String, slot: Int) -> Int {
        let index = strings.count
        entries.append(Entry(hash: hash, offset: arena.count, length: p.count))
        strings.append(string)
        arena.append(contentsOf: p)
        slots[slot] = Int32(index + 1)
        if strings.count * 2 > slots.count { grow() }
        return index
    }

    @inline(__always)
    mutating func foundAgain(_ e: Int) { entries[e].foundAgain = true }

    private mutating func grow() {
        let count = slots.count * 2
        slots = [Int32](repeating: 0, count: count)
        mask = count - 1
        for (i, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
        }
    }
}
