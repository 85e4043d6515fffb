import CatalogModel

/// How an old item was found again in the new catalog.
public enum MatchRule: Sendable, Hashable {
    /// Same 编号.
    case id
    /// Different 编号, same (一级事项, 名称).
    case groupAndName
    /// Different 编号 and name or group, but the other elements are alike (score in 0…1).
    case similarity(Double)
}

public struct ItemMatch: Sendable, Hashable {
    public var old: CatalogItem
    public var new: CatalogItem
    public var rule: MatchRule
    /// Position of `new` in the new catalog's item list.
    public var newIndex: Int
}

/// The pairing of two catalogs' items.
public struct ItemMatching: Sendable {
    /// Pairs in the new catalog's order.
    public var matches: [ItemMatch]
    /// Old items with no counterpart, in the old order.
    public var removed: [CatalogItem]
    /// New items with no counterpart, in the new order.
    public var added: [CatalogItem]
    /// Positions of `added` in the new catalog's item list.
    public var addedIndices: [Int]
}

/// Item identity (DESIGN §6): 编号 first; then (一级事项, 名称) for what is left; then similarity of the
/// other elements, so that a renamed or renumbered item is not reported as a deletion plus an addition.
public enum ItemMatcher {
    /// The score from which two items count as the same item renamed or renumbered.
    public static let threshold = 0.6

    public static func match(old: [CatalogItem], new: [CatalogItem]) -> ItemMatching {
        var oldLeft = Array(old.indices), newLeft = Array(new.indices)
        var pairs: [(Int, Int, MatchRule)] = []

        // 1. 编号 (first occurrence only; duplicates are the model check's business).
        var oldByID: [String: Int] = [:]
        for i in oldLeft where oldByID[old[i].id.value] == nil { oldByID[old[i].id.value] = i }
        var taken = Set<Int>()
        newLeft = newLeft.filter { j in
            if let i = oldByID[new[j].id.value], !taken.contains(i) {
                taken.insert(i)
                pairs.append((i, j, .id))
                return false
            }
            return true
        }
        oldLeft = oldLeft.filter { !taken.contains($0) }

        // 2. (一级事项, 名称).
        struct NameKey: Hashable { var group: String; var name: String }
        var oldByName: [NameKey: [Int]] = [:]
        for i in oldLeft {
            oldByName[NameKey(group: old[i].group.value, name: old[i].name.value), default: []].append(i)
        }
        taken = []
        newLeft = newLeft.filter { j in
            let key = NameKey(group: new[j].group.value, name: new[j].name.value)
            if var candidates = oldByName[key], !candidates.isEmpty {
                let i = candidates.removeFirst()
                oldByName[key] = candidates
                taken.insert(i)
                pairs.append((i, j, .groupAndName))
                return false
            }
            return true
        }
        oldLeft = oldLeft.filter { !taken.contains($0) }

        // 3. Similarity, best pairs first.
        var scored: [(Int, Int, Double)] = []
        for i in oldLeft {
            for j in newLeft {
                let score = similarity(old[i], new[j])
                if score >= threshold { scored.append((i, j, score)) }
            }
        }
        scored.sort { ($0.2, -$0.1, -$0.0) > ($1.2, -$1.1, -$1.0) }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        for (i, j, score) in scored where !usedOld.contains(i) && !usedNew.contains(j) {
            usedOld.insert(i)
            usedNew.insert(j)
            pairs.append((i, j, .similarity(score)))
        }
        oldLeft = oldLeft.filter { !usedOld.contains($0) }
        newLeft = newLeft.filter { !usedNew.contains($0) }

        pairs.sort { $0.1 < $1.1 }
        return ItemMatching(
            matches: pairs.map { ItemMatch(old: old[$0.0], new: new[$0.1], rule: $0.2, newIndex: $0.1) },
            removed: oldLeft.map { old[$0] },
            added: newLeft.map { new[$0] }, addedIndices: newLeft)
    }

    /// How alike two items are, 0…1. 公开内容 and 名称 weigh most: elements inherited from 默认 are shared
    /// by many items and say little about identity.
    public static func similarity(_ a: CatalogItem, _ b: CatalogItem) -> Double {
        let content = dice(a.content.value, b.content.value)
        let name = dice(a.name.value, b.name.value)
        // Without a resemblance in what is published or what it is called, it is another item.
        guard max(content, name) >= 0.5 else { return 0 }
        var score = 4 * content + 2 * name
        score += 1.5 * jaccard(a.basis.value.map(\.value), b.basis.value.map(\.value))
        score += 0.5 * jaccard(a.bodies.value.map(\.value), b.bodies.value.map(\.value))
        score += 0.5 * jaccard(a.channels.value.map(\.value.text), b.channels.value.map(\.value.text))
        score += 0.25 * jaccard(a.levels.value.map(\.value.rawValue), b.levels.value.map(\.value.rawValue))
        score += 0.25 * (a.timeLimit.value == b.timeLimit.value ? 1 : 0)
        score += 0.25 * (a.audience.value == b.audience.value ? 1 : 0)
        score += 0.25 * (a.mode.value == b.mode.value ? 1 : 0)
        score += 0.5 * (a.group.value == b.group.value ? 1 : 0)
        return score / 10
    }

    /// Dice coefficient over character bigrams (single characters for one-character texts).
    static func dice(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = bigrams(a), y = bigrams(b)
        if x.isEmpty || y.isEmpty { return 0 }
        var counts: [String: Int] = [:]
        for g in x { counts[g, default: 0] += 1 }
        var common = 0
        for g in y where (counts[g] ?? 0) > 0 {
            counts[g]! -= 1
            common += 1
        }
        return 2 * Double(common) / Double(x.count + y.count)
    }

    static func bigrams(_ s: String) -> [String] {
        let chars = Array(s.filter { !$0.isWhitespace && !$0.isPunctuation })
        if chars.count < 2 { return chars.map { String($0) } }
        return (0..<(chars.count - 1)).map { String(chars[$0]) + String(chars[$0 + 1]) }
    }

    static func jaccard(_ a: [String], _ b: [String]) -> Double {
        let x = Set(a), y = Set(b)
        if x.isEmpty && y.isEmpty { return 1 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }
}
