/// The paths of one group's files, kept in one buffer (issue 14). At province scale discovery lists 40,000 files;
/// as one `String` each (≈ 80 bytes with its heap header) and an array slot, they were the largest part of the
/// memory that grows with the number of files. Here the prefix the paths share (their folder) is stored once, then
/// the rest of each path, all as UTF-8 in one array, with where each rest ends; a path is made again when asked for.
public struct FilePaths: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
    /// The shared prefix (`bytes[0..<prefixLength]`), then the rest of each path in order.
    private let bytes: [UInt8]
    private let prefixLength: Int
    /// Where the rest of each path ends in `bytes`; the first starts at `prefixLength`.
    private let ends: [UInt32]
    /// Every path is in NFC whatever surrounds it (`TextKey.isOwnNFC`), so `String`'s order of the paths is the
    /// order of their bytes (see `precedes`).
    private let isOwnNFC: Bool

    /// `paths` in this order. The prefix is the first path's folder with its `/` when every path starts with it,
    /// else nothing.
    public init(_ paths: [String]) {
        var prefix: [UInt8] = []
        if let first = paths.first, let slash = first.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let folder = first.utf8[...slash]
            if paths.allSatisfy({ $0.utf8.starts(with: folder) }) { prefix = Array(folder) }
        }
        var size = prefix.count
        for path in paths { size += path.utf8.count - prefix.count }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        bytes += prefix
        var ends: [UInt32] = []
        ends.reserveCapacity(paths.count)
        for path in paths {
            bytes += path.utf8.dropFirst(prefix.count)
            ends.append(UInt32(bytes.count))
        }
        self.bytes = bytes
        self.prefixLength = prefix.count
        self.ends = ends
        isOwnNFC = paths.allSatisfy(TextKey.isOwnNFC)
    }

    public init(arrayLiteral paths: String...) { self.init(paths) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    /// The path at `index`, as discovery found it.
    public subscript(index: Int) -> String {
        let rest = self.rest(index)
        return String(unsafeUninitializedCapacity: prefixLength + rest.count) { out in
            bytes.withUnsafeBufferPointer { b in
                _ = out.initialize(from: b[0..<prefixLength])
                _ = out[prefixLength...].initialize(from: b[rest])
            }
            return prefixLength + rest.count
        }
    }

    /// The bytes stored (the prefix once, then the rests): what the paths cost beyond two array headers and 4 bytes
    /// each.
    var storedBytes: Int { bytes.count }

    private func rest(_ index: Int) -> Range<Int> {
        (index == 0 ? prefixLength : Int(ends[index - 1]))..<Int(ends[index])
    }

    /// Whether `a[i] < b[j]` as `String` orders them (by canonical equivalence), without making either string: for
    /// paths in NFC that order is the order of their UTF-8 bytes.
    static func precedes(_ a: FilePaths, _ i: Int, _ b: FilePaths, _ j: Int) -> Bool {
        guard a.isOwnNFC && b.isOwnNFC else { return a[i] < b[j] }
        let restA = a.rest(i)
        let restB = b.rest(j)
        return a.bytes.withUnsafeBufferPointer { x in
            b.bytes.withUnsafeBufferPointer { y in
                let countA = a.prefixLength + restA.count
                let countB = b.prefixLength + restB.count
                let shiftA = restA.lowerBound - a.prefixLength
                let shiftB = restB.lowerBound - b.prefixLength
                for k in 0..<Swift.min(countA, countB) {
                    let p = x[k < a.prefixLength ? k : k + shiftA]
                    let q = y[k < b.prefixLength ? k : k + shiftB]
                    if p != q { return p < q }
                }
                return countA < countB
            }
        }
    }
}

/// Each path's place in the sorted order of all the paths of a run (`String`'s `<`), for several lists of paths:
/// the order the file reports are delivered in. Kept as one rank per path (4 bytes), not as a sorted array of paths.
struct PathRanks: Sendable {
    /// Where each list's ranks start in `ranks`.
    private let starts: [Int]
    private let ranks: [Int32]

    init(_ lists: [FilePaths]) {
        var starts: [Int] = []
        var total = 0
        for list in lists {
            starts.append(total)
            total += list.count
        }
        var order: [(list: Int32, index: Int32)] = []
        order.reserveCapacity(total)
        for (number, list) in lists.enumerated() {
            for index in list.indices { order.append((Int32(number), Int32(index))) }
        }
        // Swift's sort is stable: equal paths (one named twice) keep the order of the lists.
        order.sort { a, b in FilePaths.precedes(lists[Int(a.list)], Int(a.index), lists[Int(b.list)], Int(b.index)) }
        var ranks = [Int32](repeating: 0, count: total)
        for (rank, file) in order.enumerated() { ranks[starts[Int(file.list)] + Int(file.index)] = Int32(rank) }
        self.starts = starts
        self.ranks = ranks
    }

    /// The rank of path `index` of list `list`.
    func rank(list: Int, index: Int) -> Int { Int(ranks[starts[list] + index]) }
}
