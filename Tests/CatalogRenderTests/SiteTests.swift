import SafeOutput
import CatalogModel
import Foundation
import Testing
@testable import CatalogRender

/// The example workspace of the repository, loaded with the model's loaders.
enum ExampleWorkspace {
    static var root: URL { TestSupport.repositoryRoot.appendingPathComponent("catalogs/example") }

    static func source(channelStyle: ChannelStyle? = nil) throws -> SiteSource {
        let loaded = WorkspaceLoader.load(path: root.appendingPathComponent("gkml.yaml").path)
        let workspace = try #require(
            loaded.workspace, "catalogs/example/gkml.yaml does not load: \(loaded.findings.map(\.code))")
        var jurisdictions: [SiteJurisdiction] = []
        for jurisdiction in workspace.jurisdictions {
            let folder = root.appendingPathComponent(jurisdiction.folder.value)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                $0.hasSuffix(".yaml")
            }.sorted()
            let catalogs = try files.map { name -> Catalog in
                let result = CatalogLoader.load(
                    path: folder.appendingPathComponent(name).path, registry: loaded.registry)
                return try #require(result.catalog, "\(name) does not load: \(result.findings.map(\.code))")
            }
            var notApplicable: [String: String] = [:]
            for (domain, reason) in jurisdiction.domainsNotApplicable { notApplicable[domain.value] = reason }
            jurisdictions.append(
                SiteJurisdiction(
                    name: jurisdiction.name.value, level: jurisdiction.level.value, catalogs: catalogs,
                    domainsNotApplicable: notApplicable))
        }
        return SiteSource(
            workspace: workspace, jurisdictions: jurisdictions, channelStyle: channelStyle, registry: loaded.registry)
    }

    /// Every item of the example, per catalog file, for comparing with what readers read back.
    static func catalogs() throws -> [Catalog] {
        let catalogs = try source().jurisdictions.flatMap(\.catalogs)
        // The tests loop over these: none would pass them with nothing checked.
        try #require(!catalogs.isEmpty, "catalogs/example has no catalogs")
        return catalogs
    }
}

@Suite struct SiteTests {
    @Test func buildWritesEveryFormatForTheExample() throws {
        let source = try ExampleWorkspace.source()
        let output = try SiteBuilder.build(source, formats: OutputFormat.allCases)
        let paths = Set(output.files.map(\.path))
        #expect(paths.contains("index.html"))
        #expect(paths.contains("assets/gkml.css") && paths.contains("assets/gkml.js"))
        #expect(paths.contains(OutputFolder.marker))
        for jurisdiction in source.jurisdictions {
            #expect(!jurisdiction.catalogs.isEmpty)
            #expect(paths.contains("\(jurisdiction.name)/\(jurisdiction.name).xlsx"))
            for catalog in jurisdiction.catalogs {
                let slug = try #require(source.registry.domain(named: catalog.domain.value)?.slug)
                for format in OutputFormat.allCases where format != .xlsx {
                    #expect(
                        paths.contains("\(jurisdiction.name)/\(slug).\(format.fileExtension)"),
                        "missing \(jurisdiction.name)/\(slug).\(format.fileExtension)")
                }
            }
        }
        // 5 files per catalog, a workbook per jurisdiction, index, two assets, marker.
        let catalogs = try ExampleWorkspace.catalogs()
        #expect(output.files.count == catalogs.count * 5 + source.jurisdictions.count + 4)
        #expect(output.catalogCount == catalogs.count)
        #expect(output.itemCount == catalogs.reduce(0) { $0 + $1.items.count })
        // The index shows the workspace's 未涉及领域 with their reasons.
        let index = String(decoding: try #require(output.files.first { $0.path == "index.html" }).bytes, as: UTF8.self)
        #expect(source.jurisdictions.contains { !$0.domainsNotApplicable.isEmpty }, "the example declares no 未涉及领域")
        for jurisdiction in source.jurisdictions {
            for reason in jurisdiction.domainsNotApplicable.values {
                #expect(index.contains("<summary>未涉及</summary><p>\(reason)</p>"))
            }
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let a = try SiteBuilder.build(try ExampleWorkspace.source(), formats: OutputFormat.allCases)
        let b = try SiteBuilder.build(try ExampleWorkspace.source(), formats: OutputFormat.allCases)
        #expect(a.files.map(\.path) == b.files.map(\.path))
        for (x, y) in zip(a.files, b.files) {
            #expect(x.bytes == y.bytes, "\(x.path) differs between two builds")
        }
        // And on disk, through the atomic writer.
        let folder = try TestSupport.temporaryFolder("identity")
        defer { try? FileManager.default.removeItem(at: folder) }
        try OutputFolder.replace(folder.appendingPathComponent("one").path, with: a.files)
        try OutputFolder.replace(folder.appendingPathComponent("two").path, with: b.files)
        for file in a.files {
            let one = try Data(contentsOf: folder.appendingPathComponent("one/\(file.path)"))
            let two = try Data(contentsOf: folder.appendingPathComponent("two/\(file.path)"))
            #expect(one == two && one == Data(file.bytes))
        }
    }

    @Test func outputReplacesAPreviousBuildWhole() throws {
        let folder = try TestSupport.temporaryFolder("replace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("_site").path
        try OutputFolder.replace(
            out,
            with: [
                RenderedFile(path: OutputFolder.marker, text: OutputFolder.markerText),
                RenderedFile(path: "old/a.html", text: "old"),
            ])
        try OutputFolder.replace(
            out,
            with: [
                RenderedFile(path: OutputFolder.marker, text: OutputFolder.markerText),
                RenderedFile(path: "new/b.html", text: "new"),
            ])
        #expect(!FileManager.default.fileExists(atPath: out + "/old/a.html"))
        #expect(try String(contentsOfFile: out + "/new/b.html", encoding: .utf8) == "new")
        // No temporary folders are left next to it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_site"])
    }

    @Test func eachFileIsOnDiskInTheTemporaryFolderAsSoonAsItIsHandedOver() throws {
        let folder = try TestSupport.temporaryFolder("stream")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("_site").path
        var checked = 0
        let count = try OutputFolder.replace(out) { staging in
            try staging.write(RenderedFile(path: OutputFolder.marker, text: OutputFolder.markerText))
            for index in 0..<3 {
                try staging.write(RenderedFile(path: "j/\(index).html", text: "page \(index)"))
                // Before the swap, the file is already in the one temporary folder beside the output.
                let temporaries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                try #require(temporaries.count == 1 && temporaries[0].hasPrefix("._site.gkml-tmp-"))
                let written = folder.appendingPathComponent("\(temporaries[0])/j/\(index).html")
                #expect(try String(contentsOf: written, encoding: .utf8) == "page \(index)")
                #expect(!FileManager.default.fileExists(atPath: out))
                checked += 1
            }
            return staging.fileCount
        }
        #expect(checked == 3 && count == 4)
        #expect(try String(contentsOfFile: out + "/j/2.html", encoding: .utf8) == "page 2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_site"])
    }

    @Test func aFailingProducerLeavesThePreviousOutputAndNoTemporaryFolder() throws {
        struct RendererBroke: Error {}
        let folder = try TestSupport.temporaryFolder("producer-fails")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("_site").path
        try OutputFolder.replace(
            out,
            with: [
                RenderedFile(path: OutputFolder.marker, text: OutputFolder.markerText),
                RenderedFile(path: "old.html", text: "old"),
            ])
        // The renderer's own error comes back as it was, after some files were already written.
        #expect(throws: RendererBroke.self) {
            try OutputFolder.replace(out) { staging in
                try staging.write(RenderedFile(path: OutputFolder.marker, text: OutputFolder.markerText))
                try staging.write(RenderedFile(path: "new.html", text: "new"))
                throw RendererBroke()
            }
        }
        #expect(try String(contentsOfFile: out + "/old.html", encoding: .utf8) == "old")
        #expect(!FileManager.default.fileExists(atPath: out + "/new.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["_site"])
    }

    @Test func theStreamedBuildReleasesEachJurisdictionsCatalogsAndMatchesTheBuildInMemory() throws {
        var source = try ExampleWorkspace.source()
        let jurisdictions = source.jurisdictions.count
        try #require(source.jurisdictions.contains { !$0.catalogs.isEmpty })
        var streamed: [RenderedFile] = []
        let counts = try SiteBuilder.write(&source, formats: OutputFormat.allCases) { file in
            streamed.append(file)
        }
        // The catalogs are gone from the source; the jurisdictions themselves stay.
        #expect(source.jurisdictions.count == jurisdictions)
        #expect(source.jurisdictions.allSatisfy { $0.catalogs.isEmpty })
        let whole = try SiteBuilder.build(try ExampleWorkspace.source(), formats: OutputFormat.allCases)
        #expect(counts.fileCount == whole.files.count && counts.catalogCount == whole.catalogCount)
        #expect(streamed.sorted { $0.path < $1.path } == whole.files)
    }

    @Test func jurisdictionsRenderedInParallelAreEmittedInTheSameOrderWithTheSameBytes() throws {
        var one = try ExampleWorkspace.source()
        try #require(
            one.jurisdictions.filter { !$0.catalogs.isEmpty }.count >= 2, "the example needs two jurisdictions")
        var sequential: [RenderedFile] = []
        let counts = try SiteBuilder.write(&one, formats: OutputFormat.allCases, parallelism: 1) {
            sequential.append($0)
        }
        for parallelism in [2, 4] {
            var source = try ExampleWorkspace.source()
            var parallel: [RenderedFile] = []
            let parallelCounts = try SiteBuilder.write(
                &source, formats: OutputFormat.allCases, parallelism: parallelism
            ) {
                parallel.append($0)
            }
            #expect(parallelCounts == counts)
            #expect(parallel.map(\.path) == sequential.map(\.path), "order differs at parallelism \(parallelism)")
            #expect(parallel == sequential, "bytes differ at parallelism \(parallelism)")
            #expect(source.jurisdictions.allSatisfy { $0.catalogs.isEmpty })
        }
    }

    @Test func aWriteFailureStopsTheWorkersAndComesBackAsItWas() throws {
        struct DiskFull: Error {}
        var source = try ExampleWorkspace.source()
        var calls = 0
        // The fourth file is in the first jurisdiction's files; the other workers have jurisdictions in hand.
        #expect(throws: DiskFull.self) {
            try SiteBuilder.write(&source, formats: OutputFormat.allCases, parallelism: 2) { _ in
                calls += 1
                if calls == 4 { throw DiskFull() }
            }
        }
        #expect(calls == 4, "files were handed over after the failure")
    }

    @Test func aFolderGkmlDidNotMakeIsNeverReplaced() throws {
        let folder = try TestSupport.temporaryFolder("foreign")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "keep me".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: RenderError.self) {
            try OutputFolder.replace(folder.path, with: [RenderedFile(path: "x", text: "x")])
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    @Test func staleTemporaryFoldersOfDeadBuildsAreRemoved() throws {
        let folder = try TestSupport.temporaryFolder("stale")
        defer { try? FileManager.default.removeItem(at: folder) }
        // pid 999999999 does not exist.
        let stale = folder.appendingPathComponent("._site.gkml-tmp-999999999-abcdef12")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try OutputFolder.replace(
            folder.appendingPathComponent("_site").path, with: [RenderedFile(path: "a", text: "a")])
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func unsafeRelativePathsAreRefused() throws {
        let folder = try TestSupport.temporaryFolder("unsafe")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["../x", "/etc/x", "a/../../x", "a//b", "a\u{0}b", "."] {
            #expect(throws: RenderError.self) {
                try OutputFolder.replace(
                    folder.appendingPathComponent("out").path, with: [RenderedFile(path: path, text: "x")])
            }
        }
        #expect(
            !FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("x").path)
        )
    }

    @Test func hostileNamesStayInsideTheOutputFolder() throws {
        let source = SiteSource(
            title: Fixtures.script, publisher: nil,
            jurisdictions: [
                SiteJurisdiction(name: "../../etc", level: .township, catalogs: [Fixtures.hostile]),
                SiteJurisdiction(name: "/tmp/abs", level: .township, catalogs: [Fixtures.hostile]),
                SiteJurisdiction(name: "a\u{0}b/..", level: .township, catalogs: [Fixtures.hostile]),
                SiteJurisdiction(name: "assets", level: .township, catalogs: [Fixtures.hostile]),
            ], options: TableOptions())
        let output = try SiteBuilder.build(source, formats: OutputFormat.allCases)
        for file in output.files {
            let components = file.path.split(separator: "/", omittingEmptySubsequences: false)
            #expect(!file.path.hasPrefix("/"))
            #expect(
                components.allSatisfy {
                    !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\u{0}") && !$0.contains("\\")
                })
        }
        // The jurisdiction named "assets" does not overwrite the stylesheet folder.
        #expect(Set(output.files.map(\.path)).count == output.files.count)
        let folder = try TestSupport.temporaryFolder("hostile-site")
        defer { try? FileManager.default.removeItem(at: folder) }
        try OutputFolder.replace(folder.appendingPathComponent("site").path, with: output.files)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
        #expect(SafeName.catalogBaseName(region: "../../etc/恶意\u{0}镇", domain: "就业") == "etc_恶意_镇-employment")
    }

    @Test func jsonOutputConformsToItsSchema() throws {
        let checker = try TestSupport.pythonTool("check-jsonschema")
        let output = try SiteBuilder.build(try ExampleWorkspace.source(), formats: [.json])
        let folder = try TestSupport.temporaryFolder("json")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for file in output.files where file.path.hasSuffix(".json") {
            let url = folder.appendingPathComponent(file.path.replacingOccurrences(of: "/", with: "_"))
            try Data(file.bytes).write(to: url)
            files.append(url.path)
        }
        let hostile = folder.appendingPathComponent("hostile.json")
        try Data(JSONRenderer.render(CatalogTable(Fixtures.hostile)).utf8).write(to: hostile)
        files.append(hostile.path)
        #expect(files.count == (try ExampleWorkspace.catalogs()).count + 1)
        let schema = TestSupport.repositoryRoot.appendingPathComponent("schemas/catalog-output.schema.json").path
        let result = try TestSupport.run(checker, ["--schemafile", schema] + files)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func csvReadsBackOneRecordPerItem() throws {
        try TestSupport.requirePython("csv")
        let folder = try TestSupport.temporaryFolder("csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, catalog) in (try ExampleWorkspace.catalogs() + [Fixtures.hostile]).enumerated() {
            let url = folder.appendingPathComponent("\(index).csv")
            try Data(CSVRenderer.render(CatalogTable(catalog))).write(to: url)
            let script = """
                import csv, json, sys
                with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                    rows = list(csv.reader(f))
                print(json.dumps(rows, ensure_ascii=False))
                """
            let result = try TestSupport.python(script, [url.path])
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]])
            #expect(rows.count == catalog.items.count + 1)
            #expect(rows[0] == CSVRenderer.header)
            for (row, item) in zip(rows.dropFirst(), catalog.items) {
                #expect(row[1] == item.id.value)
                #expect(row[3] == SpreadsheetText.neutralised(PrintableText.clean(item.name.value)))
                let formulaStarts = ["=", "+", "-", "@", "\t", "\r"]
                #expect(!formulaStarts.contains { prefix in row.contains { $0.hasPrefix(prefix) } })
            }
        }
    }
}
