#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Interns scalar texts for the length of one parse. Catalogs repeat the same keys and many of the same values
/// (名称, 县级, 政府网站, a 公开依据 or 公开时限 written on every item …): each distinct text is decoded (and its
/// UTF-8 checked) into a `String` once, and gets a small integer id, so that duplicate-key checks compare
/// integers instead of strings.
struct Interner {
    /// Longest key interned (a longer key gets no id and is compared by its bytes).
    static let maxLength = 64

    /// Per entry (by id): its hash, where its bytes are in `arena`, how many, and its string. Kept apart so that
    /// a probe reads the numbers only, and a hit copies (retains) the one string it returns.
    private var hashes: [UInt64] = []
    private var offsets: [Int] = []
    private var lengths: [Int] = []
    private var strings: [String] = []

    /// Entry index + 1 per slot; 0 is empty.
    private var slots: [Int32]
    private var mask: Int
    /// The bytes of every entry, back to back.
    private var arena: [UInt8] = []

    init() {
        slots = [Int32](repeating: 0, count: 256)
        mask = 255
        hashes.reserveCapacity(128)
        offsets.reserveCapacity(128)
        lengths.reserveCapacity(128)
        strings.reserveCapacity(128)
        arena.reserveCapacity(4096)
    }

    /// The string for these bytes (valid UTF-8) and its id.
    mutating func intern(_ p: UnsafeBufferPointer<UInt8>) -> (string: String, id: Int) {
        let n = p.count
        let hash = Self.hash(p)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[slot]) - 1
            if e < 0 { break }
            if hashes[e] == hash && lengths[e] == n {
                let offset = offsets[e]
                let same =
                    n == 0
                    || arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + offset, p.baseAddress!, n) == 0 }
                if same { return (strings[e], e) }
            }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: p, as: UTF8.self)
        let id = strings.count
        hashes.append(hash)
        offsets.append(arena.count)
        lengths.append(n)
        strings.append(string)
        arena.append(contentsOf: p)
        slots[slot] = Int32(id + 1)
        if strings.count * 2 > slots.count { grow() }
        return (string, id)
    }

    /// The id of a text (interning it), or -1 if it is too long to intern.
    mutating func id(of text: String) -> Int {
        guard text.utf8.count <= Self.maxLength else { return -1 }
        var text = text
        return text.withUTF8 { intern($0).id }
    }

    private mutating func grow() {
        let count = slots.count * 2
        slots = [Int32](repeating: 0, count: count)
        mask = count - 1
        for (i, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
        }
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
