import Diagnostics

/// Findings of the schema stage, one code per JSON Schema keyword family.
public enum SchemaFindings {
    public static let all: [FindingKind] = []
}
