import Foundation
import Diagnostics

/// A jurisdiction of the workspace (the county itself or a township) and the folder holding its catalogs.
public struct Jurisdiction: Sendable, Hashable {
    public var name: Located<String>
    public var level: Located<Level>
    /// Folder relative to the workspace root, as written in gkml.yaml.
    public var folder: Located<String>
    /// 未涉及领域: pilot domains that do not apply here, domain name → reason.
    public var domainsNotApplicable: [Located<String>: String]
    /// Where the jurisdiction's entry starts in gkml.yaml.
    public var position: SourcePosition

    public init(
        name: Located<String>, level: Located<Level>, folder: Located<String>,
        domainsNotApplicable: [Located<String>: String] = [:], position: SourcePosition? = nil
    ) {
        self.name = name
        self.level = level
        self.folder = folder
        self.domainsNotApplicable = domainsNotApplicable
        self.position = position ?? name.position
    }
}

/// A domain a workspace adds beyond the 26 pilot domains (机构信息, 政策文件 …).
public struct ExtraDomain: Sendable, Hashable {
    public var name: Located<String>
    public var code: String?
    public var slug: String?
    public var aliases: [String]

    public init(name: Located<String>, code: String? = nil, slug: String? = nil, aliases: [String] = []) {
        self.name = name
        self.code = code
        self.slug = slug
        self.aliases = aliases
    }
}

/// What the workspace says about a rule: a severity, or off.
public enum RuleSetting: Sendable, Hashable {
    case severity(Severity)
    case off

    /// Parses the Chinese or English word used in gkml.yaml.
    public init?(_ word: String) {
        switch word {
        case "错误", "error": self = .severity(.error)
        case "警告", "warning": self = .severity(.warning)
        case "提示", "info": self = .severity(.info)
        case "关闭", "off": self = .off
        default: return nil
        }
    }
}

/// A county's workspace: the gkml.yaml at the root of its repository.
public struct Workspace: Sendable, Hashable {
    /// Path of gkml.yaml as the user named it.
    public var file: String
    /// The folder holding gkml.yaml.
    public var root: String
    public var region: Located<String> { didSet { indexBodies() } }
    public var level: Located<Level> { didSet { indexBodies() } }
    public var publisher: Located<String>?
    /// Folder of the baseline catalogs, relative to `root`; nil means the built-in national baseline.
    public var baselineFolder: Located<String>?
    /// 机构名录: the names 公开主体 may use.
    public var bodies: [Located<String>] { didSet { indexBodies() } }
    /// The names of `bodies`, for lookups: built once per workspace, not once per file checked.
    public private(set) var bodyNames: Set<String> = []
    /// The level of each body of `bodies` whose name tells one (`level(ofBody:)`), built once per workspace: read
    /// per file, it cost bodies × jurisdictions per file, cubic at province scale (issues 14 and 16).
    public private(set) var bodyLevels: [String: Level] = [:]
    /// Jurisdiction name → level (the first of equal names), so a body's level is found by its prefixes.
    private var levelsByJurisdictionName: [String: Level] = [:]
    /// How each canonical level is labelled in this place's tables (e.g. 县级 → 区级).
    public var levelLabels: [Level: String]
    public var jurisdictions: [Jurisdiction] { didSet { indexBodies() } }
    public var extraDomains: [ExtraDomain]
    /// Rule code → setting, from 规则.
    public var rules: [String: RuleSetting]
    /// What a missing pilot domain is: warning by default.
    public var coverage: RuleSetting
    /// 发布: how the catalogs are printed.
    public var publishing: PublishSettings

    public init(
        file: String, root: String, region: Located<String>, level: Located<Level>,
        publisher: Located<String>? = nil, baselineFolder: Located<String>? = nil,
        bodies: [Located<String>] = [], levelLabels: [Level: String] = [:],
        jurisdictions: [Jurisdiction] = [], extraDomains: [ExtraDomain] = [],
        rules: [String: RuleSetting] = [:], coverage: RuleSetting = .severity(.warning),
        publishing: PublishSettings = PublishSettings()
    ) {
        self.file = file
        self.root = root
        self.region = region
        self.level = level
        self.publisher = publisher
        self.baselineFolder = baselineFolder
        self.bodies = bodies
        self.levelLabels = levelLabels
        self.jurisdictions = jurisdictions
        self.extraDomains = extraDomains
        self.rules = rules
        self.coverage = coverage
        self.publishing = publishing
        indexBodies()
    }

    private mutating func indexBodies() {
        levelsByJurisdictionName = Dictionary(jurisdictions.map { ($0.name.value, $0.level.value) }) { first, _ in first
        }
        bodyNames = Set(bodies.map(\.value))
        var levels: [String: Level] = [:]
        for name in bodyNames { levels[name] = level(ofBody: name) }
        bodyLevels = levels
    }

    /// The label this place prints for a level.
    public func label(_ level: Level) -> String { levelLabels[level] ?? level.rawValue }
}

extension Workspace {
    /// The level of a body of the 机构名录, read from its name: the jurisdiction whose name starts it (星海镇人民政府 →
    /// 星海镇, 乡级), the workspace's own region (示例县人民政府 → 县级), or a township government's ending (…镇人民政府,
    /// …街道办事处). Nil when the name does not tell.
    public func level(ofBody name: String) -> Level? {
        bodyLevelLookup(name).level
    }

    /// `level(ofBody:)` with the number of dictionary probes it took: at most the name's length plus one,
    /// whatever the number of jurisdictions (the tests assert it; the old scan compared every jurisdiction).
    func bodyLevelLookup(_ name: String) -> (level: Level?, probes: Int) {
        // The longest jurisdiction name that starts the body's name, tried from the whole name down.
        var probes = 0
        var end = name.endIndex
        while true {
            probes += 1
            if let level = levelsByJurisdictionName[String(name[..<end])] { return (level, probes) }
            if end == name.startIndex { break }
            name.formIndex(before: &end)
        }
        return (Workspace.level(ofBodyName: name, region: region.value, level: level.value), probes)
    }

    /// The level a body's name tells without a jurisdiction list (see `level(ofBody:)`).
    public static func level(ofBodyName name: String, region: String, level: Level) -> Level? {
        let townshipEndings = ["镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府"]
        if townshipEndings.contains(where: name.hasSuffix) && !RoleNames.isTownshipRole(name) { return .township }
        let core = name.hasPrefix(region) ? String(name.dropFirst(region.count)) : nil
        if let core, !["镇", "乡", "街道"].contains(where: core.contains) { return level }
        return nil
    }
}
