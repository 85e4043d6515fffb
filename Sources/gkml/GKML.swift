import ArgumentParser
import Foundation
import SafeOutput

/// gkml (公开目录): keep grassroots government-disclosure catalogs as YAML, check them, diff them, publish them.
@main
struct GKML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gkml",
        abstract: "基层政务公开事项标准目录工具：校验、比较、生成。",
        discussion: "gkml keeps 基层政务公开事项标准目录 as YAML in git: validate, diff, build.",
        version: "0.1.0 (\(Allocator.description))",
        subcommands: GKML.commands
    )

    /// Exit status is the contract of DESIGN §5: 0 clean, 1 findings, 2 usage or I/O failure.
    static func main() {
        do {
            // Arguments as bytes: a file name that is not UTF-8 stays the name of its file (`FileName`).
            let arguments = (1..<Int(CommandLine.argc)).map { index in
                CommandLine.unsafeArgv[index].map {
                    FileName.string(fromBytes: UnsafeRawBufferPointer(start: $0, count: strlen($0)))
                } ?? ""
            }
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                self.exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Common exit statuses.
enum Status {
    static let clean = ExitCode(0)
    static let findings = ExitCode(1)
    static let failure = ExitCode(2)
}
