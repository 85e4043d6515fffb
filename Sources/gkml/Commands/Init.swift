import ArgumentParser
import CatalogModel
import Foundation

/// `gkml init`: start a workspace, or a domain catalog from the baseline (issue 3).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "初始化：创建工作区（gkml.yaml 和各辖区文件夹），或从基准目录生成一个领域的目录。",
        subcommands: [WorkspaceCommand.self, CatalogCommand.self]
    )

    /// `gkml init workspace DIR --region 示例县 --townships 星海镇,长胜乡`.
    struct WorkspaceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workspace",
            abstract: "创建工作区：写入 DIR/gkml.yaml，并为县本级和各乡镇建立目录文件夹。",
            discussion: """
                例：gkml init workspace 示例县 --region 示例县 --townships 星海镇,长胜乡
                机构名录预置本级人民政府、发布机构和各乡镇人民政府（街道为街道办事处），请补充各部门全称。
                已有 gkml.yaml 时不会覆盖（除非加 --force）。
                """)

        @Argument(help: "工作区文件夹（不存在则创建）。")
        var directory: String

        @Option(help: "本级地区名称，如 示例县。")
        var region: String

        @Option(help: "下辖乡镇（街道），以逗号分隔，如 星海镇,长胜乡。")
        var townships: String?

        @Option(help: "本级层级：市级、县级或乡级（默认 县级）。")
        var level: String = Level.county.rawValue

        @Option(help: "发布机构（默认 <地区>人民政府办公室）。")
        var publisher: String?

        @Flag(help: "覆盖已有的 gkml.yaml。")
        var force = false

        func run() throws {
            guard let level = Level(rawValue: level) else {
                throw ValidationError("层级「\(self.level)」无效：应为 市级、县级、乡级 或 村级")
            }
            let names = (townships ?? "")
                .split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            let request = WorkspaceScaffold.Request(
                region: region.trimmingCharacters(in: .whitespaces), level: level,
                publisher: publisher?.trimmingCharacters(in: .whitespaces), townships: names)
            let result: WorkspaceScaffold.Result
            do {
                result = try WorkspaceScaffold.make(request)
            } catch {
                throw ValidationError(error.message)
            }
            let file = (directory as NSString).appendingPathComponent(WorkspaceLoader.fileName)
            do {
                // The schemas in the workspace, so that the modeline is a relative path that works offline.
                try SchemaFiles.write(into: directory)
            } catch {
                Output.error("错误：" + error.message)
                throw Status.failure
            }
            let text = WorkspaceScaffold.yaml(
                request, result, schemaReference: SchemaReference.reference(.workspace, forFileAt: file))
            do {
                try SafeFileWriter.write(text, to: file, overwrite: force)
            } catch {
                Output.error("错误：" + error.message)
                throw Status.failure
            }
            var created: [String] = []
            for folder in result.folders {
                let path = (directory as NSString).appendingPathComponent(folder)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { continue }
                do {
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                    created.append(path)
                } catch {
                    Output.error("错误：无法创建文件夹 \(path)：\(error.localizedDescription)")
                    throw Status.failure
                }
            }
            var out = "已写入 \(file)：\(request.region)（\(level.rawValue)），\(result.jurisdictions.count) 个辖区，机构名录 \(result.bodies.count) 个机构。\n"
            for j in result.jurisdictions {
                let path = (directory as NSString).appendingPathComponent(j.folder)
                out += "  \(j.name)（\(j.level.rawValue)）→ \(path)/\(created.contains(path) ? "（新建）" : "")\n"
            }
            if let first = result.jurisdictions.last {
                out += "下一步：gkml init catalog --workspace \(directory) --region \(first.name) --domain 就业\n"
            }
            Output.print(out)
        }
    }

    /// `gkml init catalog --domain 就业 --region 星海镇 --level 乡级 --body 星海镇人民政府`.
    struct CatalogCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "从基准目录生成一个领域的目录文件。",
            discussion: """
                选取基准目录中公开层级含本级的事项，保留编号；公开层级收窄为本级；基准中的乡镇人民政府（街道办事处）
                由 --body 指定的机构替换，县级部门等其他角色保留，可用 --role 角色=机构 逐一替换为本地机构全称。
                在工作区中（--workspace，或当前文件夹位于工作区内），--region 为辖区名称，文件写到该辖区文件夹，
                以领域英文名命名（如 employment.yaml）。已有文件不会覆盖（除非加 --force）。
                例：gkml init catalog --workspace 示例县 --region 星海镇 --domain 就业 \\
                      --role 县级人力资源社会保障部门=示例县人力资源和社会保障局
                """)

        @Option(help: "领域：名称、别名或代码，如 就业、就业创业、17。")
        var domain: String

        @Option(help: "地区（辖区）名称，如 星海镇。")
        var region: String

        @Option(help: "层级：县级或乡级（在工作区中默认取辖区的层级）。")
        var level: String?

        @Option(help: "本级机构，替换基准目录中的乡镇人民政府（街道办事处）（在工作区中默认 <辖区>人民政府）。")
        var body: String?

        @Option(help: "发布机构（默认同 --body）。")
        var publisher: String?

        @Option(name: .customLong("role"), help: "把基准目录中的角色替换为本地机构：角色=机构，可重复。")
        var roles: [String] = []

        @Option(help: "输出文件（默认：工作区中为 <辖区文件夹>/<领域英文名>.yaml，否则为 ./<领域英文名>.yaml）。")
        var out: String?

        @Option(help: "工作区文件夹（含 gkml.yaml）。")
        var workspace: String?

        @Option(help: "调整记录的日期 YYYY-MM-DD（默认今天）。")
        var date: String?

        @Flag(help: "覆盖已有文件。")
        var force = false

        func run() throws {
            // Workspace context: explicit, or the one enclosing the output (or the current folder).
            var loadedWorkspace: Workspace?
            if let workspace {
                let file = (workspace as NSString).appendingPathComponent(WorkspaceLoader.fileName)
                guard FileManager.default.fileExists(atPath: file) else {
                    throw ValidationError("\(workspace) 中没有 gkml.yaml：不是工作区（可先运行 gkml init workspace）")
                }
                loadedWorkspace = try loadWorkspace(file)
            } else {
                let folder = out.map { ($0 as NSString).deletingLastPathComponent } ?? "."
                if let file = WorkspaceLoader.enclosingWorkspace(of: folder.isEmpty ? "." : folder) {
                    loadedWorkspace = try loadWorkspace(file)
                }
            }
            let registry = loadedWorkspace.map { DomainRegistry.pilot.adding($0.extraDomains) } ?? .pilot

            guard let (domain, match) = registry.lookup(domain.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("未知领域「\(self.domain)」：请用领域名称、别名或代码（gkml domains 列出全部领域）")
            }

            let regionName = region.trimmingCharacters(in: .whitespaces)
            guard !regionName.isEmpty else { throw ValidationError("--region 不能为空") }
            let jurisdiction = loadedWorkspace?.jurisdictions.first { $0.name.value == regionName }
            if workspace != nil, jurisdiction == nil, let ws = loadedWorkspace {
                let names = ws.jurisdictions.map(\.name.value).joined(separator: "、")
                throw ValidationError("工作区中没有辖区「\(regionName)」；gkml.yaml 中的辖区有：\(names)")
            }

            let level: Level
            if let text = self.level {
                guard let parsed = Level(rawValue: text) else {
                    throw ValidationError("层级「\(text)」无效：应为 市级、县级、乡级 或 村级")
                }
                if let j = jurisdiction, j.level.value != parsed {
                    throw ValidationError("辖区「\(regionName)」在 gkml.yaml 中是\(j.level.value.rawValue)，与 --level \(text) 不符")
                }
                level = parsed
            } else if let j = jurisdiction {
                level = j.level.value
            } else {
                throw ValidationError("请用 --level 指定层级（县级或乡级）")
            }

            let body: String
            if let given = self.body?.trimmingCharacters(in: .whitespaces), !given.isEmpty {
                body = given
            } else if let ws = loadedWorkspace, jurisdiction != nil {
                let guess = WorkspaceScaffold.governmentName(of: regionName)
                guard ws.bodies.contains(where: { $0.value == guess }) else {
                    throw ValidationError("请用 --body 指定本级机构（机构名录中没有「\(guess)」）")
                }
                body = guess
            } else {
                throw ValidationError("请用 --body 指定本级机构，如 \(WorkspaceScaffold.governmentName(of: regionName))")
            }

            var roleMap: [String: String] = [:]
            for entry in roles {
                let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError("--role 应写作 角色=机构，如 县级人力资源社会保障部门=示例县人力资源和社会保障局（收到「\(entry)」）")
                }
                roleMap[parts[0]] = parts[1]
            }

            let today = try Self.date(date)

            // 地区: a township in a workspace is written with its county (示例县星海镇).
            var regionText = regionName
            if let ws = loadedWorkspace, let j = jurisdiction, j.level.value > ws.level.value,
               !regionName.hasPrefix(ws.region.value) {
                regionText = ws.region.value + regionName
            }

            let baseline: (catalog: Catalog, source: String)
            do {
                baseline = try BaselineSource.catalog(for: domain, workspace: loadedWorkspace, registry: registry)
            } catch {
                throw ValidationError(error.message)
            }
            let result: CatalogScaffold.Result
            do {
                result = try CatalogScaffold.make(from: baseline.catalog, CatalogScaffold.Request(
                    domain: domain, region: regionText, level: level, body: body,
                    publisher: publisher?.trimmingCharacters(in: .whitespaces), roles: roleMap, date: today))
            } catch {
                throw ValidationError(error.message)
            }

            let path: String
            if let out {
                path = out
            } else if let ws = loadedWorkspace, let j = jurisdiction {
                path = ((ws.root as NSString).appendingPathComponent(j.folder.value) as NSString)
                    .appendingPathComponent(domain.slug + ".yaml")
            } else {
                path = domain.slug + ".yaml"
            }

            do {
                try SchemaFiles.ensure(.catalog, forFileAt: path)
            } catch {
                Output.error("错误：" + error.message)
                throw Status.failure
            }
            var header = [SchemaReference.modeline(.catalog, forFileAt: path)]
            header.append("\(regionText)\(domain.name)领域基层政务公开标准目录")
            let guide = domain.guide.isEmpty ? "\(domain.department)《\(domain.name)领域基层政务公开标准指引》" : domain.guide
            header.append("由 gkml init 依据基准目录生成：\(guide)")
            header.append("请按本地职责调整：不涉及的事项移到「未涉及事项」并写明理由；本地增加的事项另编编号；")
            header.append("编号不得重复使用。")
            let text = CatalogWriter(header: header).yaml(result.draft)

            do {
                try SafeFileWriter.write(text, to: path, overwrite: force)
            } catch {
                Output.error("错误：" + error.message)
                throw Status.failure
            }

            var report = "已生成 \(path)：\(regionText)「\(domain.name)」领域目录（\(level.rawValue)），"
            report += "从基准目录的 \(result.baselineCount) 个事项中选取公开层级含\(level.rawValue)的 \(result.draft.items.count) 个。\n"
            if case .alias(let alias) = match { report += "「\(alias)」是「\(domain.name)」的别名，目录中写作「\(domain.name)」。\n" }
            for (role, by) in result.replaced {
                report += by.map { "公开主体「\(role)」已替换为「\($0)」。\n" }
                    ?? "公开主体「\(role)」已从本级事项中去掉（由乡镇在各自目录中公开）。\n"
            }
            // A --role that no baseline uses anywhere is probably misspelt (roles of other domains are fine:
            // a county may pass one set of --role options for all its catalogs).
            let knownRoles = Set(DomainRegistry.pilot.domains.flatMap { Baseline.catalog(for: $0)?.items ?? [] }
                .flatMap { $0.bodies.value.map(\.value) })
            let unknownRoles = result.unusedRoles.filter { !knownRoles.contains($0) }
            if !unknownRoles.isEmpty {
                report += "提示：--role 中的「\(unknownRoles.joined(separator: "」「"))」不是基准目录中的角色名称，未做替换。\n"
            }
            let directory = loadedWorkspace.map { Set($0.bodies.map(\.value)) }
            let toReplace = result.unreplaced.filter { name in directory.map { !$0.contains(name) } ?? true }
            if !toReplace.isEmpty {
                report += "请把以下基准目录中的角色改为本地机构全称（可用 --role 角色=机构 重新生成）：\(toReplace.joined(separator: "、"))\n"
            }
            if let directory {
                let missing = Set(result.draft.items.flatMap(\.bodies) + [result.draft.publisher])
                    .subtracting(directory).subtracting(toReplace).sorted()
                if !missing.isEmpty {
                    report += "请在 gkml.yaml 的机构名录中补充：\(missing.joined(separator: "、"))\n"
                }
            }
            report += "下一步：按本地职责调整事项，然后运行 gkml validate \(path)\n"
            Output.print(report)
        }

        func loadWorkspace(_ file: String) throws -> Workspace {
            let loaded = WorkspaceLoader.load(path: file)
            guard let ws = loaded.workspace, !loaded.hasErrors else {
                Output.error("错误：工作区文件 \(file) 未通过校验，请先运行 gkml validate \(file)")
                throw Status.failure
            }
            return ws
        }

        /// `--date`, checked, or today's local date.
        static func date(_ text: String?) throws -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone.current
            guard let text else {
                let c = calendar.dateComponents([.year, .month, .day], from: Date())
                return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            }
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                  let parsed = calendar.date(from: DateComponents(year: y, month: m, day: d)),
                  calendar.component(.year, from: parsed) == y, calendar.component(.month, from: parsed) == m,
                  calendar.component(.day, from: parsed) == d
            else {
                throw ValidationError("日期「\(text)」无效：应写作 YYYY-MM-DD，如 2024-06-01")
            }
            return text
        }
    }
}
