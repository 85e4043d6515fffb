import CatalogModel
import Diagnostics
import YAMLTree

/// One 公开依据 entry as written (in 默认 or in an item that sets its own), with where it sits in its list.
struct BasisEntry: Sendable {
    var value: Located<String>
    /// The text as a memo key, made once: each citation rule's memo looks the entry up.
    var key: TextKey
    /// The item whose own list holds the entry (its index in `LintFile.items`); nil for 默认's list.
    var item: Int?
    var index: Int

    /// Its identity path, e.g. `/事项/编号=17-02-01/公开依据/0`: made when a finding needs it.
    func path(in file: LintFile) -> String {
        "\(LintFile.path(of: .basis, in: item.map { file.items[$0] }))/\(index)"
    }
}

/// The 公开依据 entries as written: in 默认 and in items that set their own.
extension LintFile {
    func writtenBasisEntries() -> [BasisEntry] { basisEntries }

    static func basisEntries(of catalog: Catalog?, items: CatalogItemTable) -> [BasisEntry] {
        guard let catalog else { return [] }
        var out: [BasisEntry] = []
        var keys = RecentTextKeys()
        for (index, entry) in (catalog.defaults?.basis?.value ?? []).enumerated() {
            out.append(BasisEntry(value: entry, key: keys.key(entry.value), item: nil, index: index))
        }
        for position in items.indices where !items[position].basis.inherited {
            for (index, entry) in items[position].basis.value.enumerated() {
                out.append(BasisEntry(value: entry, key: keys.key(entry.value), item: position, index: index))
            }
        }
        return out
    }
}

/// The keys of the last few texts keyed, found again by their bytes: a file's items cite the same few documents over
/// and over, and making a key reads the text twice (NFC check, hash) where comparing bytes with a recent one is a
/// length check and a `memcmp`.
struct RecentTextKeys {
    /// How many texts are kept: about the documents a file's lists cite.
    static let capacity = 8
    private var recent = RecentValues<(text: String, key: TextKey)>(capacity: capacity)

    /// `TextKey(text)`, made again only when the text is not among the kept ones.
    mutating func key(_ text: String) -> TextKey {
        if let kept = recent.first(where: { sameUTF8($0.text, text) }) { return kept.key }
        let key = TextKey(text)
        recent.remember((text, key))
        return key
    }
}
