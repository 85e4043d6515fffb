import CatalogModel
import Diagnostics
import YAMLTree

/// Uniqueness within a jurisdiction: the same (一级事项, 名称) twice in a catalog, or the same 编号 or
/// (一级事项, 名称) in two files of the same domain. (The same 编号 twice in one catalog is `duplicate-id`.)
struct UniquenessRule: LintRule {
    static let duplicateIDAcrossFiles = lintKind(
        "duplicate-id-across-files", .error,
        title: .t("编号在同一辖区同一领域的两个文件中重复", "编号 repeated across files of a domain"),
        message: .t(
            "编号「{id}」已在同一辖区同领域的文件「{other}」中使用",
            "编号 \"{id}\" is already used in \"{other}\", a file of the same jurisdiction and domain"),
        hint: .t(
            "同一辖区同一领域的事项编号必须唯一；请为本事项分配未用过的编号，或合并两个文件",
            "编号 must be unique within a jurisdiction and domain; give this item an unused one or merge the files"))

    static let duplicateName = lintKind(
        "duplicate-item-name", .error,
        title: .t("事项重复", "Duplicate item"),
        message: .t(
            "一级事项「{group}」下的「{name}」重复出现（另见编号 {otherID}{where}）",
            "\"{name}\" under \"{group}\" occurs twice (see also 编号 {otherID}{where})"),
        hint: .t("同一事项只列一次；确是不同事项的，名称要能区分", "list an item once; different items need names that tell them apart"))

    static let description = RuleDescription(
        identifier: "uniqueness",
        name: .t("事项唯一", "Unique items"),
        kinds: [duplicateIDAcrossFiles, duplicateName],
        rationale: .t(
            "同一辖区同一领域，每个事项只出现一次：编号是事项的身份，跨文件重复会让比较和调整记录对不上；同一一级事项下名称相同的两行，多半是复制后忘了改。一个目录内编号重复由 duplicate-id 报告。",
            "Within a jurisdiction and domain each item appears once: 编号 is the item's identity, and repeated across files it breaks diffs and adjustment records; two rows with the same name under one 一级事项 are usually a copy not edited. A 编号 repeated inside one catalog is duplicate-id."
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
                  - 一级事项: 就业援助
                    二级事项:
                      - 编号: 17-03-01
                        名称: 招聘会信息
                        公开内容: 专场招聘会时间、地点
                """,
                setup: ExampleSetup(siblings: [
                    """
                    格式: gkml/1
                    领域: 社会救助
                    地区: 示例县星海镇
                    层级: 乡级
                    发布机构: 星海镇人民政府
                    版本: "2024.1"
                    默认:
                      公开依据: [《社会救助暂行办法》]
                      公开时限: 自信息形成或者变更之日起20个工作日内
                      公开主体: [星海镇人民政府]
                      公开渠道: [政府网站]
                      公开对象: 全社会
                      公开方式: 主动
                      公开层级: [乡级]
                    事项:
                      - 一级事项: 就业服务
                        二级事项:
                          - 编号: 17-02-01
                            名称: 招聘会信息
                            公开内容: 另一领域
                    """
                ]))
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
                      - 编号: 17-02-04
                        名称: ↓招聘会信息
                        公开内容: 招聘会参会单位
                """, codes: ["duplicate-item-name"]),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: ↓17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                """,
                setup: ExampleSetup(siblings: [
                    """
                    事项:
                      - 一级事项: 就业服务
                        二级事项:
                          - 编号: 17-02-01
                            名称: 招聘会信息
                            公开内容: 另一文件
                    """
                ])),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard file.isDecoded else { return [] }
        var out: [LintViolation] = []
        let items = file.items
        var seen: [ItemNameKey: String] = [:]  // the 编号 of the first item of each name (not a copy of the item)
        seen.reserveCapacity(items.count)
        // A 一级事项's items come one after another: its key is made once for the run, not once per item. Items are
        // read in place; only a reported one is bound (a `CatalogItem` copy retains each of its fields).
        var group: (text: String, key: TextKey)?
        for index in items.indices {
            let groupText = items[index].group.value
            if group.map({ !sameUTF8($0.text, groupText) }) ?? true { group = (groupText, TextKey(groupText)) }
            let key = ItemNameKey(group: group!.key, name: TextKey(items[index].name.value))
            if let firstID = seen[key] {
                let item = items[index]
                let span = file.span(of: item.name)
                out.append(
                    LintViolation(
                        file.finding(
                            Self.duplicateName, at: span.start, end: span.end(span.length), path: item.path(.name),
                            arguments: [
                                "group": item.group.value, "name": item.name.value, "otherID": firstID,
                                "where": "",
                            ])))
            } else {
                seen[key] = items[index].id.value
            }
        }
        // Earlier files of the same domain (in path order) own their 编号 and names: a 编号 or name is reported
        // when its first owner in the domain is a file before this one. One index per scope and domain, not one
        // per file (that was quadratic in the files of a domain: issue 15). A file alone in its domain owns all.
        guard !scope.sameDomain(as: file).isEmpty else { return out }
        let owners = scope.sameDomainOwners(of: file)
        var ids: [TextKey: String] = [:]
        var names: [ItemNameKey: (String, String)] = [:]
        for index in items.indices {
            let id = TextKey(items[index].id.value)
            if let owner = owners.ids[id], owner < file.path { ids[id] = owner }
            let name = ItemNameKey(items[index])
            if let owner = owners.names[name], owner.path < file.path { names[name] = (owner.path, owner.id) }
        }
        guard !ids.isEmpty || !names.isEmpty else { return out }
        for index in items.indices {
            if let other = ids[TextKey(items[index].id.value)] {
                let item = items[index]
                let span = file.span(of: item.id)
                out.append(
                    LintViolation(
                        file.finding(
                            Self.duplicateIDAcrossFiles, at: span.start, end: span.end(span.length),
                            path: item.path + "/编号",
                            arguments: ["id": item.id.value, "other": other])))
            } else if let (other, id) = names[ItemNameKey(items[index])] {
                let item = items[index]
                let span = file.span(of: item.name)
                out.append(
                    LintViolation(
                        file.finding(
                            Self.duplicateName, at: span.start, end: span.end(span.length), path: item.path(.name),
                            arguments: [
                                "group": item.group.value, "name": item.name.value, "otherID": id, "where": "，\(other)",
                            ])))
            }
        }
        return out
    }
}
