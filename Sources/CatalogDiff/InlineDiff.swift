/// A character-level diff of two texts (Chinese has no spaces, so words are no unit), cleaned up so that
/// a reader sees a few meaningful runs rather than every shared character.
public enum InlineDiff {
    public enum Segment: Sendable, Hashable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The segments that turn `old` into `new`.
    public static func segments(_ old: String, _ new: String) -> [Segment] {
        let a = Array(old), b = Array(new)
        if a == b { return a.isEmpty ? [] : [.same(old)] }
        // Shared prefix and suffix first: most edits touch a few characters in the middle.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var ops: [(Character, Int)] = []  // 0 same, -1 removed, +1 added
        if midA.count * midB.count > 4_000_000 {
            ops = midA.map { ($0, -1) } + midB.map { ($0, 1) }
        } else {
            ops = lcs(midA, midB)
        }
        var out: [Segment] = []
        if prefix > 0 { out.append(.same(String(a[..<prefix]))) }
        out += group(ops)
        if suffix > 0 { out.append(.same(String(a[(a.count - suffix)...]))) }
        return cleanup(merge(out))
    }

    static func lcs(_ a: [Character], _ b: [Character]) -> [(Character, Int)] {
        let n = a.count, m = b.count
        if n == 0 { return b.map { ($0, 1) } }
        if m == 0 { return a.map { ($0, -1) } }
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var ops: [(Character, Int)] = []
        var i = 0, j = 0
        while i < n && j < m {
            if a[i] == b[j] {
                ops.append((a[i], 0)); i += 1; j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                ops.append((a[i], -1)); i += 1
            } else {
                ops.append((b[j], 1)); j += 1
            }
        }
        while i < n { ops.append((a[i], -1)); i += 1 }
        while j < m { ops.append((b[j], 1)); j += 1 }
        return ops
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
    static func cleanup(_ segments: [Segment]) -> [Segment] {
        var segs = segments
        var changed = true
        while changed {
            changed = false
            var i = 1
            while i < segs.count - 1 {
                guard case .same(let s) = segs[i] else { i += 1; continue }
                let left = editLength(segs, before: i), right = editLength(segs, after: i)
                let n = s.count
                if left > 0 && right > 0 && (n <= 1 || (n <= 2 && max(left, right) >= n) || (n < left && n < right)) {
                    segs[i] = .removed(s)
                    segs.insert(.added(s), at: i + 1)
                    segs = merge(segs)
                    changed = true
                    break
                }
                i += 1
            }
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
