import CatalogImport
import CatalogModel
import Foundation
import Testing

/// Every table `gkml build` writes (xlsx, docx, html, csv) imports back to catalogs equal item for item to the
/// ones it was built from (issue 9, item 6).
@Suite(.serialized) struct ImportRoundTripTests {
    static let example = GKML.root.appendingPathComponent("catalogs/example")

    /// The example workspace's catalogs by jurisdiction folder and file stem (the domain slug).
    static func originals() throws -> [String: [String: Catalog]] {
        var out: [String: [String: Catalog]] = [:]
        for folder in ["县本级", "星海镇", "长胜乡"] {
            let path = example.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: path.path) where name.hasSuffix(".yaml") {
                let loaded = CatalogLoader.load(path: path.appendingPathComponent(name).path)
                out[folder, default: [:]][String(name.dropLast(5))] = try #require(loaded.catalog)
            }
        }
        return out
    }

    static func build() throws -> URL {
        let out = try GKML.temporaryFolder().appendingPathComponent("site")
        let result = try GKML.run(["build", example.path, "--out", out.path, "--formats", "html,csv,xlsx,docx"])
        try #require(result.status == 0, "gkml build failed: \(result.all)")
        return out
    }

    static func imported(_ file: URL, jurisdiction: String? = nil, publisher: String? = nil, version: String? = nil)
        throws -> (Importer.Result, [Catalog])
    {
        var request = Importer.Request(files: [file.path], into: example.path)
        request.jurisdiction = jurisdiction
        request.publisher = publisher
        request.version = version
        let result = try Importer(request).run()
        #expect(result.failures.isEmpty, "\(file.lastPathComponent): \(result.failures.map(\.error.message.zh))")
        var catalogs: [Catalog] = []
        for output in result.outputs {
            let loaded = CatalogLoader.load(bytes: Array(output.text.utf8), file: output.path)
            #expect(!loaded.hasErrors, "\(output.path): \(loaded.findings.map { $0.message(.zh) })\n\(output.text)")
            if let catalog = loaded.catalog { catalogs.append(catalog) }
        }
        return (result, catalogs)
    }

    static func expectSameItems(_ imported: Catalog, _ original: Catalog, _ label: String) {
        let a = CatalogDraft(imported), b = CatalogDraft(original)
        #expect(a.groups.map(\.name) == b.groups.map(\.name), "\(label): 一级事项")
        #expect(a.items.count == b.items.count, "\(label): item count")
        for (x, y) in zip(a.items, b.items) {
            // The ■/□ checklist prints the boxes in the official order, so 公开渠道 comes back in that order.
            var x = x, y = y
            x.channels = x.channels.sorted()
            y.channels = y.channels.sorted()
            #expect(x == y, "\(label) \(y.id):\nimported \(x)\noriginal \(y)")
        }
        #expect(imported.region.value == original.region.value, "\(label): 地区")
        // A CSV names its domain only by the file's slug, which gives the canonical name of an alias (乡村振兴 → 扶贫).
        let registry = DomainRegistry.pilot
        #expect(
            registry.domain(named: imported.domain.value)?.name == registry.domain(named: original.domain.value)?.name,
            "\(label): 领域")
        if !label.hasSuffix(".csv") {
            #expect(imported.domain.value == original.domain.value, "\(label): 领域 as written")
        }
        #expect(imported.level.value == original.level.value, "\(label): 层级")
    }

    @Test func workbooksImportBackItemForItem() throws {
        let site = try Self.build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let originals = try Self.originals()
        for (folder, output) in [("县本级", "示例县"), ("星海镇", "星海镇"), ("长胜乡", "长胜乡")] {
            let (result, catalogs) = try Self.imported(site.appendingPathComponent("\(output)/\(output).xlsx"))
            #expect(catalogs.count == originals[folder]!.count)
            #expect(result.exitStatus == 0, "\(result.notes.map { $0.place.zh + " " + $0.message.zh })")
            for catalog in catalogs {
                let original = try #require(originals[folder]!.values.first { $0.domain.value == catalog.domain.value })
                Self.expectSameItems(catalog, original, "\(output).xlsx \(catalog.domain.value)")
                #expect(
                    catalog.publisher.value == original.publisher.value
                        && catalog.version.value == original.version.value)
                #expect(catalog.effectiveDate?.value == original.effectiveDate?.value)
            }
        }
    }

    @Test(arguments: ["docx", "html", "csv"])
    func tablesImportBackItemForItem(format: String) throws {
        let site = try Self.build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let originals = try Self.originals()
        var compared = 0
        for (folder, output) in [("县本级", "示例县"), ("星海镇", "星海镇"), ("长胜乡", "长胜乡")] {
            for (slug, original) in originals[folder]! {
                let file = site.appendingPathComponent("\(output)/\(slug).\(format)")
                // CSV carries no title and no facts: the place, the issuing body and the version are named on the
                // command line (as a clerk would), the domain comes from the file name.
                let csv = format == "csv"
                let (result, catalogs) = try Self.imported(
                    file, jurisdiction: csv ? original.region.value : nil,
                    publisher: csv ? original.publisher.value : nil, version: csv ? original.version.value : nil)
                let catalog = try #require(catalogs.first, "\(file.path): \(result.notes.map(\.message.zh))")
                Self.expectSameItems(catalog, original, "\(output)/\(slug).\(format)")
                if format != "csv" {
                    #expect(result.exitStatus == 0, "\(result.notes.map { $0.place.zh + " " + $0.message.zh })")
                    #expect(
                        catalog.publisher.value == original.publisher.value
                            && catalog.version.value == original.version.value)
                }
                compared += 1
            }
        }
        #expect(compared == 18)
    }
}
