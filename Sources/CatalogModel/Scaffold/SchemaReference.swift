import Foundation

/// The editor modeline `# yaml-language-server: $schema=…` of a written file: a relative path to the
/// schema when a `schemas/` folder holding it is found in the file's folder or above (a clone of the gkml
/// repository, or a county repository that vendors the schemas), else the schema's `$id`.
public enum SchemaReference {
    public enum Kind: String, Sendable {
        case catalog = "catalog.schema.json"
        case workspace = "workspace.schema.json"

        /// The `$id` of the built-in schema.
        public var id: String {
            let path = "schemas/\(rawValue)"
            return EmbeddedResources.files[path].flatMap(SchemaReference.id(in:))
                ?? "https://gkml.example/schemas/\(rawValue)"
        }
    }

    /// The modeline for a file to be written at `filePath`.
    public static func modeline(_ kind: Kind, forFileAt filePath: String) -> String {
        "yaml-language-server: $schema=" + reference(kind, forFileAt: filePath)
    }

    /// The relative path from the file's folder to `schemas/<kind>` found upward, or the schema's `$id`.
    public static func reference(_ kind: Kind, forFileAt filePath: String) -> String {
        let folder = URL(fileURLWithPath: filePath).standardizedFileURL.deletingLastPathComponent()
        var candidate = folder
        var ups = 0
        for _ in 0..<64 {
            let schema = candidate.appendingPathComponent("schemas").appendingPathComponent(kind.rawValue)
            if FileManager.default.fileExists(atPath: schema.path) {
                return String(repeating: "../", count: ups) + "schemas/" + kind.rawValue
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
            ups += 1
        }
        return kind.id
    }

    /// The value of the top-level `"$id"` of a JSON Schema text.
    static func id(in text: String) -> String? {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["$id"] as? String
    }
}
