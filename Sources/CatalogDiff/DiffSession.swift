import CatalogModel
import Diagnostics
import Foundation

/// What `gkml diff` is asked to compare.
public struct DiffRequest: Sendable {
    /// OLD and NEW as typed (none, one or two).
    public var arguments: [String]
    /// Paths after `--`.
    public var paths: [String]
    public var since: String?
    /// An `--accept` file of reviewed changes.
    public var acceptFile: String?

    public init(arguments: [String], paths: [String] = [], since: String? = nil, acceptFile: String? = nil) {
        self.arguments = arguments
        self.paths = paths
        self.since = since
        self.acceptFile = acceptFile
    }
}

/// How a comparison ended before any report was rendered.
public enum DiffOutcome: Sendable {
    /// A usage error, a git failure or an unreadable acceptance file (exit status 2).
    case usage(LocalizedText)
    /// The acceptance file has errors (exit status 2).
    case badAcceptList([Finding])
    /// The report, with reviewed changes accepted, and what was read (for excerpts). A file that could
    /// not be decoded is one finding in the report (`unreadableInputs`); the others are compared.
    case compared(DiffReport, LoadedSides)
}

/// `gkml diff`: resolve the sides, read them, compare, and apply the acceptance file.
public enum DiffSession {
    public static func run(_ request: DiffRequest, git: Git = Git()) -> DiffOutcome {
        let sides: (old: DiffSide, new: DiffSide)
        let loaded: LoadedSides
        do {
            sides = try DiffInput.sides(request.arguments, paths: request.paths, since: request.since, git: git)
            loaded = try DiffInput.load(old: sides.old, new: sides.new, git: git)
        } catch let error as DiffUsageError {
            return .usage(error.message)
        } catch let error as GitError {
            return .usage(LocalizedText(zh: "git：\(error.message)", en: "git: \(error.message)"))
        } catch {
            return .usage(LocalizedText(zh: "\(error)", en: "\(error)"))
        }
        var report = DiffReport.compare(loaded, oldLabel: sides.old.label, newLabel: sides.new.label)
        if let file = request.acceptFile {
            guard let data = FileManager.default.contents(atPath: file) else {
                return .usage(LocalizedText(zh: "无法读取接受清单「\(file)」", en: "cannot read the acceptance file \"\(file)\""))
            }
            let (list, findings) = AcceptList.parse([UInt8](data), file: file)
            guard let list else { return .badAcceptList(findings) }
            report = list.apply(to: report)
        }
        return .compared(report, loaded)
    }
}
