import SafeOutput
import Diagnostics
import Foundation
import SafeOutput

/// `gkml init catalog`: resolves the options against the workspace (explicit, or the one enclosing the
/// output), scaffolds the catalog from the baseline, writes it (never over a file unless forced) and says
/// what is left to do by hand.
public enum CatalogInit {
    /// The options as typed.
    public struct Request: Sendable {
        public var domain: String
        public var region: String
        public var level: Level?
        public var body: String?
        public var publisher: String?
        /// `角色=机构` entries.
        public var roles: [String]
        public var out: String?
        /// A workspace folder (holding gkml.yaml).
        public var workspace: String?
        /// YYYY-MM-DD; nil for today's local date.
        public var date: String?
        public var force: Bool

        public init(
            domain: String, region: String, level: Level? = nil, body: String? = nil, publisher: String? = nil,
            roles: [String] = [], out: String? = nil, workspace: String? = nil, date: String? = nil,
            force: Bool = false
        ) {
            self.domain = domain
            self.region = region
            self.level = level
            self.body = body
            self.publisher = publisher
            self.roles = roles
            self.out = out
            self.workspace = workspace
            self.date = date
            self.force = force
        }
    }

    /// The catalog to write, decided from the request, before anything is written.
    public struct Plan: Sendable {
        public var path: String
        public var text: String
        public var domain: Domain
        /// How the domain was named on the command line (an alias is reported).
        public var match: DomainRegistry.LookupMatch
        /// 地区 as written in the catalog (a township in a workspace carries its county's name).
        public var region: String
        public var level: Level
        public var result: CatalogScaffold.Result
        /// 机构名录 of the workspace, when there is one.
        public var directory: Set<String>?
    }

    /// Resolves and scaffolds; writes nothing.
    public static func plan(_ request: Request) throws(InitFailure) -> Plan {
        var loadedWorkspace: Workspace?
        if let workspace = request.workspace {
            let file = (workspace as NSString).appendingPathComponent(WorkspaceLoader.fileName)
            guard FileManager.default.fileExists(atPath: file) else {
                throw InitFailure(
                    zh: "\(workspace) 中没有 gkml.yaml：不是工作区（可先运行 gkml init workspace）",
                    en: "\(workspace) holds no gkml.yaml: not a workspace (gkml init workspace starts one)")
            }
            loadedWorkspace = try load(file)
        } else {
            let folder = request.out.map { ($0 as NSString).deletingLastPathComponent } ?? "."
            if let file = WorkspaceLoader.enclosingWorkspace(of: folder.isEmpty ? "." : folder) {
                loadedWorkspace = try load(file)
            }
        }
        let registry = loadedWorkspace.map { DomainRegistry.pilot.adding($0.extraDomains) } ?? .pilot

        guard let (domain, match) = registry.lookup(request.domain.trimmingCharacters(in: .whitespaces)) else {
            throw InitFailure(
                zh: "未知领域「\(request.domain)」：请用领域名称、别名或代码（gkml domains 列出全部领域）",
                en:
                    "unknown domain \"\(request.domain)\": give a domain's name, alias or code (gkml domains lists them)"
            )
        }

        let regionName = request.region.trimmingCharacters(in: .whitespaces)
        guard !regionName.isEmpty else { throw InitFailure(zh: "--region 不能为空", en: "--region must not be empty") }
        let jurisdiction = loadedWorkspace?.jurisdictions.first { $0.name.value == regionName }
        if request.workspace != nil, jurisdiction == nil, let ws = loadedWorkspace {
            let names = ws.jurisdictions.map(\.name.value)
            throw InitFailure(
                zh: "工作区中没有辖区「\(regionName)」；gkml.yaml 中的辖区有：\(names.joined(separator: "、"))",
                en:
                    "the workspace has no jurisdiction \"\(regionName)\"; gkml.yaml lists: \(names.joined(separator: ", "))"
            )
        }

        let level: Level
        if let given = request.level {
            if let j = jurisdiction, j.level.value != given {
                throw InitFailure(
                    zh: "辖区「\(regionName)」在 gkml.yaml 中是\(j.level.value.rawValue)，与 --level \(given.rawValue) 不符",
                    en:
                        "gkml.yaml gives \"\(regionName)\" the level \(j.level.value.rawValue), not --level \(given.rawValue)"
                )
            }
            level = given
        } else if let j = jurisdiction {
            level = j.level.value
        } else {
            throw InitFailure(zh: "请用 --level 指定层级（县级或乡级）", en: "give the level with --level (县级 or 乡级)")
        }

        let body: String
        if let given = request.body?.trimmingCharacters(in: .whitespaces), !given.isEmpty {
            body = given
        } else if let ws = loadedWorkspace, jurisdiction != nil {
            let guess = WorkspaceScaffold.governmentName(of: regionName)
            guard ws.bodies.contains(where: { $0.value == guess }) else {
                throw InitFailure(
                    zh: "请用 --body 指定本级机构（机构名录中没有「\(guess)」）",
                    en: "give the body with --body (机构名录 has no \"\(guess)\")")
            }
            body = guess
        } else {
            let example = WorkspaceScaffold.governmentName(of: regionName)
            throw InitFailure(zh: "请用 --body 指定本级机构，如 \(example)", en: "give the body with --body, e.g. \(example)")
        }

        let roleMap = try roles(request.roles)
        let today = try date(request.date)

        // 地区: a township in a workspace is written with its county (示例县星海镇).
        var regionText = regionName
        if let ws = loadedWorkspace, let j = jurisdiction, j.level.value > ws.level.value,
            !regionName.hasPrefix(ws.region.value)
        {
            regionText = ws.region.value + regionName
        }

        let baseline: (catalog: Catalog, source: String)
        do {
            baseline = try BaselineSource.catalog(for: domain, workspace: loadedWorkspace, registry: registry)
        } catch {
            throw error.localized
        }
        let result: CatalogScaffold.Result
        do {
            result = try CatalogScaffold.make(
                from: baseline.catalog,
                CatalogScaffold.Request(
                    domain: domain, region: regionText, level: level, body: body,
                    publisher: request.publisher?.trimmingCharacters(in: .whitespaces), roles: roleMap, date: today))
        } catch {
            throw error.localized
        }

        let path: String
        if let out = request.out {
            path = out
        } else if let ws = loadedWorkspace, let j = jurisdiction {
            path = ((ws.root as NSString).appendingPathComponent(j.folder.value) as NSString)
                .appendingPathComponent(domain.slug + ".yaml")
        } else {
            path = domain.slug + ".yaml"
        }
        let text = CatalogWriter(header: header(domain: domain, region: regionText, path: path)).yaml(result.draft)
        return Plan(
            path: path, text: text, domain: domain, match: match, region: regionText, level: level,
            result: result, directory: loadedWorkspace.map { Set($0.bodies.map(\.value)) })
    }

    /// Plans, then writes the file.
    public static func run(_ request: Request) throws(InitFailure) -> Plan {
        var plan = try plan(request)
        // The schemas where an editor finds them from the file (offline); then the modeline points there.
        if SchemaReference.localReference(.catalog, forFileAt: plan.path) == nil {
            do {
                try SchemaFiles.ensure(.catalog, forFileAt: plan.path)
            } catch {
                throw error.localized
            }
            plan = try self.plan(request)
        }
        do {
            try SafeFileWriter.write(plan.text, to: plan.path, overwrite: request.force)
        } catch {
            throw error.localized
        }
        return plan
    }

    /// The comment lines at the top of a new catalog.
    static func header(domain: Domain, region: String, path: String) -> [String] {
        let guide = domain.guide.isEmpty ? "\(domain.department)《\(domain.name)领域基层政务公开标准指引》" : domain.guide
        return [
            SchemaReference.modeline(.catalog, forFileAt: path),
            "\(region)\(domain.name)领域基层政务公开标准目录",
            "由 gkml init 依据基准目录生成：\(guide)",
            "请按本地职责调整：不涉及的事项移到「未涉及事项」并写明理由；本地增加的事项另编编号；",
            "编号不得重复使用。",
        ]
    }

    /// `--role 角色=机构` entries as a map.
    public static func roles(_ entries: [String]) throws(InitFailure) -> [String: String] {
        var map: [String: String] = [:]
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw InitFailure(
                    zh: "--role 应写作 角色=机构，如 县级人力资源社会保障部门=示例县人力资源和社会保障局（收到「\(entry)」）",
                    en: "write --role as 角色=机构 (role=body), e.g. 县级人力资源社会保障部门=示例县人力资源和社会保障局 (got \"\(entry)\")")
            }
            map[parts[0]] = parts[1]
        }
        return map
    }

    /// `--date`, checked, or today's local date.
    public static func date(_ text: String?, now: Date = Date()) throws(InitFailure) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        guard let text else {
            let c = calendar.dateComponents([.year, .month, .day], from: now)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            let parsed = calendar.date(from: DateComponents(year: y, month: m, day: d)),
            calendar.component(.year, from: parsed) == y, calendar.component(.month, from: parsed) == m,
            calendar.component(.day, from: parsed) == d
        else {
            throw InitFailure(
                zh: "日期「\(text)」无效：应写作 YYYY-MM-DD，如 2024-06-01",
                en: "invalid date \"\(text)\": write YYYY-MM-DD, e.g. 2024-06-01")
        }
        return text
    }

    static func load(_ file: String) throws(InitFailure) -> Workspace {
        let loaded = WorkspaceLoader.load(path: file)
        guard let ws = loaded.workspace, !loaded.hasErrors else {
            throw InitFailure(
                zh: "工作区文件 \(file) 未通过校验，请先运行 gkml validate \(file)",
                en: "the workspace file \(file) has errors; run gkml validate \(file) first")
        }
        return ws
    }
}

extension CatalogInit.Plan {
    /// What was done and what is left to do by hand.
    public var message: LocalizedText {
        var zh = "已生成 \(path)：\(region)「\(domain.name)」领域目录（\(level.rawValue)），"
        zh += "从基准目录的 \(result.baselineCount) 个事项中选取公开层级含\(level.rawValue)的 \(result.draft.items.count) 个。\n"
        var en = "wrote \(path): the \(region) catalog of \"\(domain.name)\" (\(level.rawValue)), "
        en +=
            "\(result.draft.items.count) of the baseline's \(result.baselineCount) items whose 公开层级 includes \(level.rawValue).\n"
        if case .alias(let alias) = match {
            zh += "「\(alias)」是「\(domain.name)」的别名，目录中写作「\(domain.name)」。\n"
            en += "\"\(alias)\" is an alias of \"\(domain.name)\"; the catalog says \"\(domain.name)\".\n"
        }
        for (role, by) in result.replaced {
            if let by {
                zh += "公开主体「\(role)」已替换为「\(by)」。\n"
                en += "公开主体 \"\(role)\" replaced by \"\(by)\".\n"
            } else {
                zh += "公开主体「\(role)」已从本级事项中去掉（由乡镇在各自目录中公开）。\n"
                en +=
                    "公开主体 \"\(role)\" removed from this level's items (the townships publish it in their own catalogs).\n"
            }
        }
        let unknown = unknownRoles
        if !unknown.isEmpty {
            zh += "提示：--role 中的「\(unknown.joined(separator: "」「"))」不是基准目录中的角色名称，未做替换。\n"
            en +=
                "note: \"\(unknown.joined(separator: "\", \""))\" in --role is not a role of any baseline catalog; nothing replaced.\n"
        }
        let toReplace = rolesToReplace
        if !toReplace.isEmpty {
            zh += "请把以下基准目录中的角色改为本地机构全称（可用 --role 角色=机构 重新生成）：\(toReplace.joined(separator: "、"))\n"
            en +=
                "replace these baseline roles by the full names of local bodies (or run again with --role role=body): \(toReplace.joined(separator: ", "))\n"
        }
        let missing = missingFromDirectory
        if !missing.isEmpty {
            zh += "请在 gkml.yaml 的机构名录中补充：\(missing.joined(separator: "、"))\n"
            en += "add to 机构名录 in gkml.yaml: \(missing.joined(separator: ", "))\n"
        }
        zh += "下一步：按本地职责调整事项，然后运行 gkml validate \(path)\n"
        en += "next: adapt the items to local duties, then run gkml validate \(path)\n"
        return LocalizedText(zh: zh, en: en)
    }

    /// `--role` names no baseline uses anywhere: probably misspelt (roles of other domains are fine, since a
    /// county may pass one set of --role options for all its catalogs).
    public var unknownRoles: [String] {
        let known = Set(
            DomainRegistry.pilot.domains.flatMap { Baseline.catalog(for: $0)?.items ?? [] }
                .flatMap { $0.bodies.value.map(\.value) })
        return result.unusedRoles.filter { !known.contains($0) }
    }

    /// Baseline roles left in the draft that are not bodies of the workspace's 机构名录.
    public var rolesToReplace: [String] {
        result.unreplaced.filter { name in directory.map { !$0.contains(name) } ?? true }
    }

    /// Bodies the draft names that the workspace's 机构名录 lacks (other than roles still to replace).
    public var missingFromDirectory: [String] {
        guard let directory else { return [] }
        return Set(result.draft.items.flatMap(\.bodies) + [result.draft.publisher])
            .subtracting(directory).subtracting(rolesToReplace).sorted()
    }
}
