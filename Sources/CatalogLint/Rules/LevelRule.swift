import CatalogModel
import Diagnostics

/// 公开层级: a township catalog's items are disclosed at 乡级, a county catalog's at 县级.
struct LevelRule: LintRule {
    static let kind = lintKind(
        "level-own-missing", .error,
        title: .t("事项的公开层级不含本级", "Item not disclosed at the catalog's level"),
        message: .t(
            "本目录为{level}目录，事项 {id} 的公开层级中没有「{level}」",
            "this is a {level} catalog but the 公开层级 of item {id} lacks {level}"),
        hint: .t(
            "在公开层级中加上「{level}」；本级不公开的事项不列入本级目录（可列入「未涉及事项」）",
            "add {level} to 公开层级; items not disclosed at this level do not belong in this catalog (list them under 未涉及事项)"
        ))

    static let description = RuleDescription(
        identifier: "level",
        name: .t("公开层级", "Levels"),
        kinds: [kind],
        rationale: .t(
            "目录表的「公开层级」一栏说明由哪一级公开。乡级目录里的事项由乡镇公开，公开层级必须包括乡级；县级目录的事项必须包括县级。否则印出来的表格本级一栏是空的，群众不知道该找谁。全国基准目录不检查。",
            "The 公开层级 column says which level discloses an item. Items of a township catalog are disclosed by the township, so their levels include 乡级; a county catalog's include 县级. Otherwise the printed table leaves the catalog's own column empty. The national baseline is not checked."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开层级: [县级, 乡级]
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开层级: ↓[县级]
                """),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 就业资金
                        公开内容: 资金分配结果
                        公开层级: ↓[乡级]
                """, setup: ExampleSetup(level: .county)),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog, !file.isBaseline else { return [] }
        let own = catalog.level.value
        // Items are read in place; only a failing one is bound (a `CatalogItem` copy retains each of its fields).
        let items = file.items
        var failing: [(item: CatalogItem, arguments: [String: String])] = []
        for index in items.indices where !items[index].levels.value.contains(where: { $0.value == own }) {
            failing.append((items[index], ["id": items[index].id.value, "level": own.rawValue]))
        }
        return file.reportPerItem(
            Self.kind, element: .levels, failing: failing, defaultsPosition: catalog.defaults?.levels?.position)
    }
}
