import Diagnostics
import Foundation
import YAMLTree
import SafeOutput

/// The accepted findings (已接受问题): a record of known findings, so that a county can adopt gkml on legacy
/// catalogs without failing CI on old problems (`gkml validate --write-accepted FILE`, then `--accepted FILE`).
/// Not to be confused with the 基准目录 (the national baseline catalogs), which "baseline" names in gkml.
///
/// A finding is keyed by file, code, identity path and message arguments — never by line or column — so
/// moving lines, inserting items above or reindenting does not bring an old finding back. List indexes in the
/// path (`/公开依据/2`) and arguments that hold line or column numbers are left out of the key for the same
/// reason. The same key may be recorded several times; each record absorbs one finding.
public struct AcceptedFindings: Sendable, Equatable {
    public struct Key: Hashable, Sendable, Comparable {
        public var file: String
        public var code: String
        public var path: String
        public var arguments: [String: String]

        public static func < (a: Key, b: Key) -> Bool {
            (a.file, a.code, a.path, a.argumentText) < (b.file, b.code, b.path, b.argumentText)
        }

        var argumentText: String {
            arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}")
        }
    }

    /// The format tag written at the top of the file.
    public static let format = "gkml-accepted/1"
    /// The tag of files written before the rename (`--write-baseline`), still read.
    public static let formerFormat = "gkml-baseline/1"

    /// How many findings of each key are known.
    public private(set) var counts: [Key: Int]
    /// Messages kept for people reading the file (not part of the key).
    var messages: [Key: String] = [:]

    public init() { counts = [:] }

    /// These findings, accepted. `file` maps a finding's file to the name recorded (e.g. relative to the
    /// workspace root), so that the file works from any working directory.
    public init(_ findings: [Finding], file: (String) -> String = { $0 }) {
        counts = [:]
        for finding in findings {
            let key = AcceptedFindings.key(finding, file: file)
            counts[key, default: 0] += 1
            messages[key] = finding.message(.zh)
        }
    }

    public static func == (a: AcceptedFindings, b: AcceptedFindings) -> Bool { a.counts == b.counts }

    public var isEmpty: Bool { counts.isEmpty }

    /// The key of a finding.
    public static func key(_ finding: Finding, file: (String) -> String = { $0 }) -> Key {
        let path = finding.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.allSatisfy(\.isNumber) && !$0.isEmpty ? "*" : String($0) }
            .joined(separator: "/")
        let arguments = finding.arguments.filter { key, _ in
            let k = key.lowercased()
            return !(k.hasSuffix("line") || k.hasSuffix("column") || k == "line" || k == "column")
        }
        return Key(file: normalize(file(finding.location.file)), code: finding.code, path: path, arguments: arguments)
    }

    static func normalize(_ file: String) -> String {
        var f = file.replacingOccurrences(of: "\\", with: "/")
        while f.hasPrefix("./") { f.removeFirst(2) }
        return f
    }

    /// Splits findings into the new ones and those already accepted.
    public func filter(_ findings: [Finding], file: (String) -> String = { $0 }) -> (new: [Finding], known: [Finding]) {
        var remaining = counts
        var new: [Finding] = []
        var known: [Finding] = []
        for finding in findings {
            let key = AcceptedFindings.key(finding, file: file)
            if let n = remaining[key], n > 0 {
                remaining[key] = n - 1
                known.append(finding)
            } else {
                new.append(finding)
            }
        }
        return (new, known)
    }

    /// The report without the accepted findings.
    public func filter(_ report: ValidationReport, file: (String) -> String = { $0 }) -> ValidationReport {
        var remaining = self
        var out = report
        for index in out.files.indices {
            let (new, known) = remaining.filter(out.files[index].findings, file: file)
            out.files[index].findings = new
            for finding in known { remaining.counts[AcceptedFindings.key(finding, file: file), default: 1] -= 1 }
        }
        let (general, _) = remaining.filter(out.general, file: file)
        out.general = general
        return out
    }

    // MARK: Reading and writing

    /// Why an accepted-findings file cannot be read.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        /// The message in both languages.
        public var message: LocalizedText
        public var description: String { message.zh }

        init(zh: String, en: String) { message = LocalizedText(zh: zh, en: en) }
    }

    /// The file's text: JSON, one object per key, sorted, so that the file diffs well in git.
    public func serialized() -> String {
        let entries = counts.keys.sorted().map { key -> JSONOutput in
            var members: [(String, JSONOutput)] = [
                ("file", .string(key.file)), ("code", .string(key.code)), ("path", .string(key.path)),
            ]
            if !key.arguments.isEmpty {
                members.append(
                    ("arguments", .object(key.arguments.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
                )
            }
            if let count = counts[key], count > 1 { members.append(("count", .int(count))) }
            if let message = messages[key] { members.append(("message", .string(message))) }
            return .object(members)
        }
        return JSONOutput.object([("格式", .string(AcceptedFindings.format)), ("findings", .array(entries))]).serialized()
            + "\n"
    }

    /// Reads accepted findings from their text.
    public init(json bytes: [UInt8]) throws(ReadError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw ReadError(zh: "已接受问题文件不是有效的 JSON", en: "the accepted findings file is not valid JSON")
        }
        guard let top = object as? [String: Any], let list = top["findings"] as? [[String: Any]] else {
            throw ReadError(
                zh: "已接受问题文件缺少「findings」列表", en: "the accepted findings file has no \"findings\" list")
        }
        if let format = top["格式"] as? String, format != AcceptedFindings.format, format != AcceptedFindings.formerFormat
        {
            throw ReadError(
                zh: "不支持的已接受问题文件格式「\(format)」，应为 \(AcceptedFindings.format)",
                en: "unsupported accepted findings format \"\(format)\"; expected \(AcceptedFindings.format)")
        }
        counts = [:]
        for entry in list {
            guard let file = entry["file"] as? String, let code = entry["code"] as? String else {
                throw ReadError(
                    zh: "已接受问题文件的条目缺少 file 或 code", en: "an entry of the accepted findings file has no file or code")
            }
            let arguments = (entry["arguments"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
            let key = Key(
                file: AcceptedFindings.normalize(file), code: code, path: entry["path"] as? String ?? "",
                arguments: arguments)
            counts[key, default: 0] += (entry["count"] as? Int) ?? 1
            if let message = entry["message"] as? String { messages[key] = message }
        }
    }

    /// Reads an accepted-findings file.
    public static func read(path: String) throws(ReadError) -> AcceptedFindings {
        let shown = TerminalText.path(path)
        switch FileReader.read(path, maxSize: 256 << 20) {
        case .success(let bytes):
            do {
                return try AcceptedFindings(json: bytes)
            } catch {
                throw ReadError(zh: "「\(shown)」：\(error.message.zh)", en: "\"\(shown)\": \(error.message.en)")
            }
        case .failure(let failure):
            let reason = failure.reason
            throw ReadError(
                zh: "无法读取「\(shown)」：\(reason?.zh ?? "文件过大")",
                en: "cannot read \"\(shown)\": \(reason?.en ?? "file too large")")
        }
    }

    /// Writes the file atomically (a temporary file, then rename).
    public func write(to path: String) throws(SafeFileWriter.Failure) {
        try SafeFileWriter.write(serialized(), to: path, overwrite: true)
    }
}
