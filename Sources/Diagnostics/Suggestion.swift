/// "Did you mean …?" for near misses of keys, enum values, bodies and codes.
public enum Suggestion {
    /// Levenshtein distance over Unicode scalars (a Chinese character is one unit).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `text`, if it is close enough to be a plausible typo: within a third of the
    /// longer length (at least 1), or one contains the other (「主动公开」→「主动」).
    public static func closest(to text: String, among candidates: [String]) -> String? {
        guard !text.isEmpty else { return nil }
        var best: (String, Int)?
        for candidate in candidates where candidate != text {
            let d = distance(text, candidate)
            let longest = max(text.unicodeScalars.count, candidate.unicodeScalars.count)
            let contains = candidate.count >= 2 && (text.contains(candidate) || candidate.contains(text))
            guard d <= max(1, longest / 3) || contains else { continue }
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// The note printed under a finding: 您是否要写「X」？
    public static func didYouMean(_ candidate: String) -> LocalizedText {
        LocalizedText(zh: "您是否要写「\(candidate)」？", en: "did you mean \"\(candidate)\"?")
    }
}
