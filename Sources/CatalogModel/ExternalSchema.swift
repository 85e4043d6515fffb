import Diagnostics
import Foundation
import JSONSchema
import YAMLTree

/// A JSON Schema a user brings (`gkml validate --schema FILE`), with `$ref`s resolved from local folders
/// only: government networks are offline, so nothing is ever fetched.
public enum ExternalSchema {
    /// A mapping of a URI prefix to a local folder (`--schema-map https://example.org/schemas/=./schemas/`).
    public struct Mapping: Sendable, Hashable {
        public var prefix: String
        public var folder: String

        /// Parses `PREFIX=DIR`.
        public init?(_ text: String) {
            guard let eq = text.lastIndex(of: "="), eq != text.startIndex else { return nil }
            prefix = String(text[..<eq])
            folder = String(text[text.index(after: eq)...])
            guard !folder.isEmpty else { return nil }
        }
    }

    /// Loads and compiles a schema file (.json read as JSON, anything else as YAML). Problems are findings.
    public static func load(path: String, mappings: [Mapping]) -> (check: SchemaCheck?, findings: [Finding]) {
        let location = SourceLocation(file: path)
        let value: JSONValue
        switch readValue(path) {
        case .success(let v): value = v
        case .failure(let list): return (nil, list.findings)
        }
        let base = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        let registry = SchemaRegistry(resolver: { url in resolve(url, mappings: mappings) })
        do {
            let compiled = try CompiledSchema.compile(value, registry: registry, options: CompileOptions(baseURI: base))
            return (SchemaCheck(schema: compiled), [])
        } catch let error {
            switch error {
            case .unresolvedReference(let reference, _):
                return (
                    nil,
                    [
                        Finding(
                            SchemaFindings.unresolvedReference, at: location,
                            arguments: ["schema": path, "reference": reference])
                    ]
                )
            case .invalidSchema(_, let errors):
                let detail = errors.prefix(3).map {
                    "\($0.keywordLocation.description.isEmpty ? "/" : $0.instanceLocation.description): \($0.message)"
                }
                .joined(separator: "；")
                return (
                    nil,
                    [
                        Finding(
                            SchemaFindings.invalidSchema, at: location, arguments: ["schema": path, "detail": detail])
                    ]
                )
            default:
                return (
                    nil,
                    [
                        Finding(
                            SchemaFindings.invalidSchema, at: location,
                            arguments: ["schema": path, "detail": error.description])
                    ]
                )
            }
        }
    }

    /// Reads a local file as a JSON value: JSON for `.json`, YAML otherwise.
    static func readValue(_ path: String) -> Result<JSONValue, FindingList> {
        if path.hasSuffix(".json"), let data = FileManager.default.contents(atPath: path) {
            do {
                return .success(try JSONParser.parse(data))
            } catch {
                let finding = Finding(
                    YAMLTreeFindings.syntax, at: SourceLocation(file: path, line: error.line, column: error.column),
                    arguments: ["problem": error.message, "context": ""])
                return .failure(FindingList([finding]))
            }
        }
        let parsed = YAMLParser.parseFile(atPath: path)
        guard let document = parsed.document, !parsed.hasErrors else { return .failure(FindingList(parsed.findings)) }
        return .success(JSONValue(document.root.value))
    }

    /// Resolves a `$ref` target from disk: `file:` URLs directly, other URIs through the mappings.
    static func resolve(_ url: URL, mappings: [Mapping]) -> JSONValue? {
        var candidate: String?
        if url.isFileURL {
            candidate = url.path
        } else {
            let text = url.absoluteString.components(separatedBy: "#")[0]
            for mapping in mappings where text.hasPrefix(mapping.prefix) {
                candidate = (mapping.folder as NSString).appendingPathComponent(
                    String(text.dropFirst(mapping.prefix.count)))
                break
            }
        }
        guard let candidate, FileManager.default.fileExists(atPath: candidate),
            case .success(let value) = readValue(candidate)
        else { return nil }
        return value
    }
}

/// Findings carried through a `Result`.
public struct FindingList: Error, Sendable {
    public var findings: [Finding]
    public init(_ findings: [Finding]) { self.findings = findings }
}

extension SchemaCheck {
    /// Validates any parsed document (not only catalogs) and reports schema errors as findings.
    public func checkAny(_ parsed: YAMLParseResult) -> [Finding] {
        let findings = CertainFixes.review(parsed.findings)
        guard let document = parsed.document, !parsed.hasErrors else { return findings }
        return findings + check(document)
    }
}
