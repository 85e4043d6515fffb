import Diagnostics

/// Where a baseline row comes from, in words: its own 出处 (未核实…, or the table that confirms it), else the
/// domain's guide and the published tables listed for the domain in docs/baseline-sources.md.
public enum BaselineProvenance {
    public static func describe(_ item: CatalogItem, domain: Domain?) -> LocalizedText {
        if let provenance = item.provenance?.value {
            if item.isUnconfirmed {
                return LocalizedText(
                    zh: "\(provenance)（未在标准指引或已公布目录中见到）",
                    en: "unconfirmed: not seen in the guide or any published table (\(provenance))")
            }
            return LocalizedText(zh: "已核实：\(provenance)", en: "confirmed: \(provenance)")
        }
        let guide = domain.map { $0.guide.isEmpty ? "\($0.department)《\($0.name)领域基层政务公开标准指引》" : $0.guide } ?? "标准指引"
        let section = domain.map { "docs/baseline-sources.md「\($0.code) \($0.name)」" } ?? "docs/baseline-sources.md"
        return LocalizedText(
            zh: "已核实：见于依\(guide)公布的县、乡目录（所用目录见 \(section)）",
            en: "confirmed: seen in county and township tables published under \(guide) (tables listed in \(section))")
    }
}
