import Foundation
import CatalogModel
import Diagnostics

/// 公开主体: every body is in the workspace's 机构名录; a role name from the baseline is replaced by the name
/// of the body that plays that role here.
struct BodyRule: LintRule {
    static let unknown = lintKind(
        "body-unknown", .error,
        title: .t("公开主体不在机构名录中", "Body not in the directory"),
        message: .t("公开主体「{body}」不在工作区的机构名录中", "公开主体 \"{body}\" is not in the workspace's 机构名录"),
        hint: .t(
            "使用 gkml.yaml「机构名录」中的全称；新设或更名的机构，先加入机构名录",
            "use the full name from 机构名录 in gkml.yaml; add new or renamed bodies there first"))

    static let roleUnreplaced = lintKind(
        "body-role-unreplaced", .warning,
        title: .t("公开主体仍是基准目录中的角色名称", "Role name left from the baseline"),
        message: .t(
            "公开主体「{body}」是角色名称（基准目录的角色，或只写了机构类别），应改为本地承担该职责的机构",
            "公开主体 \"{body}\" is a role name (the baseline's, or only the kind of body); name the body that has this duty here"
        ),
        hint: .t(
            "角色名称（如「乡镇人民政府（街道办事处）」「县级人力资源社会保障部门」）应替换为机构名录中的全称",
            "replace role names such as 乡镇人民政府（街道办事处） by the full name from 机构名录"))

    static let description = RuleDescription(
        identifier: "body",
        name: .t("公开主体", "Responsible bodies"),
        kinds: [unknown, roleUnreplaced],
        rationale: .t(
            "公开主体是对公开负责的机关。目录上写的名称要和县里的机构名录一致，否则群众不知道找谁，名称写错、机构改革后未更新的也会混在其中。基准目录用的是角色名称（「乡镇人民政府（街道办事处）」「县级××部门」），各地编制目录时要换成本地承担该职责的机构全称。没有工作区（或机构名录为空）时不检查；全国基准目录本身不检查。",
            "公开主体 is the body answerable for disclosure. Names must match the county's directory of bodies (机构名录) so that people know whom to ask and misspelt or outdated names after a reorganization are caught. The baseline uses role names (乡镇人民政府（街道办事处）, 县级××部门) that a local catalog replaces by the full name of the body that plays the role. Skipped without a workspace or with an empty 机构名录, and for the national baseline itself."
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
                        公开主体: [星海镇人民政府, 示例县人力资源和社会保障局]
                """),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开主体: [某某单位]
                """, setup: ExampleSetup(bodies: nil)),
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
                        公开主体: [↓星海镇政府, ↓示例县人社局]
                """, codes: ["body-unknown"]),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开主体:
                          - ↓乡镇人民政府（街道办事处）
                          - ↓县级人力资源社会保障部门
                """, codes: ["body-role-unreplaced"]),
            // Only the kind of body, as published tables print it (tez.gov.cn, mdx.gov.cn).
            RuleExample(
                """
                事项:
                  - 一级事项: 出生登记
                    二级事项:
                      - 编号: 17-02-01
                        名称: 出生登记
                        公开内容: 受理部门、办理条件
                        公开主体: [↓公安机关, ↓镇人民政府]
                """, codes: ["body-role-unreplaced"]),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog, !file.isBaseline, let workspace = scope.context.workspace,
            !workspace.bodies.isEmpty
        else { return [] }
        let known = workspace.bodyNames
        // Only an unknown body needs the directory; the bodies' levels are read once per workspace.
        var directory: [String] { workspace.bodies.map(\.value) }
        // A hint never crosses levels: a township's role or name is matched only against township bodies.
        func sameLevel(_ level: Level?) -> [String] {
            guard let level else { return directory }
            return directory.filter { workspace.bodyLevels[$0] == level }
        }
        let roles = scope.context.baselines.roleNames
        var out: [LintViolation] = []
        for list in file.written(.bodies, defaults: \.bodies, item: \.bodies) {
            for (index, body) in list.value.value.enumerated() where !known.contains(body.value) {
                let span = file.span(of: body)
                let name = body.value
                let path = "\(list.path(in: file))/\(index)"
                if Self.isRole(name, roles: roles) {
                    let level = RoleNames.level(ofRole: name)
                    let candidates = sameLevel(level)
                    let suggestion = Self.suggestionForRole(name, directory: candidates, catalog: catalog)
                    var notes = suggestion.map { [Suggestion.didYouMean($0)] } ?? []
                    if let level, !candidates.isEmpty { notes.append(Self.bodiesNote(level, candidates)) }
                    out.append(
                        LintViolation(
                            file.finding(
                                Self.roleUnreplaced, at: span.start, end: span.end(span.length), path: path,
                                arguments: ["body": name], notes: notes)))
                } else {
                    let level = Workspace.level(
                        ofBodyName: name, region: workspace.region.value, level: workspace.level.value)
                    let candidates = sameLevel(level)
                    let contained = candidates.first { Self.lcs(name.scalars, $0.scalars) == name.scalars.count }
                    let suggestion =
                        contained ?? Suggestion.closest(to: name, among: candidates)
                        ?? Self.bestMatch(name, directory: candidates)
                    out.append(
                        LintViolation(
                            file.finding(
                                Self.unknown, at: span.start, end: span.end(span.length), path: path,
                                arguments: ["body": name], notes: suggestion.map { [Suggestion.didYouMean($0)] } ?? []))
                    )
                }
            }
        }
        return out
    }

    /// The note listing the directory's bodies of a role's level (at most 12, then a count).
    static func bodiesNote(_ level: Level, _ bodies: [String]) -> LocalizedText {
        let shown = bodies.prefix(12).joined(separator: "、")
        let more = bodies.count > 12 ? "等\(bodies.count)个" : ""
        let moreEn = bodies.count > 12 ? " (\(bodies.count) in all)" : ""
        return .t(
            "机构名录中的\(level.rawValue)机构：\(shown)\(more)", "bodies of level \(level.rawValue) in 机构名录: \(shown)\(moreEn)")
    }

    /// Prefixes of role names: a level or a kind of government rather than a named body.
    static let rolePrefixes = [
        "县级", "乡镇", "乡（镇）", "乡(镇)", "县（市、区）", "县(市、区)", "县（区）", "县(区)", "县（市）", "市县", "市、县",
        "各级", "相关部门", "有关部门", "村（居）", "村(居)", "街道办事处", "设区的市",
    ]

    static func isRole(_ name: String, roles: Set<String>) -> Bool {
        roles.contains(name) || RoleNames.isTownshipRole(name) || RoleNames.isCountyRole(name)
            || rolePrefixes.contains(where: name.hasPrefix) || RoleNames.isGenericBody(name)
    }

    /// The body that most likely plays a role here: the township's own government for a township role, else
    /// the directory entry sharing most of the role's words (县级人力资源社会保障部门 → 示例县人力资源和社会保障局).
    static func suggestionForRole(_ role: String, directory: [String], catalog: Catalog) -> String? {
        if RoleNames.isTownshipRole(role) || role.hasPrefix("乡镇") || role.hasPrefix("乡（镇）") {
            if directory.contains(catalog.publisher.value) { return catalog.publisher.value }
            return directory.first {
                $0.hasSuffix("人民政府") && catalog.region.value.hasSuffix($0.replacingOccurrences(of: "人民政府", with: ""))
            }
        }
        var core = role
        for prefix in rolePrefixes + ["县级以上"] where core.hasPrefix(prefix) {
            core = String(core.dropFirst(prefix.count))
        }
        for suffix in ["部门", "机关", "机构", "单位"] where core.hasSuffix(suffix) {
            core = String(core.dropLast(suffix.count))
        }
        return bestMatch(core, directory: directory)
    }

    /// The directory entry containing most of `text`'s characters in order (at least 60 %).
    static func bestMatch(_ text: String, directory: [String]) -> String? {
        let a = text.scalars
        guard a.count >= 2 else { return nil }
        var best: (String, Double)?
        for candidate in directory {
            let score = Double(lcs(a, candidate.scalars)) / Double(a.count)
            if score >= 0.6, best == nil || score > best!.1 { best = (candidate, score) }
        }
        return best?.0
    }

    static func lcs(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
