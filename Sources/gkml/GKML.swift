import ArgumentParser

/// gkml (公开目录): keep grassroots government-disclosure catalogs as YAML, check them, diff them, publish them.
@main
struct GKML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gkml",
        abstract: "基层政务公开事项标准目录工具：校验、比较、生成。",
        discussion: "gkml keeps 基层政务公开事项标准目录 as YAML in git: validate, diff, build.",
        version: "0.1.0",
        subcommands: GKML.commands
    )
}
