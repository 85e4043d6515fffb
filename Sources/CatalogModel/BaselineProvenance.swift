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

extension BaselineProvenance {
    /// The national baseline row with a 编号 (17-02-01), with its domain; nil when there is none.
    public static func row(_ id: String) -> (item: CatalogItem, domain: Domain)? {
        guard let domain = DomainRegistry.pilot.domains.first(where: { id.hasPrefix($0.code + "-") }),
            let catalog = Baseline.catalog(for: domain),
            let item = catalog.items.first(where: { $0.id.value == id })
        else { return nil }
        return (item, domain)
    }

    /// What `gkml explain 编号` prints for a baseline row: name, group, levels, mode and provenance.
    public static func explain(_ id: String, language: Language) -> String? {
        guard let (item, domain) = row(id) else { return nil }
        let levels = item.levels.value.map(\.value.rawValue).joined(separator: "、")
        let provenance = describe(item, domain: domain)[language]
        if language == .zh {
            return """
                基准目录事项 \(id)（\(domain.name)）
                  一级事项：\(item.group.value)
                  二级事项：\(item.name.value)
                  公开内容：\(item.content.value)
                  公开层级：\(levels)　公开方式：\(item.mode.value.rawValue)
                  出处：\(provenance)
                  未核实的事项在目录中缺少时报警告（baseline-item-missing），而不是错误。

                """
        }
        return """
            Baseline item \(id) (\(domain.name))
              group: \(item.group.value)
              name: \(item.name.value)
              content: \(item.content.value)
              levels: \(levels); mode: \(item.mode.value.rawValue)
              provenance: \(provenance)
              A missing unconfirmed item is reported as a warning (baseline-item-missing), not an error.

            """
    }
}
