import CatalogModel
import Diagnostics
import Testing

@testable import CatalogLint

/// Discovery's compact paths (issue 14: at province scale 40,000 paths were the largest thing growing with the
/// number of files): each comes back as it was found, the shared folder is stored once, and the reports still go
/// out in the order `String` sorts the paths in.
struct FilePathsTests {
    /// Paths with and without a shared folder, non-ASCII and not in NFC, come back byte for byte.
    @Test func eachPathComesBackAsFound() {
        let lists: [[String]] = [
            ["长胜乡/就业.yaml", "长胜乡/e\u{301}.yaml", "长胜乡/é.yaml", "长胜乡/x.yml"],
            ["a//b/x.yaml", "a//b/y.yaml"],
            ["x.yaml", "y.yaml"],
            ["a/x.yaml", "b/x.yaml", "a/y.yaml"],
            ["/abs/gkml.yaml"],
            [],
        ]
        for list in lists {
            let paths = FilePaths(list)
            #expect(paths.count == list.count)
            #expect(paths.map { Array($0.utf8) } == list.map { Array($0.utf8) })
        }
    }

    /// The folder the paths share is kept once, not once per path.
    @Test func theSharedFolderIsStoredOnce() {
        let folder = "某省某市某县/长胜乡/"
        let names = ["就业.yaml", "社会保险.yaml", "税收管理.yaml"]
        let paths = FilePaths(names.map { folder + $0 })
        #expect(paths.storedBytes == folder.utf8.count + names.reduce(0) { $0 + $1.utf8.count })
    }

    /// Ranks follow `String`'s order of all the paths of several lists: folders that are prefixes of one another,
    /// a folder whose name sorts before its own separator ("a-b" and "a/"), Chinese names, and a name not in NFC
    /// (canonically ordered, not by its bytes).
    @Test func ranksFollowTheOrderOfStrings() {
        let lists: [[String]] = [
            ["gkml.yaml", "a/gkml.yaml"],
            ["a/z.yaml", "a/b.yaml"],
            ["a/b/x.yaml"],
            ["a-b/x.yaml", "a-b/e\u{301}z.yaml", "a-b/éa.yaml", "a-b/f.yaml"],
            ["长胜乡/就业.yaml", "长胜乡/社会保险.yaml"],
            ["星海镇/就业.yaml", "星海镇/一.yaml"],
            ["b.yaml"],
        ]
        let ranks = PathRanks(lists.map(FilePaths.init))
        var byRank = [String](repeating: "", count: lists.joined().count)
        for (number, list) in lists.enumerated() {
            for (index, path) in list.enumerated() { byRank[ranks.rank(list: number, index: index)] = path }
        }
        #expect(byRank == lists.joined().sorted())
        #expect(Set(byRank).count == byRank.count)
    }

    /// Reports deposited out of order wait for the ones before them, then go out in rank order.
    @Test func reportsGoOutInRankOrder() {
        var delivered: [String] = []
        let delivery = OrderedDelivery { delivered.append($0.path) }
        delivery.deposit([(2, FileReport(path: "c", findings: [])), (3, FileReport(path: "d", findings: []))])
        #expect(delivered.isEmpty)
        delivery.deposit([(0, FileReport(path: "a", findings: []))])
        #expect(delivered == ["a"])
        delivery.deposit([(1, FileReport(path: "b", findings: []))])
        #expect(delivered == ["a", "b", "c", "d"])
        delivery.deposit([(5, FileReport(path: "f", findings: []))])
        delivery.flush()
        #expect(delivered == ["a", "b", "c", "d", "f"])
    }

    /// The domains a jurisdiction has catalogs for count and answer as a set of names would, pilot or not.
    @Test func presentDomainsActAsASetOfNames() {
        let pilot = DomainRegistry.pilot.domains.map(\.name)
        let first = [pilot[0], pilot[3], pilot[0], "机构信息"]
        let second = [pilot[3], pilot[25], "机构信息", "政策文件"]
        let union = PresentDomains(first).union(PresentDomains(second))
        let expected = Set(first).union(second)
        #expect(union.count == expected.count)
        for name in pilot + ["机构信息", "政策文件", "未知领域"] {
            #expect(union.contains(name) == expected.contains(name), "\(name)")
        }
        #expect(PresentDomains(first).count == 3)
        #expect(PresentDomains().count == 0)
    }
}
