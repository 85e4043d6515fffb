import Diagnostics

/// Findings of the model stage: what a schema cannot see in one file (identity, the domain registry).
public enum ModelFindings {
    public static let duplicateID = FindingKind(
        code: "duplicate-id", stage: .model, severity: .error,
        title: LocalizedText(zh: "编号重复", en: "Duplicate 编号"),
        message: LocalizedText(
            zh: "编号「{id}」在本目录中重复出现，第一次出现在第 {firstLine} 行",
            en: "编号 \"{id}\" occurs more than once in this catalog; first at line {firstLine}"),
        hint: LocalizedText(
            zh: "每个事项的编号必须唯一，且不得重复使用；请为新事项分配一个未用过的编号",
            en: "every item needs its own 编号, never reused; give the new item an unused one"))

    public static let unknownDomain = FindingKind(
        code: "domain-unknown", stage: .model, severity: .error,
        title: LocalizedText(zh: "未知领域", en: "Unknown domain"),
        message: LocalizedText(
            zh: "「领域」为「{domain}」，既不是26个试点领域之一，也不是工作区声明的扩展领域",
            en: "领域 \"{domain}\" is neither one of the 26 pilot domains nor an extra domain of the workspace"),
        hint: LocalizedText(
            zh: "运行 gkml domains 查看全部领域；本地增加的领域请在 gkml.yaml 的「扩展领域」中声明",
            en: "run gkml domains for the list; declare local domains under 扩展领域 in gkml.yaml"))

    public static let domainAlias = FindingKind(
        code: "domain-alias", stage: .model, severity: .info,
        title: LocalizedText(zh: "领域使用了别名", en: "Domain written under an alias"),
        message: LocalizedText(
            zh: "「领域」写作「{alias}」，是试点领域「{canonical}」的别名",
            en: "领域 \"{alias}\" is an alias of the pilot domain \"{canonical}\""),
        hint: LocalizedText(
            zh: "可以改写为「{canonical}」，使各地目录便于比较",
            en: "writing \"{canonical}\" keeps catalogs comparable across places"))

    public static let all: [FindingKind] = [duplicateID, unknownDomain, domainAlias]
}

/// Checks on one decoded catalog that need no other file.
public enum ModelChecks {
    public static func check(_ catalog: Catalog, registry: DomainRegistry) -> [Finding] {
        var findings: [Finding] = []
        // Only each item's 编号 is read, in place: copying the items (or `catalog.items`, a new array of them)
        // would retain every field of every item; `seen` is sized once for all of them.
        var seen: [String: SourcePosition] = [:]
        seen.reserveCapacity(catalog.groups.reduce(0) { $0 + $1.items.count })
        for group in catalog.groups.indices {
            for index in catalog.groups[group].items.indices {
                let id = catalog.groups[group].items[index].id
                if let first = seen[id.value] {
                    findings.append(
                        Finding(
                            ModelFindings.duplicateID, at: SourceLocation(file: catalog.file, position: id.position),
                            path: catalog.groups[group].items[index].path + "/编号",
                            arguments: ["id": id.value, "firstLine": String(first.line)]))
                } else {
                    seen[id.value] = id.position
                }
            }
        }
        let domain = catalog.domain
        switch registry.resolve(domain.value) {
        case .canonical:
            break
        case .alias(let alias, let canonical):
            findings.append(
                Finding(
                    ModelFindings.domainAlias, at: SourceLocation(file: catalog.file, position: domain.position),
                    path: "/领域", arguments: ["alias": alias, "canonical": canonical.name]))
        case .unknown:
            let names = registry.domains.flatMap { [$0.name] + $0.aliases }
            let notes = Suggestion.closest(to: domain.value, among: names).map { [Suggestion.didYouMean($0)] } ?? []
            findings.append(
                Finding(
                    ModelFindings.unknownDomain, at: SourceLocation(file: catalog.file, position: domain.position),
                    path: "/领域", arguments: ["domain": domain.value], notes: notes))
        }
        return findings
    }
}
