import CatalogModel
import Diagnostics

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
        for (index, entry) in (catalog.defaults?.basis?.value ?? []).enumerated() {
            out.append(BasisEntry(value: entry, key: TextKey(entry.value), item: nil, index: index))
        }
        for position in items.indices where !items[position].basis.inherited {
            for (index, entry) in items[position].basis.value.enumerated() {
                out.append(BasisEntry(value: entry, key: TextKey(entry.value), item: position, index: index))
            }
        }
        return out
    }
}
