import Foundation

/// Starts a county's workspace (issue 3, `gkml init workspace`): the gkml.yaml text and the folders of its
/// jurisdictions — the county itself (县本级) and each township.
public enum WorkspaceScaffold {
    public struct Request: Sendable {
        /// 地区 of the workspace (示例县).
        public var region: String
        public var level: Level
        /// 发布机构 (defaults to "<地区>人民政府办公室").
        public var publisher: String?
        /// Names of the townships (or streets) below it.
        public var townships: [String]

        public init(region: String, level: Level = .county, publisher: String? = nil, townships: [String] = []) {
            self.region = region
            self.level = level
            self.publisher = publisher
            self.townships = townships
        }
    }

    /// One 辖区 entry.
    public struct JurisdictionEntry: Sendable, Hashable {
        public var name: String
        public var level: Level
        public var folder: String
        /// The jurisdiction's own government, seeded into 机构名录.
        public var body: String
    }

    public struct Result: Sendable {
        public var publisher: String
        public var bodies: [String]
        public var jurisdictions: [JurisdictionEntry]

        /// Folders to create, relative to the workspace root.
        public var folders: [String] { jurisdictions.map(\.folder) }
    }

    public enum Failure: Error, Sendable, Equatable {
        case badName(String)
        case duplicate(String)
        case noLevelBelow(Level)

        public var message: String {
            switch self {
            case .badName(let name):
                "名称「\(name)」不能用作文件夹名：不能为空，不能含 / \\ 或控制字符，不能以 . 开头"
            case .duplicate(let name): "辖区「\(name)」重复"
            case .noLevelBelow(let level): "\(level.rawValue)之下没有可作为辖区的层级"
            }
        }
    }

    /// The level of the jurisdictions below a workspace of `level`.
    static func levelBelow(_ level: Level) -> Level? {
        switch level {
        case .city: .county
        case .county: .township
        case .township: .village
        case .village: nil
        }
    }

    /// The folder of the workspace's own catalogs: 县本级, 区本级, 市本级, 旗本级 … after the region's last
    /// character when it names the kind of place, else after the level.
    static func ownFolder(region: String, level: Level) -> String {
        if let last = region.last, "县区市旗州盟镇乡".contains(last) { return "\(last)本级" }
        return "\(level.rawValue.prefix(1))本级"
    }

    /// The government of a place: 星海镇 → 星海镇人民政府, 九龙街道 → 九龙街道办事处, 村 → 村民委员会.
    public static func governmentName(of place: String) -> String {
        if place.hasSuffix("街道") { return place + "办事处" }
        if place.hasSuffix("村") { return place + "民委员会" }
        if place.hasSuffix("社区") { return place + "居民委员会" }
        return place + "人民政府"
    }

    /// A name usable as a folder name.
    public static func isFolderName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.trimmingCharacters(in: .whitespaces) == name
            && !name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
    }

    public static func make(_ request: Request) throws(Failure) -> Result {
        let region = request.region
        guard isFolderName(region) else { throw .badName(region) }
        let own = JurisdictionEntry(
            name: region, level: request.level, folder: ownFolder(region: region, level: request.level),
            body: governmentName(of: region))
        var jurisdictions = [own]
        if !request.townships.isEmpty {
            guard let below = levelBelow(request.level) else { throw .noLevelBelow(request.level) }
            for name in request.townships {
                guard isFolderName(name) else { throw .badName(name) }
                guard !jurisdictions.contains(where: { $0.name == name || $0.folder == name }) else {
                    throw .duplicate(name)
                }
                jurisdictions.append(
                    JurisdictionEntry(name: name, level: below, folder: name, body: governmentName(of: name)))
            }
        }
        let publisher = request.publisher ?? governmentName(of: region) + "办公室"
        var bodies: [String] = []
        for body in [own.body, publisher] + jurisdictions.dropFirst().map(\.body) where !bodies.contains(body) {
            bodies.append(body)
        }
        return Result(publisher: publisher, bodies: bodies, jurisdictions: jurisdictions)
    }

    /// The gkml.yaml text, with comments that explain each section to the county office.
    public static func yaml(_ request: Request, _ result: Result, schemaReference: String) -> String {
        var lines: [String] = [
            "# yaml-language-server: $schema=\(schemaReference)",
            "# \(request.region)基层政务公开标准目录工作区（由 gkml init 生成）",
            "格式: gkml-workspace/1",
            "地区: " + YAMLText.scalar(request.region),
            "层级: \(request.level.rawValue)",
            "发布机构: " + YAMLText.scalar(result.publisher),
            "# 「公开主体」可以使用的机构名称。请补充本级各部门的全称（如 \(request.region)人力资源和社会保障局），",
            "# 目录中的角色名称（如 县级人力资源社会保障部门）应替换为这里的名称。",
            "机构名录:",
        ]
        lines += result.bodies.map { "  - " + YAMLText.scalar($0) }
        lines += [
            "# 各辖区及其目录文件夹（相对于本文件）。辖区不涉及的试点领域写在该辖区的「未涉及领域」下并说明理由，例如：",
            "#     未涉及领域:",
            "#       - 领域: 税收管理",
            "#         说明: 税收征管由县税务局及其派出机构负责，本级政府不承担税收管理职责",
            "辖区:",
        ]
        for j in result.jurisdictions {
            lines += [
                "  - 名称: " + YAMLText.scalar(j.name),
                "    层级: \(j.level.rawValue)",
                "    目录: " + YAMLText.scalar(j.folder),
            ]
        }
        lines += [
            "# 辖区缺少试点领域目录时的级别：错误、警告 或 关闭",
            "领域覆盖: 警告",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
