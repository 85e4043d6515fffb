import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import SafeOutput

/// What `gkml render` is asked to do: one catalog file in one format.
public struct FileRenderRequest: Sendable {
    public var file: String
    /// A file name, or a folder (existing, or ending in /) to hold `<地区>-<领域英文名>.<ext>`.
    public var output: String
    public var format: OutputFormat
    public var templatesFolder: String?
    /// `--channels`; nil: the workspace's 发布 setting, else the checklist.
    public var channelStyle: ChannelStyle?
    public var allowErrors: Bool

    public init(
        file: String, output: String = ".", format: OutputFormat, templatesFolder: String? = nil,
        channelStyle: ChannelStyle? = nil, allowErrors: Bool = false
    ) {
        self.file = file
        self.output = output
        self.format = format
        self.templatesFolder = templatesFolder
        self.channelStyle = channelStyle
        self.allowErrors = allowErrors
    }
}

/// How `gkml render` ended; `exitStatus` is DESIGN §5's.
public enum FileRenderOutcome: Sendable {
    case notAFile(String)
    case badTemplates(RenderError)
    case inputFailure(ValidationReport)
    /// The file has errors that leave no catalog to render.
    case unreadable(file: String, ValidationReport)
    /// The file has errors and `--allow-errors` was not given.
    case blocked(file: String, ValidationReport)
    case failed(RenderError, ValidationReport)
    case written(path: String, ValidationReport)

    public var exitStatus: Int32 {
        switch self {
        case .written: 0
        case .unreadable, .blocked: 1
        case .notAFile, .badTemplates, .inputFailure, .failed: 2
        }
    }

    /// An input could not be read: the report says which.
    public var isInputFailure: Bool {
        if case .inputFailure = self { return true }
        return false
    }

    public var report: ValidationReport? {
        switch self {
        case .notAFile, .badTemplates: nil
        case .inputFailure(let report), .unreadable(_, let report), .blocked(_, let report), .failed(_, let report),
            .written(_, let report):
            report
        }
    }

    /// The command's own message (the validation report is printed separately).
    public var message: LocalizedText? {
        switch self {
        case .notAFile(let name):
            let file = TerminalText.path(name)
            return LocalizedText(zh: "错误：找不到目录文件 \(file)", en: "error: no catalog file \(file)")
        case .badTemplates(let error), .failed(let error, _):
            return LocalizedText(zh: "错误：\(error.message)", en: "error: \(error.englishMessage)")
        case .inputFailure: return nil
        case .unreadable(let name, _):
            let file = TerminalText.path(name)
            return LocalizedText(
                zh: "错误：\(file) 有错误，无法读取为目录。", en: "error: \(file) has errors and cannot be read as a catalog.")
        case .blocked(let name, _):
            let file = TerminalText.path(name)
            return LocalizedText(
                zh: "\(file) 有错误，未生成。请修正后重试，或加 --allow-errors 强制生成。",
                en: "\(file) has errors; nothing was written. Fix them and try again, or pass --allow-errors.")
        case .written(let name, _):
            let path = TerminalText.path(name)
            return LocalizedText(zh: "已生成 \(path)\n", en: "wrote \(path)\n")
        }
    }
}

/// `gkml render`: validate one catalog file, then render the catalog that was validated (the file is read
/// once) with its enclosing workspace's registry and level columns, and write it atomically.
public enum FilePublisher {
    public static func render(_ request: FileRenderRequest) -> FileRenderOutcome {
        let templates: HTMLTemplates
        switch HTMLTemplates.load(request.templatesFolder) {
        case .success(let loaded): templates = loaded
        case .failure(let error): return .badTemplates(error)
        }
        switch FileEntry.kind(of: request.file) {
        case .missing, .brokenLink, .directory, .linkToDirectory: return .notAFile(request.file)
        default: break
        }

        let validation = Validator.run([request.file], options: ValidationOptions(keepCatalogs: true))
        let report = validation.report
        if validation.inputFailure { return .inputFailure(report) }
        guard let catalog = validation.catalogs.first?.1 else { return .unreadable(file: request.file, report) }
        if report.hasErrors && !request.allowErrors { return .blocked(file: request.file, report) }

        // The enclosing workspace, if any, gives the registry and the level columns (the validator read the
        // catalog with the same registry).
        let folder = (request.file as NSString).deletingLastPathComponent
        let workspace = WorkspaceLoader.enclosingWorkspace(of: folder.isEmpty ? "." : folder).map {
            WorkspaceLoader.load(path: $0)
        }
        let registry = workspace?.registry ?? .pilot
        var options = TableOptions(channelStyle: request.channelStyle ?? .checklist)
        if let ws = workspace?.workspace { options = TableOptions(workspace: ws, channelStyle: request.channelStyle) }

        let target = outputPath(request.output, for: catalog, format: request.format, registry: registry)
        do {
            let bytes = try SiteBuilder.renderOne(
                catalog, format: request.format, options: options, templates: templates, registry: registry)
            try OutputFolder.writeFile(target, bytes: bytes)
        } catch let error as RenderError {
            return .failed(error, report)
        } catch {
            return .failed(RenderError("\(error)"), report)
        }
        return .written(path: target, report)
    }

    /// OUT itself, or OUT/<地区>-<领域英文名>.<ext> when OUT is a folder (or ends with /).
    public static func outputPath(
        _ output: String, for catalog: Catalog, format: OutputFormat, registry: DomainRegistry
    ) -> String {
        var isDirectory: ObjCBool = false
        let isFolder =
            output.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue)
        guard isFolder else { return output }
        let name = SafeName.catalogBaseName(
            region: catalog.region.value, domain: catalog.domain.value, registry: registry)
        return (output as NSString).appendingPathComponent("\(name).\(format.fileExtension)")
    }
}
