import Diagnostics
import Testing

@testable import CatalogModel

/// A body's level is read from the jurisdiction whose name starts it, found by the name's prefixes: the work
/// per body does not grow with the number of jurisdictions (issues 14 and 16: the old scan made a messy
/// province's validate cubic), and the bodies' levels are read once per workspace.
@Suite struct BodyLevelTests {
    static let at = SourcePosition(line: 1, column: 1)

    static func workspace(townships: Int, bodies extra: [String] = []) -> Workspace {
        var jurisdictions = [
            Jurisdiction(
                name: Located("东关", at: at), level: Located(.county, at: at), folder: Located("东关", at: at))
        ]
        for index in 0..<townships {
            jurisdictions.append(
                Jurisdiction(
                    name: Located("第\(index)镇", at: at), level: Located(.township, at: at),
                    folder: Located("t\(index)", at: at)))
        }
        // The longer name wins over the shorter one that also starts the body (东关镇 over 东关).
        jurisdictions.append(
            Jurisdiction(
                name: Located("东关镇", at: at), level: Located(.township, at: at), folder: Located("dgz", at: at)))
        let bodies = (["东关镇人民政府", "东关农业局", "示例县教育局", "某某公司", "第7镇人民政府"] + extra).map { Located($0, at: at) }
        return Workspace(
            file: "gkml.yaml", root: ".", region: Located("示例县", at: at), level: Located(.county, at: at),
            bodies: bodies, jurisdictions: jurisdictions)
    }

    @Test func longestJurisdictionPrefixThenTheNameThenNothing() {
        let ws = Self.workspace(townships: 20)
        #expect(ws.level(ofBody: "东关镇人民政府") == .township)
        #expect(ws.level(ofBody: "东关农业局") == .county)
        #expect(ws.level(ofBody: "第7镇人民政府") == .township)
        #expect(ws.level(ofBody: "示例县教育局") == .county)  // the workspace's own region
        #expect(ws.level(ofBody: "某某公司") == nil)
        #expect(ws.bodyLevels == ["东关镇人民政府": .township, "东关农业局": .county, "示例县教育局": .county, "第7镇人民政府": .township])
    }

    @Test func probesDoNotGrowWithTheJurisdictions() {
        let small = Self.workspace(townships: 10)
        let large = Self.workspace(townships: 3_000)
        for name in ["东关镇人民政府", "某某公司", "第9镇人民政府"] {
            let probes = large.bodyLevelLookup(name).probes
            #expect(probes <= name.count + 1)
            #expect(probes == small.bodyLevelLookup(name).probes)
        }
        #expect(large.level(ofBody: "第2999镇人民政府") == .township)
    }

    @Test func levelsFollowChangesToBodiesAndJurisdictions() {
        var ws = Self.workspace(townships: 3)
        ws.bodies.append(Located("新城镇人民政府", at: Self.at))
        #expect(ws.bodyLevels["新城镇人民政府"] == .township)  // by its ending
        ws.jurisdictions.append(
            Jurisdiction(
                name: Located("某某", at: Self.at), level: Located(.township, at: Self.at),
                folder: Located("mm", at: Self.at)))
        #expect(ws.bodyLevels["某某公司"] == .township)
        #expect(ws.bodyNames.contains("新城镇人民政府"))
    }
}
