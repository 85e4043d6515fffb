import CatalogModel
import Testing

/// The domain registry (schemas/domains.yaml compiled in): the 26 pilot domains of the 2019 guides.
@Suite("Domain registry")
struct RegistryTests {
    let domains = DomainRegistry.pilot.domains

    @Test func twentySixPilotDomains() {
        #expect(domains.count == 26)
        #expect(domains.allSatisfy { $0.pilot })
        let codes = (1...26).map { $0 < 10 ? "0\($0)" : "\($0)" }
        #expect(domains.map(\.code) == codes)
    }

    @Test func codesNamesAndSlugsAreUnique() {
        #expect(Set(domains.map(\.code)).count == 26)
        #expect(Set(domains.map(\.name)).count == 26)
        #expect(Set(domains.map(\.slug)).count == 26)
        for domain in domains {
            #expect(
                domain.slug.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(domain.slug)")
            #expect(!domain.department.isEmpty, "\(domain.name) has no department")
        }
    }

    @Test func theDesignsListOfPilotDomains() {
        let expected = """
            城乡规划 重大建设项目 公共资源交易 财政预决算 安全生产 税收管理 征地补偿 国有土地上房屋征收与补偿 农村危房改造
            生态环境 公共文化服务 公共法律服务 扶贫 救灾 食品药品监管 城市综合执法 就业 社会保险 社会救助 养老服务 户籍管理
            涉农补贴 义务教育 卫生健康 市政服务 保障性住房
            """.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(domains.map(\.name) == expected)
    }

    @Test func everyAliasResolvesToExactlyOneDomain() {
        let names = Set(domains.map(\.name))
        var owners: [String: [String]] = [:]
        for domain in domains {
            for alias in domain.aliases { owners[alias, default: []].append(domain.name) }
        }
        for (alias, list) in owners {
            #expect(list.count == 1, "alias \(alias) belongs to \(list)")
            #expect(!names.contains(alias), "alias \(alias) is also a canonical name")
        }
        for domain in domains {
            #expect(DomainRegistry.pilot.resolve(domain.name) == .canonical(domain))
            for alias in domain.aliases {
                #expect(DomainRegistry.pilot.resolve(alias) == .alias(alias, domain), "\(alias)")
            }
        }
        #expect(DomainRegistry.pilot.resolve("不存在的领域") == .unknown)
    }

    /// The later names the issue names must resolve to their pilot domain.
    @Test(arguments: [
        ("乡村振兴", "扶贫"), ("巩固拓展脱贫攻坚成果", "扶贫"), ("国土空间规划", "城乡规划"), ("财政预算决算", "财政预决算"),
        ("就业创业", "就业"), ("住房保障", "保障性住房"), ("涉农资金", "涉农补贴"), ("救灾生产", "救灾"), ("环境保护", "生态环境"),
    ])
    func knownAliases(alias: String, canonical: String) {
        #expect(DomainRegistry.pilot.domain(named: alias)?.name == canonical)
    }

    @Test func lookupByNameAliasCodeAndSlug() throws {
        let registry = DomainRegistry.pilot
        #expect(registry.lookup("就业")?.domain.code == "17")
        #expect(registry.lookup("就业创业")?.match == .alias("就业创业"))
        #expect(registry.lookup("17")?.domain.name == "就业")
        #expect(registry.lookup("7")?.domain.name == "征地补偿")
        #expect(registry.lookup("employment")?.domain.name == "就业")
        #expect(registry.lookup("99") == nil)
        #expect(registry.lookup("") == nil)
    }

    @Test func extraDomainsJoinTheRegistry() {
        let position = Diagnostics.SourcePosition(line: 1, column: 1)
        let registry = DomainRegistry.pilot.adding([
            ExtraDomain(name: .init("政策文件", at: position), code: "ZC", slug: "policy-documents", aliases: ["政策文件公开"])
        ])
        #expect(registry.domains.count == 27)
        #expect(registry.domain(named: "政策文件公开")?.name == "政策文件")
        #expect(registry.lookup("ZC")?.domain.pilot == false)
        #expect(registry.lookup("policy-documents")?.domain.name == "政策文件")
    }
}

import Diagnostics
