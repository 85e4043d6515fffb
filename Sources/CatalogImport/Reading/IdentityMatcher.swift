import Foundation
import CatalogModel
import Diagnostics

/// Gives each imported row its 编号: the one its 编号 column gives, else the baseline item it matches by 一级事项,
/// 名称 and 公开内容 (exactly, then by similarity with the score reported), else a local number. Two rows that
/// match one baseline item are reported as a split.
public struct IdentityMatcher {
    /// Similarity (0…1) from which a row is taken to be a baseline item.
    public var threshold: Double = 0.6

    public init() {}

    struct Candidate {
        var id: String
        var group: String
        var name: String
        var content: String
    }

    public func assign(
        _ catalog: inout ImportedCatalog, baseline: Catalog?, domainCode: String?, notes: inout [ImportNote]
    ) {
        let candidates = (baseline?.items ?? []).map {
            Candidate(
                id: $0.id.value, group: key($0.group.value), name: key($0.name.value), content: key($0.content.value))
        }
        var taken: [String: Int] = [:]  // 编号 → item index
        // 编号 columns first: they are the source's own identity.
        for index in catalog.items.indices {
            guard let id = catalog.items[index].id else { continue }
            if let other = taken[id] {
                notes.append(
                    ImportNote(
                        "import-duplicate-id", .warning, place: catalog.items[index].place,
                        zh: "编号 \(id) 与 \(catalog.items[other].place.zh) 重复，此行另编本地编号",
                        en: "编号 \(id) repeats \(catalog.items[other].place.en); this row gets a local number"))
                catalog.items[index].id = nil
            } else {
                taken[id] = index
            }
        }
        // Then the baseline: exact matches, then the best similarity above the threshold.
        var scores: [(item: Int, candidate: Int, score: Double)] = []
        for index in catalog.items.indices where catalog.items[index].id == nil {
            let item = catalog.items[index]
            let name = key(item.name), content = key(item.content), group = key(item.group)
            var best: (Int, Double)?
            for (c, candidate) in candidates.enumerated() {
                let score: Double
                if candidate.name == name && (candidate.group == group || candidate.content == content) {
                    score = 1
                } else {
                    score =
                        0.55 * similarity(candidate.name, name) + 0.3 * similarity(candidate.content, content)
                        + 0.15 * similarity(candidate.group, group)
                }
                if best == nil || score > best!.1 { best = (c, score) }
            }
            if let best, best.1 >= threshold { scores.append((index, best.0, best.1)) }
        }
        var claimedBy: [Int: Int] = [:]  // candidate → item
        for entry in scores.sorted(by: { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }) {
            let candidate = candidates[entry.candidate]
            if let owner = claimedBy[entry.candidate] {
                notes.append(
                    ImportNote(
                        "import-split-item", .warning, place: catalog.items[entry.item].place,
                        zh:
                            "此行与 \(catalog.items[owner].place.zh) 都对应基准事项 \(candidate.id)（相似度 \(percent(entry.score))），像是一个基准事项拆成了两行：此行另编本地编号，请确认",
                        en:
                            "this row and \(catalog.items[owner].place.en) both match baseline item \(candidate.id) (similarity \(percent(entry.score))), as if one item were split in two: this row gets a local number; please confirm"
                    ))
                continue
            }
            if taken[candidate.id] != nil { continue }
            claimedBy[entry.candidate] = entry.item
            taken[candidate.id] = entry.item
            catalog.items[entry.item].id = candidate.id
            if entry.score < 1 {
                notes.append(
                    ImportNote(
                        "import-similar-match", .warning, place: catalog.items[entry.item].place,
                        zh:
                            "「\(catalog.items[entry.item].name)」按相似度（\(percent(entry.score))）对应基准事项 \(candidate.id)「\(baseline!.items.first { $0.id.value == candidate.id }!.name.value)」，请确认",
                        en:
                            "\"\(catalog.items[entry.item].name)\" matched baseline item \(candidate.id) by similarity (\(percent(entry.score))); please confirm"
                    ))
            }
        }
        // Local numbers for the rest: L + domain code, the block and the row, never one already used.
        let prefix = "L" + String((domainCode ?? "00").prefix(3))
        var used = Set(taken.keys)
        var blockIndex = 0
        var previousGroup: String?
        var position = 0
        for index in catalog.items.indices {
            if catalog.items[index].group != previousGroup {
                blockIndex += 1
                position = 0
                previousGroup = catalog.items[index].group
            }
            position += 1
            guard catalog.items[index].id == nil else { continue }
            var n = position
            var id = String(format: "%@-%02d-%02d", prefix, min(blockIndex, 99), min(n, 99))
            while used.contains(id) && n < 99 {
                n += 1
                id = String(format: "%@-%02d-%02d", prefix, min(blockIndex, 99), n)
            }
            used.insert(id)
            catalog.items[index].id = id
            if baseline != nil {
                notes.append(
                    ImportNote(
                        "import-local-number", .info, place: catalog.items[index].place,
                        zh: "「\(catalog.items[index].name)」在基准目录中没有对应事项，编为本地编号 \(id)",
                        en: "\"\(catalog.items[index].name)\" matches no baseline item; numbered locally as \(id)"))
            }
        }
    }

    func percent(_ score: Double) -> String { "\(Int((score * 100).rounded()))%" }

    /// Text compared without spaces and punctuation.
    func key(_ text: String) -> String {
        String(
            text.unicodeScalars.filter { !$0.properties.isWhitespace && !$0.properties.generalCategory.isPunctuation }
                .map(Character.init))
    }

    /// Dice coefficient over character bigrams (single characters for one-character texts).
    func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        func grams(_ s: String) -> [String: Int] {
            let chars = Array(s)
            var out: [String: Int] = [:]
            if chars.count == 1 { out[s] = 1; return out }
            for i in 0..<(chars.count - 1) { out[String(chars[i...i + 1]), default: 0] += 1 }
            return out
        }
        let ga = grams(a), gb = grams(b)
        var common = 0
        for (gram, count) in ga { common += min(count, gb[gram] ?? 0) }
        let total = ga.values.reduce(0, +) + gb.values.reduce(0, +)
        return total == 0 ? 0 : Double(2 * common) / Double(total)
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol:
            true
        default: false
        }
    }
}
