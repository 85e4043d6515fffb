import Foundation

/// A backtracking matcher for ECMA-262 patterns, run directly on a string's UTF-8 bytes.
///
/// It covers what schemas use: literals, `.`, classes, `\d\w\s` and general-category properties,
/// groups, alternation, greedy and lazy quantifiers, `^ $ \b \B` and lookahead. Patterns with
/// backreferences, lookbehind or properties Swift cannot answer are left to ICU. A match that takes
/// too many steps (or nests too deeply) gives up and is redone by ICU.
struct RegexProgram: @unchecked Sendable {
    indirect enum Op {
        case scalar(UInt32)
        case any
        case set(FastSet)
        case start, end
        case wordBoundary(negated: Bool)
        case alt([[Op]])
        case group([Op])
        case lookahead([Op], negative: Bool)
        /// A quantified single-character atom: matched with a loop, no recursion per repetition.
        case repeatOne(Op, min: Int, max: Int, greedy: Bool)
        case repeatGroup([Op], min: Int, max: Int, greedy: Bool)
    }

    /// A character class with an ASCII bitmap.
    final class FastSet {
        let set: CharSet
        var low: UInt64 = 0
        var high: UInt64 = 0
        init(_ set: CharSet) {
            self.set = set
            for v in 0..<128 {
                if set.contains(Unicode.Scalar(UInt8(v))) {
                    if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
                }
            }
        }
        @inline(__always) func contains(_ v: UInt32) -> Bool {
            if v < 64 { return low & (1 << UInt64(v)) != 0 }
            if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
            return set.contains(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
    }

    let ops: [Op]
    let anchoredStart: Bool

    init?(ast: RegexNode, groupCount: Int) {
        guard let ops = RegexProgram.compile(ast) else { return nil }
        self.ops = ops
        if case .start? = ops.first { anchoredStart = true } else { anchoredStart = false }
    }

    static func compile(_ node: RegexNode) -> [Op]? {
        switch node {
        case .empty: return []
        case .char(let c): return [.scalar(c.value)]
        case .any: return [.any]
        case .set(let s):
            if s.usesUnsupportedProperty { return nil }
            return [.set(FastSet(s))]
        case .seq(let nodes):
            var out: [Op] = []
            for n in nodes {
                guard let ops = compile(n) else { return nil }
                out += ops
            }
            return out
        case .alt(let alts):
            var out: [[Op]] = []
            for a in alts {
                guard let ops = compile(a) else { return nil }
                out.append(ops)
            }
            return [.alt(out)]
        case .group(let inner, _):
            return compile(inner)
        case .look(let inner, let ahead, let negative):
            guard ahead, let ops = compile(inner) else { return nil }
            return [.lookahead(ops, negative: negative)]
        case .quant(let inner, let min, let max, let greedy):
            guard let ops = compile(inner) else { return nil }
            let upper = max ?? Int.max
            if ops.count == 1 {
                switch ops[0] {
                case .scalar, .any, .set: return [.repeatOne(ops[0], min: min, max: upper, greedy: greedy)]
                default: break
                }
            }
            return [.repeatGroup(ops, min: min, max: upper, greedy: greedy)]
        case .start: return [.start]
        case .end: return [.end]
        case .wordBoundary(let negated): return [.wordBoundary(negated: negated)]
        case .backref: return nil
        }
    }

    /// Whether the pattern matches somewhere in `s`; nil when the matcher gave up.
    func search(_ s: String) -> Bool? {
        if let r = s.utf8.withContiguousStorageIfAvailable({ run($0) }) { return r }
        var copy = s
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { run($0) } ?? nil
    }

    private func run(_ buf: UnsafeBufferPointer<UInt8>) -> Bool? {
        let m = Matcher(buf: buf)
        if anchoredStart {
            let r = m.match(ops[...], 0) { _ in true }
            return m.gaveUp ? nil : r
        }
        var pos = 0
        while true {
            if m.match(ops[...], pos, { _ in true }) { return m.gaveUp ? nil : true }
            if m.gaveUp { return nil }
            if pos >= buf.count { return false }
            pos = m.next(pos)
        }
    }
}

private final class Matcher {
    let buf: UnsafeBufferPointer<UInt8>
    var steps = 0
    var depth = 0
    var gaveUp = false
    static let maxSteps = 200_000
    static let maxDepth = 2_000

    init(buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    /// The scalar at `pos` and the position after it.
    @inline(__always)
    func decode(_ pos: Int) -> (UInt32, Int)? {
        guard pos < buf.count else { return nil }
        let b0 = UInt32(buf[pos])
        if b0 < 0x80 { return (b0, pos + 1) }
        if b0 < 0xE0 {
            guard pos + 1 < buf.count else { return nil }
            return ((b0 & 0x1F) << 6 | UInt32(buf[pos + 1] & 0x3F), pos + 2)
        }
        if b0 < 0xF0 {
            guard pos + 2 < buf.count else { return nil }
            return ((b0 & 0x0F) << 12 | UInt32(buf[pos + 1] & 0x3F) << 6 | UInt32(buf[pos + 2] & 0x3F), pos + 3)
        }
        guard pos + 3 < buf.count else { return nil }
        return ((b0 & 0x07) << 18 | UInt32(buf[pos + 1] & 0x3F) << 12 | UInt32(buf[pos + 2] & 0x3F) << 6
            | UInt32(buf[pos + 3] & 0x3F), pos + 4)
    }

    @inline(__always)
    func next(_ pos: Int) -> Int {
        var p = pos + 1
        while p < buf.count, buf[p] & 0xC0 == 0x80 { p += 1 }
        return p
    }

    @inline(__always)
    func previous(_ pos: Int) -> Int {
        var p = pos - 1
        while p > 0, buf[p] & 0xC0 == 0x80 { p -= 1 }
        return p
    }

    func isWordAt(_ pos: Int) -> Bool {
        guard pos >= 0, pos < buf.count else { return false }
        let b = buf[pos]
        return b < 0x80 && ECMAClasses.isWord(Unicode.Scalar(b))
    }

    /// Matches one single-character op at `pos`, returning the position after it.
    @inline(__always)
    func matchOne(_ op: RegexProgram.Op, _ pos: Int) -> Int? {
        guard let (c, next) = decode(pos) else { return nil }
        switch op {
        case .scalar(let v): return c == v ? next : nil
        case .any: return (c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029) ? nil : next
        case .set(let s): return s.contains(c) ? next : nil
        default: return nil
        }
    }

    func match(_ ops: ArraySlice<RegexProgram.Op>, _ pos: Int, _ k: (Int) -> Bool) -> Bool {
        guard let op = ops.first else { return k(pos) }
        steps += 1
        if steps > Matcher.maxSteps || depth > Matcher.maxDepth {
            gaveUp = true
            return false
        }
        let rest = ops.dropFirst()
        switch op {
        case .scalar, .any, .set:
            guard let next = matchOne(op, pos) else { return false }
            return match(rest, next, k)
        case .start:
            return pos == 0 && match(rest, pos, k)
        case .end:
            return pos == buf.count && match(rest, pos, k)
        case .wordBoundary(let negated):
            let a = pos > 0 && isWordAt(previous(pos))
            let b = isWordAt(pos)
            return ((a != b) != negated) && match(rest, pos, k)
        case .group(let inner):
            depth += 1
            defer { depth -= 1 }
            return match(inner[...], pos) { p in match(rest, p, k) }
        case .alt(let alts):
            depth += 1
            defer { depth -= 1 }
            for a in alts {
                if match(a[...], pos, { p in match(rest, p, k) }) { return true }
                if gaveUp { return false }
            }
            return false
        case .lookahead(let inner, let negative):
            depth += 1
            defer { depth -= 1 }
            let found = match(inner[...], pos) { _ in true }
            if gaveUp { return false }
            return found != negative && match(rest, pos, k)
        case .repeatOne(let atom, let min, let max, let greedy):
            var p = pos
            var count = 0
            if greedy {
                while count < max, let n = matchOne(atom, p) { p = n; count += 1 }
                if count < min { return false }
                while true {
                    if match(rest, p, k) { return true }
                    if gaveUp || count == min { return false }
                    p = previous(p)
                    count -= 1
                    steps += 1
                }
            } else {
                while count < min {
                    guard let n = matchOne(atom, p) else { return false }
                    p = n
                    count += 1
                }
                while true {
                    if match(rest, p, k) { return true }
                    if gaveUp || count >= max { return false }
                    guard let n = matchOne(atom, p) else { return false }
                    p = n
                    count += 1
                    steps += 1
                }
            }
        case .repeatGroup(let inner, let min, let max, let greedy):
            return repeatGroup(inner, min, max, greedy, count: 0, pos, rest, k)
        }
    }

    func repeatGroup(_ inner: [RegexProgram.Op], _ min: Int, _ max: Int, _ greedy: Bool, count: Int, _ pos: Int,
                              _ rest: ArraySlice<RegexProgram.Op>, _ k: (Int) -> Bool) -> Bool
    {
        depth += 1
        defer { depth -= 1 }
        if depth > Matcher.maxDepth { gaveUp = true; return false }
        if !greedy && count >= min && match(rest, pos, k) { return true }
        if gaveUp { return false }
        if count < max {
            let more = match(inner[...], pos) { p in
                // An iteration that matches the empty string ends the loop (ECMA-262 RepeatMatcher).
                if p == pos && count >= min { return false }
                return repeatGroup(inner, min, max, greedy, count: count + 1, p, rest, k)
            }
            if more { return true }
            if gaveUp { return false }
        }
        if greedy && count >= min { return match(rest, pos, k) }
        return false
    }
}
