/// Starts a jurisdiction's catalog of one domain from the baseline (issue 3, `gkml init catalog`).
///
/// - Items: the baseline items whose 公开层级 includes the catalog's level, in baseline order, 编号 kept.
/// - 公开层级 narrowed to the catalog's level (a township keeps 村级 where the baseline lists it: villages
///   publish under their township's catalog).
/// - 公开主体: an explicit role mapping (`roles`) first; then the township-government role becomes `body`
///   in a township (or village) catalog, and is dropped from a county catalog's items that name another
///   body (the townships publish their part in their own catalogs; an item the baseline gives to the
///   township alone gets `body`). County-level roles stay as the guide names them unless mapped.
/// - 调整记录: one entry "依据基层政务公开标准指引初始编制" dated `date`.
public enum CatalogScaffold {
    public static let initialNote = "依据基层政务公开标准指引初始编制"

    public struct Request: Sendable {
        public var domain: Domain
        /// 地区 as written in the catalog.
        public var region: String
        public var level: Level
        /// The jurisdiction's own body: it replaces the township role and publishes the catalog.
        public var body: String
        /// 发布机构 (defaults to `body`).
        public var publisher: String?
        /// Role → body name, applied before anything else.
        public var roles: [String: String]
        /// YYYY-MM-DD of the 调整记录 entry.
        public var date: String
        /// 版本 (defaults to "<year of date>.1").
        public var version: String?

        public init(
            domain: Domain, region: String, level: Level, body: String, publisher: String? = nil,
            roles: [String: String] = [:], date: String, version: String? = nil
        ) {
            self.domain = domain
            self.region = region
            self.level = level
            self.body = body
            self.publisher = publisher
            self.roles = roles
            self.date = date
            self.version = version
        }
    }

    public struct Result: Sendable {
        public var draft: CatalogDraft
        /// Items of the baseline in all.
        public var baselineCount: Int
        /// Baseline bodies that were replaced, with what replaced them (`nil`: dropped).
        public var replaced: [(role: String, by: String?)]
        /// 公开主体 values still as the baseline names them (roles to map to real bodies).
        public var unreplaced: [String]
        /// Keys of `roles` that no selected item uses.
        public var unusedRoles: [String]
    }

    public enum Failure: Error, Sendable, Equatable {
        /// The baseline has no item at this level.
        case noItems(domain: String, level: Level)

        public var message: String {
            switch self {
            case .noItems(let domain, let level):
                "「\(domain)」领域的基准目录中没有公开层级含「\(level.rawValue)」的事项"
            }
        }
    }

    public static func make(from baseline: Catalog, _ request: Request) throws(Failure) -> Result {
        let level = request.level
        var replaced: [String: String?] = [:]
        var replacedOrder: [String] = []
        var unreplaced: [String] = []
        var usedRoles = Set<String>()

        func note(_ role: String, _ by: String?) {
            if replaced[role] == nil { replacedOrder.append(role) }
            replaced[role] = by
        }

        var groups: [CatalogDraft.Group] = []
        var count = 0
        for group in baseline.groups {
            var items: [CatalogDraft.Item] = []
            for source in group.items {
                count += 1
                let levels = source.levels.value.map(\.value)
                guard levels.contains(level) else { continue }
                var item = CatalogDraft.Item(source)
                item.levels = [level] + (level == .township && levels.contains(.village) ? [.village] : [])

                var bodies: [String] = []
                for role in item.bodies {
                    if let mapped = request.roles[role] {
                        usedRoles.insert(role)
                        note(role, mapped)
                        bodies.append(mapped)
                    } else if RoleNames.isTownshipRole(role) {
                        if level >= .township {
                            note(role, request.body)
                            bodies.append(request.body)
                        } else if item.bodies.allSatisfy(RoleNames.isTownshipRole) {
                            note(role, request.body)
                            bodies.append(request.body)
                        } else {
                            note(role, nil)
                        }
                    } else {
                        bodies.append(role)
                        if !unreplaced.contains(role) { unreplaced.append(role) }
                    }
                }
                var seen = Set<String>()
                item.bodies = bodies.filter { seen.insert($0).inserted }
                if item.bodies.isEmpty { item.bodies = [request.body] }
                items.append(item)
            }
            if !items.isEmpty { groups.append(CatalogDraft.Group(name: group.name.value, items: items)) }
        }
        guard !groups.isEmpty else { throw .noItems(domain: request.domain.name, level: level) }

        let version = request.version ?? "\(request.date.prefix(4)).1"
        let draft = CatalogDraft(
            domain: request.domain.name, region: request.region, level: level,
            publisher: request.publisher ?? request.body, version: version, groups: groups,
            adjustments: [CatalogDraft.AdjustmentEntry(date: request.date, version: version, note: initialNote)])
        return Result(
            draft: draft, baselineCount: count,
            replaced: replacedOrder.map { ($0, replaced[$0]!) },
            unreplaced: unreplaced,
            unusedRoles: request.roles.keys.filter { !usedRoles.contains($0) }.sorted())
    }
}
