import CatalogModel
import Diagnostics

/// The 公开依据 entries (and 备注) as written: in 默认 and in items that set their own.
extension LintFile {
    func writtenBasisEntries() -> [(value: Located<String>, path: String)] { basisEntries }

    static func basisEntries(of catalog: Catalog?) -> [(value: Located<String>, path: String)] {
        var out: [(Located<String>, String)] = []
        for list in written(.basis, in: catalog, defaults: \.basis, item: \.basis) {
            for (index, entry) in list.value.value.enumerated() { out.append((entry, "\(list.path)/\(index)")) }
        }
        return out
    }
}
