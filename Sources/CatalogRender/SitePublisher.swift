import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import SafeOutput

/// What `gkml build` is asked to do.
public struct PublishRequest: Sendable {
    /// The workspace: a folder holding gkml.yaml, or gkml.yaml itself, as the user typed it.
    public var workspace: String
    /// The output folder, replaced as a whole.
    public var out: String
    public var formats: [OutputFormat]
    /// A `--templates` folder laid over the built-in templates.
    public var templatesFolder: String?
    /// `--channels`; nil: the workspace's 发布 setting, else the checklist.
    public var channelStyle: ChannelStyle?
    public var allowErrors: Bool

    public init(
        workspace: String = ".", out: String, formats: [OutputFormat] = OutputFormat.allCases,
        templatesFolder: String? = nil, channelStyle: ChannelStyle? = nil, allowErrors: Bool = false
    ) {
        self.workspace = workspace
        self.out = out
        self.formats = formats
        self.templatesFolder = templatesFolder
        self.channelStyle = channelStyle
        self.allowErrors = allowErrors
    }
}

/// The counts `gkml build` reports when it has written the site.
public struct PublishSummary: Sendable, Hashable {
    public var out: String
    public var jurisdictions: Int
    public var catalogs: Int
    public var items: Int
    public var files: Int
    public var formats: [OutputFormat]
    /// Warnings of the validation, which do not block publishing.
    public var warnings: Int
    public var seconds: Double

    /// The closing lines; `workspaceArgument` is the path as typed, for the suggested `gkml validate`.
    public func message(workspaceArgument: String) -> LocalizedText {
        let time = String(format: "%.1f", seconds)
        var zh = "已生成 \(out)：\(jurisdictions) 个辖区，\(catalogs) 个目录，\(items) 个事项，"
        zh += "\(files) 个文件（\(formats.map(\.rawValue).joined(separator: "、"))），用时 \(time) 秒。\n"
        var en = "wrote \(out): \(jurisdictions) jurisdiction(s), \(catalogs) catalog(s), \(items) item(s), "
        en += "\(files) file(s) (\(formats.map(\.rawValue).joined(separator: ", "))) in \(time) s.\n"
        if warnings > 0 {
            zh += "校验发现 \(warnings) 个警告，可运行 gkml validate \(workspaceArgument) 查看。\n"
            en += "validation found \(warnings) warning(s); run gkml validate \(workspaceArgument) to see them.\n"
        }
        return LocalizedText(zh: zh, en: en)
    }
}

/// How a build ended. Each case carries what the command prints; `exitStatus` is DESIGN §5's.
public enum PublishOutcome: Sendable {
    /// The path holds no gkml.yaml.
    case notAWorkspace(path: String)
    /// The `--templates` folder could not be used.
    case badTemplates(RenderError)
    /// An input could not be read at all (a missing folder, an unreadable file).
    case inputFailure(ValidationReport)
    /// gkml.yaml itself has errors, so there is no workspace to publish.
    case workspaceInvalid(file: String, ValidationReport)
    /// Catalogs have errors and `--allow-errors` was not given: nothing written.
    case blocked(PublishPlan, ValidationReport)
    /// Rendering or writing the output failed; the previous output is left as it was.
    case failed(RenderError, PublishPlan, ValidationReport)
    /// The plan's jurisdictions no longer carry their catalogs: they were released as the site was written.
    case published(PublishSummary, PublishPlan, ValidationReport)

    /// 0 written, 1 catalogs (or the workspace file) have errors, 2 usage or I/O failure.
    public var exitStatus: Int32 {
        switch self {
        case .published: 0
        case .workspaceInvalid, .blocked: 1
        case .notAWorkspace, .badTemplates, .inputFailure, .failed: 2
        }
    }

    /// An input could not be read: the report says which.
    public var isInputFailure: Bool {
        if case .inputFailure = self { return true }
        return false
    }

    /// The validation report, when validation ran.
    public var report: ValidationReport? {
        switch self {
        case .notAWorkspace, .badTemplates: nil
        case .inputFailure(let report), .workspaceInvalid(_, let report), .blocked(_, let report),
            .failed(_, _, let report), .published(_, _, let report):
            report
        }
    }

    /// The plan, when the workspace could be read.
    public var plan: PublishPlan? {
        switch self {
        case .blocked(let plan, _), .failed(_, let plan, _), .published(_, let plan, _): plan
        default: nil
        }
    }
}

/// `gkml build`: validate the workspace, decide what to publish (`PublishPlan`), render the site and replace
/// the output folder.
public enum SitePublisher {
    public static func publish(_ request: PublishRequest) -> PublishOutcome {
        let started = Date()
        let templates: HTMLTemplates
        switch HTMLTemplates.load(request.templatesFolder) {
        case .success(let loaded): templates = loaded
        case .failure(let error): return .badTemplates(error)
        }
        guard let workspaceFile = workspaceFile(request.workspace) else {
            return .notAWorkspace(path: request.workspace)
        }
        // Validate first, with the whole pipeline; render what was validated (each catalog decoded once).
        let folder = (workspaceFile as NSString).deletingLastPathComponent
        var validation = Validator.run([folder.isEmpty ? "." : folder], options: ValidationOptions(keepCatalogs: true))
        let report = validation.report
        if validation.inputFailure { return .inputFailure(report) }

        let loaded = WorkspaceLoader.load(path: workspaceFile)
        guard let workspace = loaded.workspace else { return .workspaceInvalid(file: workspaceFile, report) }
        var plan = PublishPlan(
            workspace: workspace, workspaceFile: workspaceFile, validation: validation, allowErrors: request.allowErrors
        )
        // The plan now holds the catalogs to publish; the validation's copies are dropped.
        validation.catalogs = [:]
        guard plan.proceeds else { return .blocked(plan, report) }

        var source = SiteSource(
            workspace: workspace, jurisdictions: plan.jurisdictions, channelStyle: request.channelStyle,
            registry: loaded.registry)
        // The catalogs move into the source, which the builder empties jurisdiction by jurisdiction once each
        // one's files are written; the plan keeps the jurisdictions and the blocked list.
        for index in plan.jurisdictions.indices { plan.jurisdictions[index].catalogs = [] }
        // The approval state on every page; an unreadable register was reported by the validation above.
        source.approvals = (try? ApprovalRegister.load(folder: folder.isEmpty ? "." : folder)) ?? ApprovalRegister()
        let site: SiteCounts
        do {
            // Each file goes to the temporary folder as soon as it is rendered; the folder is swapped in at the end.
            site = try OutputFolder.replace(request.out) { staging in
                try SiteBuilder.write(&source, formats: request.formats, templates: templates, emit: staging.write)
            }
        } catch let error as RenderError {
            return .failed(error, plan, report)
        } catch {
            return .failed(RenderError("\(error)"), plan, report)
        }
        let summary = PublishSummary(
            out: request.out, jurisdictions: plan.jurisdictions.count, catalogs: site.catalogCount,
            items: site.itemCount, files: site.fileCount, formats: request.formats,
            warnings: report.count(.warning), seconds: Date().timeIntervalSince(started))
        return .published(summary, plan, report)
    }

    /// The gkml.yaml of a path that is a workspace folder or the file itself; nil when there is none.
    public static func workspaceFile(_ path: String) -> String? {
        let file =
            (path as NSString).lastPathComponent == WorkspaceLoader.fileName
            ? path : (path as NSString).appendingPathComponent(WorkspaceLoader.fileName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        return file
    }
}

extension HTMLTemplates {
    /// The built-in templates, or those of a `--templates` folder laid over them.
    static func load(_ folder: String?) -> Result<HTMLTemplates, RenderError> {
        guard let folder else { return .success(.builtIn) }
        do {
            return .success(try HTMLTemplates(overridesIn: folder))
        } catch let error as RenderError {
            return .failure(error)
        } catch {
            return .failure(RenderError("\(error)"))
        }
    }
}

extension PublishOutcome {
    /// The command's own message for the outcome (the validation report is printed separately).
    public func message(workspaceArgument: String) -> LocalizedText? {
        switch self {
        case .notAWorkspace(let name):
            let path = TerminalText.path(name)
            return LocalizedText(
                zh: "错误：\(path) 不是工作区：找不到 \(WorkspaceLoader.fileName)。请指定含 gkml.yaml 的文件夹。",
                en:
                    "error: \(path) is not a workspace: no \(WorkspaceLoader.fileName) found. Give the folder that holds gkml.yaml."
            )
        case .badTemplates(let error), .failed(let error, _, _):
            return LocalizedText(zh: "错误：\(error.message)", en: "error: \(error.englishMessage)")
        case .inputFailure:
            return nil
        case .workspaceInvalid(let name, _):
            let file = TerminalText.path(name)
            return LocalizedText(
                zh: "错误：工作区文件 \(file) 有错误，无法生成。",
                en: "error: the workspace file \(file) has errors; nothing can be built.")
        case .blocked(let plan, _):
            return plan.blockedMessage(workspaceArgument: workspaceArgument)
        case .published(let summary, _, _):
            return summary.message(workspaceArgument: workspaceArgument)
        }
    }
}
