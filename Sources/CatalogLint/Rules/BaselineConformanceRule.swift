import CatalogModel
import Diagnostics

/// Conformance to the baseline: every baseline item for the catalog's level is present (same 编号) or listed
/// in 未涉及事项 with a reason; 未涉及事项 names only items that exist.
struct BaselineConformanceRule: LintRule {
    static let missing = lintKind(
        "baseline-item-missing", .error,
        title: .t("缺少基准目录事项", "Baseline item missing"),
        message: .t(
            "基准目录事项 {id}「{name}」（{level}）既不在本目录中，也未列入「未涉及事项」",
            "baseline item {id} \"{name}\" ({level}) is neither in this catalog nor listed under 未涉及事项"),
        hint: .t(
            "保留该事项（编号不变），或在「未涉及事项」中列出编号 {id} 并在「说明」中写明本地未涉及的理由",
            "keep the item with its 编号, or list {id} under 未涉及事项 with the reason in 说明"))

    static let unknownID = lintKind(
        "not-applicable-unknown-id", .error,
        title: .t("未涉及事项的编号不存在", "Unknown 编号 in 未涉及事项"),
        message: .t(
            "「未涉及事项」中的编号「{id}」不是基准目录（或上级目录）中的事项",
            "编号 \"{id}\" under 未涉及事项 is not an item of the baseline (or of the upper level's catalog)"),
        hint: .t("未涉及事项只能列基准目录中有、本地不涉及的事项；请核对编号", "未涉及事项 lists baseline items that do not apply here; check the 编号"))

    static let alsoPresent = lintKind(
        "not-applicable-but-present", .warning,
        title: .t("事项同时列为未涉及", "Item both present and not applicable"),
        message: .t("编号「{id}」在「事项」中已有，又列入了「未涉及事项」", "编号 \"{id}\" is in 事项 and also listed under 未涉及事项"),
        hint: .t("删去其中一处：本地公开该事项就从「未涉及事项」中删除", "remove one: if the item is disclosed here, drop it from 未涉及事项"))

    static let unknownBaselineID = lintKind(
        "baseline-id-unknown", .error,
        title: .t("基准编号不存在", "Unknown 基准编号"),
        message: .t(
            "事项 {item} 的基准编号「{id}」不是基准目录中的事项", "the 基准编号 \"{id}\" of item {item} is not an item of the baseline"),
        hint: .t("基准编号写本事项替代或拆分的基准目录事项的编号；请核对", "基准编号 names the baseline item this one replaces or splits; check it"))

    static let baseline = """
        事项:
          - 一级事项: 就业服务
            二级事项:
              - 编号: 17-02-01
                名称: 招聘会信息
                公开内容: 招聘会时间、地点
              - 编号: 17-02-02
                名称: 就业困难人员认定
                公开内容: 认定条件、办理流程
              - 编号: 17-02-03
                名称: 就业补助资金管理
                公开内容: 资金分配结果
                公开层级: [县级]
        """

    static let description = RuleDescription(
        identifier: "baseline-conformance",
        name: .t("对照基准目录", "Conformance to the baseline"),
        kinds: [missing, unknownID, alsoPresent, unknownBaselineID],
        rationale: .t(
            "基层目录以国务院部门的标准指引（全国基准目录）为底，按本地职责调整。基准目录中属于本层级的事项，要么保留（编号不变），要么列入「未涉及事项」并写明理由——悄悄删掉一项，就是少公开了一项。「未涉及事项」只能列基准目录（或乡镇的上级县级目录）中确有的编号。工作区可在 gkml.yaml「基准目录」指定自己的基准。",
            "A local catalog starts from the national baseline (the State Council departments' guides) and adapts it. Each baseline item of the catalog's level is kept with its 编号 or listed under 未涉及事项 with a reason: an item silently dropped is an item no longer disclosed. 未涉及事项 may only name items that exist in the baseline (or, for a township, in the county's catalog). A workspace may name its own baseline (基准目录 in gkml.yaml)."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 本镇招聘会时间、地点
                未涉及事项:
                  - 编号: 17-02-02
                    说明: 就业困难人员认定由县人社局负责，本镇仅受理申请
                """, setup: ExampleSetup(baseline: baseline)),
            // A local table splits a baseline row in two (出生登记 → 出生登记（本地出生）and 出生登记（外地出生）): both
            // claim the baseline 编号, and the baseline row counts as present.
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-11
                        名称: 本镇招聘会信息
                        公开内容: 本镇招聘会时间、地点
                        基准编号: 17-02-01
                      - 编号: 17-02-12
                        名称: 县招聘会信息
                        公开内容: 县招聘会时间、地点
                        基准编号: 17-02-01
                      - 编号: 17-02-02
                        名称: 就业困难人员认定
                        公开内容: 认定条件、办理流程
                """, setup: ExampleSetup(baseline: baseline)),
        ],
        triggeringExamples: [
            RuleExample(
                """
                ↓↓事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-09-01
                        名称: 本镇就业之家
                        公开内容: 服务时间、地点
                """, codes: ["baseline-item-missing"], setup: ExampleSetup(baseline: baseline)),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 本镇招聘会时间、地点
                未涉及事项:
                  - 编号: ↓17-02-01
                    说明: 本镇不举办招聘会
                  - 编号: 17-02-02
                    说明: 由县人社局负责
                  - 编号: ↓17-02-09
                    说明: 本镇无此职责
                """, codes: ["not-applicable-unknown-id", "not-applicable-but-present"],
                setup: ExampleSetup(baseline: baseline)),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 本镇招聘会时间、地点
                      - 编号: 17-02-02
                        名称: 就业困难人员认定
                        公开内容: 认定条件、办理流程
                      - 编号: 17-02-11
                        名称: 本镇就业补助资金
                        公开内容: 资金分配结果
                        基准编号: ↓17-02-09
                """, codes: ["baseline-id-unknown"], setup: ExampleSetup(baseline: baseline)),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog, !file.isBaseline else { return [] }
        let baseline = scope.context.baselines.catalog(for: file.domain)
        let upper = catalog.level.value == .township ? scope.context.upperCatalog(for: file.domain) : nil
        guard baseline != nil || upper != nil else { return [] }
        var out: [LintViolation] = []
        // Items are read in place; only a reported one is bound (a `CatalogItem` copy retains each of its fields).
        let items = file.items
        var present = Set<String>(minimumCapacity: items.count)
        // Items that replace or split a baseline row claim it by 基准编号.
        var claimed = Set<String>()
        for index in items.indices {
            present.insert(items[index].id.value)
            if let id = items[index].baselineID { claimed.insert(id.value) }
        }
        let notApplicable = Set(catalog.notApplicable.map(\.id.value))
        let keyPosition = file.root.pair("事项")?.key.start ?? SourcePosition(line: 1, column: 1)
        let keyEnd = SourcePosition(line: keyPosition.line, column: keyPosition.column + 2)
        if baseline != nil {
            let level = catalog.level.value
            let baselineItems = scope.context.baselines.items(for: file.domain)
            for index in baselineItems.indices
            where baselineItems[index].levels.value.contains(where: { $0.value == level }) {
                let id = baselineItems[index].id.value
                guard !present.contains(id), !claimed.contains(id), !notApplicable.contains(id) else { continue }
                let item = baselineItems[index]
                var finding = file.finding(
                    Self.missing, at: keyPosition, end: keyEnd, path: item.path,
                    arguments: ["id": item.id.value, "name": item.name.value, "level": level.rawValue],
                    notes: [Self.provenanceNote(item, domain: file.domain)])
                // A row no source confirmed may not be in the guide at all: a warning, not an error.
                if item.isUnconfirmed, finding.severity == .error { finding.severity = .warning }
                out.append(LintViolation(finding))
            }
            let baselineIDs = scope.context.baselines.itemIDs(for: file.domain)
            for index in items.indices {
                guard let id = items[index].baselineID, !baselineIDs.contains(id.value) else { continue }
                let item = items[index]
                let span = file.span(of: id)
                out.append(
                    LintViolation(
                        file.finding(
                            Self.unknownBaselineID, at: span.start, end: span.end(span.length),
                            path: item.path + "/基准编号",
                            arguments: ["id": id.value, "item": item.id.value],
                            notes: Suggestion.closest(to: id.value, among: baselineIDs.sorted()).map {
                                [Suggestion.didYouMean($0)]
                            } ?? [])))
            }
        }
        // Only 未涉及事项 entries read it; most files have none.
        var known = Set<String>()
        if !catalog.notApplicable.isEmpty {
            known = scope.context.baselines.itemIDs(for: file.domain)
            if let upperItems = upper?.itemTable {
                for index in upperItems.indices { known.insert(upperItems[index].id.value) }
            }
        }
        for entry in catalog.notApplicable {
            // Placed in the source only when reported: most entries are fine.
            var placed: ValueSpan { file.span(of: entry.id) }
            let path = "/未涉及事项/编号=\(entry.id.value)"
            if present.contains(entry.id.value) {
                let span = placed
                out.append(
                    LintViolation(
                        file.finding(
                            Self.alsoPresent, at: span.start, end: span.end(span.length), path: path,
                            arguments: ["id": entry.id.value])))
            } else if !known.contains(entry.id.value) {
                let notes =
                    Suggestion.closest(to: entry.id.value, among: known.sorted().filter { !present.contains($0) })
                    .map { [Suggestion.didYouMean($0)] } ?? []
                let span = placed
                out.append(
                    LintViolation(
                        file.finding(
                            Self.unknownID, at: span.start, end: span.end(span.length), path: path,
                            arguments: ["id": entry.id.value],
                            notes: notes)))
            }
        }
        return out
    }

    /// The provenance of a baseline row, as the finding and `gkml explain` print it.
    static func provenanceNote(_ item: CatalogItem, domain: Domain?) -> LocalizedText {
        let text = BaselineProvenance.describe(item, domain: domain)
        return .t("基准事项出处：\(text.zh)", "provenance of the baseline item: \(text.en)")
    }
}
