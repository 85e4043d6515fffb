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
        plausible(text, among: candidates).min { $0.distance < $1.distance }?.candidate
    }

    /// The candidate when it is the only plausible one: then `--fix` may write it (「网站」→「政府网站」,
    /// 「依申请公开」→「依申请」); with two plausible candidates a person must choose.
    public static func unique(to text: String, among candidates: [String]) -> String? {
        let found = plausible(text, among: candidates)
        return found.count == 1 ? found[0].candidate : nil
    }

    static func plausible(_ text: String, among candidates: [String]) -> [(candidate: String, distance: Int)] {
        guard !text.isEmpty else { return [] }
        var found: [(candidate: String, distance: Int)] = []
        for candidate in candidates where candidate != text {
            let d = distance(text, candidate)
            let longest = max(text.unicodeScalars.count, candidate.unicodeScalars.count)
            let contains = candidate.count >= 2 && (text.contains(candidate) || candidate.contains(text))
            guard d <= max(1, longest / 3) || contains else { continue }
            found.append((candidate, d))
        }
        return found
    }

    /// The note printed under a finding: 您是否要写「X」？
    public static func didYouMean(_ candidate: String) -> LocalizedText {
        LocalizedText(zh: "您是否要写「\(candidate)」？", en: "did you mean \"\(candidate)\"?")
    }
}
