import CatalogDiff
import CatalogModel
import Diagnostics
import Foundation

/// Paths of the test fixtures, found from this file's location.
enum Fixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let diff = testsFolder.appendingPathComponent("Fixtures/diff").path
    static let repositoryRoot = testsFolder.deletingLastPathComponent().path

    /// The fixture cases: folders holding old.yaml and new.yaml.
    static var pairs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: diff)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(diff)/\($0)/old.yaml") }.sorted()
    }

    static func catalog(_ path: String) throws -> Catalog {
        let loaded = CatalogLoader.load(path: path)
        guard let catalog = loaded.catalog else {
            throw FixtureError("\(path) did not load: \(loaded.findings.map { $0.message(.en) })")
        }
        return catalog
    }

    /// Compares a fixture pair.
    static func compare(_ name: String) throws -> CatalogComparison {
        CatalogDiffer.compare(try catalog("\(diff)/\(name)/old.yaml"), try catalog("\(diff)/\(name)/new.yaml"))
    }

    /// expected.txt: one line per change, `code 编号 field` (`-` for none), or `notice code`; # comments.
    static func expected(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: "\(diff)/\(name)/expected.txt", encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func line(_ change: Change) -> String {
        "\(change.code) \(change.id ?? "-") \(change.field?.key ?? "-")"
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
