import Diagnostics
import JSONSchema
import YAMLTree

/// Validates YAML trees against the built-in catalog and workspace schemas and turns schema errors into
/// findings with Chinese field names. (Being wired to the JSONSchema engine.)
public struct SchemaCheck: Sendable {
    public static let catalog = SchemaCheck()
    public static let workspace = SchemaCheck()

    public func check(_ document: YAMLDocument) -> [Finding] {
        []
    }
}
