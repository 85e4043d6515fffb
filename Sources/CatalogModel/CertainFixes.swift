import Diagnostics
import Foundation
import YAMLTree

/// Which of the fixes found with a diagnosis of the raw text are certain once the catalog's vocabulary is
/// known. The YAML stage cannot tell a key from text, so it proposes; this stage keeps a full-width colon's
/// fix only after a key the catalog schema defines (「名称：」, not 「说明：由县人社局负责」), and a full-width
/// comma's only in a list of channels or levels, whose entries never contain a comma. There the comma is an
/// error (the entry is not a channel) and replaces the schema's less helpful message about the joined entry.
public enum CertainFixes {
    /// The keys of the catalog and workspace schemas.
    public static let knownKeys: Set<String> = {
        var keys = Set<String>()
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] { keys.formUnion(properties.keys) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        for path in ["schemas/catalog.schema.json", "schemas/workspace.schema.json"] {
            if let text = EmbeddedResources.files[path], let data = text.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data)
            {
                walk(json)
            }
        }
        return keys
    }()

    /// Lists whose entries are names from a closed vocabulary.
    static let vocabularyLists: Set<String> = [CatalogElement.channels.rawValue, CatalogElement.levels.rawValue]

    public static func review(_ findings: [Finding]) -> [Finding] {
        var commaLines = Set<Int>()
        // A full-width space between entries also makes the entry 「　便民服务站」, which is not a channel.
        for f in findings where f.code == YAMLTreeFindings.unicodeSpace.code {
            if let line = f.location.position?.line { commaLines.insert(line) }
        }
        var out: [Finding] = []
        for var finding in findings {
            switch finding.code {
            case YAMLTreeFindings.fullWidthColon.code:
                // 「其他：平台名」 is how a local channel is written, not a key.
                if let key = finding.arguments["key"], Channel(key + "：x") != nil { continue }
                if let key = finding.arguments["key"], !knownKeys.contains(key) { finding.fix = [] }
                if finding.arguments["key"] == nil { finding.fix = [] }
            case YAMLTreeFindings.fullWidthComma.code:
                // Names may hold 、 and ，（「县级项目审批、核准部门」）: only channels and levels never do.
                guard let key = finding.arguments["key"], vocabularyLists.contains(key) else { continue }
                finding.severity = .error
                if let line = finding.location.position?.line { commaLines.insert(line) }
            default:
                break
            }
            out.append(finding)
        }
        guard !commaLines.isEmpty else { return out }
        // The joined entry 「政府网站，政务服务中心」 is not a channel: the comma finding already says why.
        let joined: Set<String> = [SchemaFindings.channel.code, SchemaFindings.enumeration.code]
        return out.filter { f in
            !(joined.contains(f.code) && f.location.position.map { commaLines.contains($0.line) } == true
                && (f.arguments["actual"].map {
                    $0.contains("，") || $0.contains("、") || $0.unicodeScalars.contains { $0.properties.isWhitespace }
                } ?? false))
        }
    }
}
