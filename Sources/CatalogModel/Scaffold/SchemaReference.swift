import Foundation

/// The editor modeline `# yaml-language-server: $schema=…` of a written file: a relative path to the
/// schema when a `.gkml/schemas/` (written by `gkml init`) or `schemas/` folder holding it is found in the
/// file's folder or above, else the schema's `$id` (a name, not an address an editor can fetch).
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

    /// The relative path from the file's folder to the schema found upward (in `.gkml/schemas/`, written by
    /// `gkml init`, or in a `schemas/` folder), or the schema's `$id` when there is none.
    public static func reference(_ kind: Kind, forFileAt filePath: String) -> String {
        localReference(kind, forFileAt: filePath) ?? kind.id
    }

    /// The relative path to the schema in `.gkml/schemas/` or `schemas/` at or above the file's folder.
    public static func localReference(_ kind: Kind, forFileAt filePath: String) -> String? {
        let folder = URL(fileURLWithPath: filePath).standardizedFileURL.deletingLastPathComponent()
        var candidate = folder
        var ups = 0
        for _ in 0..<64 {
            for place in [SchemaFiles.folder, "schemas"] {
                let schema = candidate.appendingPathComponent(place).appendingPathComponent(kind.rawValue)
                if FileManager.default.fileExists(atPath: schema.path) {
                    return String(repeating: "../", count: ups) + place + "/" + kind.rawValue
                }
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
            ups += 1
        }
        return nil
    }

    /// The value of the top-level `"$id"` of a JSON Schema text.
    static func id(in text: String) -> String? {
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["$id"] as? String
    }
}
