import ArgumentParser

extension GKML {
    /// Every subcommand, one file each under Commands/.
    static let commands: [ParsableCommand.Type] = [
        Validate.self,
        Diff.self,
        Log.self,
        Approve.self,
        Stats.self,
        Build.self,
        Audit.self,
        Render.self,
        Domains.self,
        Schema.self,
        Init.self,
        Rules.self,
        Explain.self,
        Import.self,
    ]
}
