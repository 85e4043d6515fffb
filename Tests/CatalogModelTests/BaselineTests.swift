import CatalogModel
import Foundation
import Testing

/// catalogs/baseline/: one gkml/1 catalog per pilot domain (issue 3 "Done when").
@Suite("National baseline")
struct BaselineTests {
    @Test func oneFilePerPilotDomainNamedByCodeAndSlug() {
        let names = Repository.baselineFiles.map { ($0 as NSString).lastPathComponent }
        let expected = DomainRegistry.pilot.domains.map { "\($0.code)-\($0.slug).yaml" }
        #expect(names == expected)
    }

    @Test(arguments: DomainRegistry.pilot.domains)
    func baselineFileValidatesCleanly(domain: Domain) throws {
        let path = Repository.path("catalogs/baseline/\(domain.code)-\(domain.slug).yaml")
        let loaded = CatalogLoader.load(path: path)
        #expect(
            loaded.findings.isEmpty,
            "\(path): \(loaded.findings.map { "\($0.code) \($0.location.position?.description ?? "")" })")
        let catalog = try #require(loaded.catalog)
        #expect(catalog.domain.value == domain.name, "领域 is the canonical name")
        #expect(catalog.region.value == "全国")
        #expect(catalog.items.count >= 8, "\(domain.name) has \(catalog.items.count) items")

        let ids = catalog.items.map(\.id.value)
        #expect(Set(ids).count == ids.count, "duplicate 编号 in \(domain.name)")
        for id in ids {
            #expect(id.hasPrefix(domain.code + "-"), "\(id) in \(domain.name)")
            #expect(id.range(of: "^[0-9]{2}(-[0-9]{2}){2,3}$", options: .regularExpression) != nil, "\(id)")
        }
        // 编号 follow table order (group, then item), so that sorting by 编号 gives the table.
        #expect(ids == ids.sorted(), "\(domain.name): 编号 out of table order")
        // Every item is for the county or the township level, and names a responsible body.
        for item in catalog.items {
            #expect(
                !item.levels.value.isEmpty && item.levels.value.allSatisfy { [.county, .township].contains($0.value) })
            #expect(!item.bodies.value.isEmpty)
            if item.mode.value == .onRequest { #expect(item.reasonNotProactive != nil, "\(item.id.value)") }
        }
    }

    @Test func atLeastFourHundredItemsInAll() {
        let total = DomainRegistry.pilot.domains.compactMap { Baseline.catalog(for: $0)?.items.count }.reduce(0, +)
        #expect(total >= 400, "baseline total \(total)")
    }

    @Test func everyDomainHasItemsForTheTownshipLevelOrSaysWhyNot() throws {
        // Most guides have township rows; a township catalog made with gkml init must not start empty there.
        var withTownship = 0
        for domain in DomainRegistry.pilot.domains {
            let catalog = try #require(Baseline.catalog(for: domain))
            if catalog.items.contains(where: { $0.levels.value.contains { $0.value == .township } }) {
                withTownship += 1
            }
        }
        #expect(withTownship >= 20, "only \(withTownship) domains have 乡级 rows")
    }

    @Test func embeddedBaselineIsTheOneOnDisk() throws {
        for domain in DomainRegistry.pilot.domains {
            let path = "catalogs/baseline/\(domain.code)-\(domain.slug).yaml"
            let disk = try String(contentsOfFile: Repository.path(path), encoding: .utf8)
            #expect(
                Baseline.text(for: domain) == disk,
                "\(path) differs from the embedded copy: run scripts/embed-resources")
        }
    }
}
