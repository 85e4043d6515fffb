/// A character-level diff of two texts (Chinese has no spaces, so words are no unit), cleaned up so that
/// a reader sees a few meaningful runs rather than every shared character.
public enum InlineDiff {
    public enum Segment: Sendable, Hashable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The most characters removed plus added that the middle (after the shared prefix and suffix) may differ
    /// by and still be diffed character by character; beyond it the middle is shown whole (old → new). A reader
    /// gains nothing from a thousand scattered runs, and Myers' diff costs O((N+M)·D).
    static let maxEdits = 1_000

    /// The segments that turn `old` into `new`.
    public static func segments(_ old: String, _ new: String) -> [Segment] {
        var work = 0
        return segments(old, new, work: &work)
    }

    /// The same, counting the steps taken (characters compared, diagonals visited, runs folded) in `work`, so
    /// that tests can check the cost grows linearly with the texts' length.
    static func segments(_ old: String, _ new: String, work: inout Int) -> [Segment] {
        let a = Array(old), b = Array(new)
        work += a.count + b.count
        if a == b { return a.isEmpty ? [] : [.same(old)] }
        // Shared prefix and suffix first: most edits touch a few characters in the middle.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        let ops =
            myers(midA, midB, maxEdits: maxEdits, work: &work) ?? (midA.map { ($0, -1) } + midB.map { ($0, 1) })
        var out: [Segment] = []
        if prefix > 0 { out.append(.same(String(a[..<prefix]))) }
        out += group(ops)
        if suffix > 0 { out.append(.same(String(a[(a.count - suffix)...]))) }
        return cleanup(merge(out), work: &work)
    }

    /// Myers' O((N+M)·D) shortest edit script as (character, 0 same / -1 removed / +1 added); nil when it needs
    /// more than `maxEdits` removals and additions, or more steps than a budget linear in N+M.
    static func myers(_ a: [Character], _ b: [Character], maxEdits: Int, work: inout Int) -> [(Character, Int)]? {
        let n = a.count, m = b.count
        if n == 0 { return b.map { ($0, 1) } }
        if m == 0 { return a.map { ($0, -1) } }
        // Characters as small integers: comparing graphemes in the inner loop is the costly part.
        var ids: [Character: Int32] = [:]
        let x = a.map { c in
            ids[c]
                ?? {
                    ids[c] = Int32(ids.count); return Int32(ids.count - 1)
                }()
        }
        let y = b.map { c in
            ids[c]
                ?? {
                    ids[c] = Int32(ids.count); return Int32(ids.count - 1)
                }()
        }
        let limit = min(n + m, maxEdits)
        let budget = 1_000_000 + 64 * (n + m)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d]: the furthest x on diagonals -d-1 … d+1 before step d, for walking the path back.
        var trace: [[Int]] = []
        var found: (d: Int, k: Int)?
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            work += 2 * d + 3
            for k in stride(from: -d, through: d, by: 2) {
                var i =
                    k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var j = i - k
                while i < n, j < m, x[i] == y[j] {
                    i += 1
                    j += 1
                    work += 1
                }
                work += 1
                v[offset + k] = i
                if i >= n, j >= m {
                    found = (d, k)
                    break search
                }
            }
            if work > budget { return nil }
        }
        guard found != nil else { return nil }
        var ops: [(Character, Int)] = []
        ops.reserveCapacity(n + m)
        var i = n, j = m
        for d in stride(from: found!.d, to: 0, by: -1) {
            let snapshot = trace[d]
            func furthest(_ k: Int) -> Int { snapshot[k + d + 1] }
            let k = i - j
            let previousK = k == -d || (k != d && furthest(k - 1) < furthest(k + 1)) ? k + 1 : k - 1
            let previousI = furthest(previousK), previousJ = previousI - previousK
            while i > previousI, j > previousJ {
                ops.append((a[i - 1], 0))
                i -= 1
                j -= 1
            }
            if i == previousI {
                ops.append((b[j - 1], 1))
                j -= 1
            } else {
                ops.append((a[i - 1], -1))
                i -= 1
            }
            work += 1
        }
        while i > 0, j > 0 {
            ops.append((a[i - 1], 0))
            i -= 1
            j -= 1
        }
        return ops.reversed()
    }

    static func group(_ ops: [(Character, Int)]) -> [Segment] {
        var out: [Segment] = []
        var removed = "", added = "", same = ""
        func flushEdits() {
            if !removed.isEmpty { out.append(.removed(removed)); removed = "" }
            if !added.isEmpty { out.append(.added(added)); added = "" }
        }
        for (c, op) in ops {
            switch op {
            case 0:
                flushEdits()
                same.append(c)
            case -1:
                if !same.isEmpty { out.append(.same(same)); same = "" }
                removed.append(c)
            default:
                if !same.isEmpty { out.append(.same(same)); same = "" }
                added.append(c)
            }
        }
        if !same.isEmpty { out.append(.same(same)) }
        flushEdits()
        return out
    }

    /// Joins neighbours of the same kind and puts removals before additions within an edit.
    static func merge(_ segments: [Segment]) -> [Segment] {
        var out: [Segment] = []
        var removed = "", added = ""
        func flush() {
            if !removed.isEmpty { out.append(.removed(removed)); removed = "" }
            if !added.isEmpty { out.append(.added(added)); added = "" }
        }
        for segment in segments {
            switch segment {
            case .removed(let s): removed += s
            case .added(let s): added += s
            case .same(let s):
                flush()
                if case .same(let previous)? = out.last {
                    out[out.count - 1] = .same(previous + s)
                } else {
                    out.append(.same(s))
                }
            }
        }
        flush()
        return out
    }

    /// Folds a short shared run (one or two characters, or a run shorter than the edits around it) that
    /// sits between two edits into them: 「县人社局」→「镇政府」 reads better as one replacement than as
    /// scattered single characters.
    static func cleanup(_ segments: [Segment], work: inout Int) -> [Segment] {
        var segs = segments
        var i = 1
        while i < segs.count - 1 {
            work += 1
            guard case .same(let s) = segs[i] else {
                i += 1
                continue
            }
            let left = editLength(segs, before: i), right = editLength(segs, after: i)
            let n = s.count
            if left > 0 && right > 0 && (n <= 1 || (n <= 2 && max(left, right) >= n) || (n < left && n < right)) {
                // Fold the run into the edit around it; only the shared run before the left edit can have become
                // foldable (its right edit grew), so look again from there, not from the start.
                var lo = i - 1
                while lo > 0, !segs[lo - 1].isSame { lo -= 1 }
                var hi = i + 1
                while hi < segs.count - 1, !segs[hi + 1].isSame { hi += 1 }
                var removed = "", added = ""
                for segment in segs[lo...hi] {
                    switch segment {
                    case .removed(let t): removed += t
                    case .added(let t): added += t
                    case .same(let t):
                        removed += t
                        added += t
                    }
                }
                var edit: [Segment] = []
                if !removed.isEmpty { edit.append(.removed(removed)) }
                if !added.isEmpty { edit.append(.added(added)) }
                segs.replaceSubrange(lo...hi, with: edit)
                work += hi - lo + 1
                i = max(1, lo - 1)
                continue
            }
            i += 1
        }
        return segs
    }

    static func editLength(_ segs: [Segment], before i: Int) -> Int {
        var total = 0, k = i - 1
        while k >= 0 {
            switch segs[k] {
            case .same: return total
            case .removed(let s), .added(let s): total = max(total, s.count)
            }
            k -= 1
        }
        return total
    }

    static func editLength(_ segs: [Segment], after i: Int) -> Int {
        var total = 0, k = i + 1
        while k < segs.count {
            switch segs[k] {
            case .same: return total
            case .removed(let s), .added(let s): total = max(total, s.count)
            }
            k += 1
        }
        return total
    }
}

extension InlineDiff.Segment {
    var isSame: Bool { if case .same = self { true } else { false } }
}
