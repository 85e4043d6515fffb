import Foundation
import Testing

/// The thin command line end to end: build and render through the library, typed option values with
/// messages in the chosen language, and `--lang en` on every command that prints its own messages.
@Suite struct CommandLineTests {
    @Test func buildPublishesTheExampleAndSummarisesInEitherLanguage() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zh = try GKML.run([
            "build", "catalogs/example", "--out", folder.appendingPathComponent("zh").path, "--formats", "html,md",
        ])
        #expect(zh.status == 0, "\(zh.all)")
        #expect(zh.stdout.contains("个辖区") && zh.stdout.contains("（html、md）"))
        let en = try GKML.run([
            "build", "catalogs/example", "--out", folder.appendingPathComponent("en").path, "--formats", "md", "--lang",
            "en",
        ])
        #expect(en.status == 0, "\(en.all)")
        #expect(en.stdout.hasPrefix("wrote ") && en.stdout.contains("3 jurisdiction(s)") && en.stdout.contains("(md)"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("en/星海镇/employment.md").path))
    }

    @Test func unknownFormatIsAUsageErrorInTheChosenLanguage() throws {
        let zh = try GKML.run(["build", "catalogs/example", "--out", "/nonexistent/never", "--formats", "html,pdf"])
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("未知的输出格式“pdf”"), "\(zh.stderr)")
        let en = try GKML.run(["render", "catalogs/example/星海镇/employment.yaml", "--format", "pdf", "--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr.contains("unknown output format \"pdf\""), "\(en.stderr)")
        let level = try GKML.run(["init", "workspace", "ws", "--region", "示例县", "--level", "省级", "--lang", "en"])
        #expect(level.status == 2)
        #expect(level.stderr.contains("invalid level \"省级\""), "\(level.stderr)")
    }

    @Test func buildOfAFolderWithoutWorkspaceSaysSoInEnglish() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GKML.run([
            "build", folder.path, "--out", folder.appendingPathComponent("site").path, "--lang", "en",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a workspace"), "\(result.stderr)")
    }

    @Test func renderWritesOneFileAndReportsInEnglish() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GKML.run([
            "render", "catalogs/example/星海镇/employment.yaml", "--format", "Markdown",
            "-o", folder.path + "/", "--lang", "en",
        ])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.hasPrefix("wrote \(folder.path)/") && result.stdout.contains(".md"))
        let missing = try GKML.run(["render", "no/such.yaml", "--format", "md", "--lang", "en"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no catalog file no/such.yaml"))
    }

    @Test func initCatalogSpeaksEnglish() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("employment.yaml").path
        let args = [
            "init", "catalog", "--domain", "就业", "--region", "星海镇", "--level", "乡级", "--body", "星海镇人民政府",
            "--out", out, "--date", "2024-06-01", "--lang", "en",
        ]
        let first = try GKML.run(args)
        #expect(first.status == 0, "\(first.all)")
        #expect(first.stdout.hasPrefix("wrote \(out)") && first.stdout.contains("next: "))
        let again = try GKML.run(args)
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists (not overwritten"), "\(again.stderr)")
    }

    @Test func colorIsChosenOnceForEveryCommand() throws {
        let always = try GKML.run(["validate", "Tests/Fixtures/invalid/duplicate-id.yaml", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}["), "no colour with --color always")
        let never = try GKML.run(["validate", "Tests/Fixtures/invalid/duplicate-id.yaml", "--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
        let domains = try GKML.run(["domains", "--lang", "en"], in: FileManager.default.temporaryDirectory)
        #expect(domains.status == 0)
        #expect(domains.stdout.contains("aliases: ") && !domains.stdout.contains("别名："))
    }

    /// The subcommands a help page lists under SUBCOMMANDS.
    static func subcommands(_ help: String) -> [String] {
        guard let section = help.components(separatedBy: "SUBCOMMANDS:").last, help.contains("SUBCOMMANDS:") else {
            return []
        }
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else {
                return nil
            }
            // "  See 'gkml help <subcommand>' …" closes the section.
            return name != "See" && name.allSatisfy { $0.isLetter || $0 == "-" } ? String(name) : nil
        }
    }

    @Test func everyCommandTakesLang() throws {
        var leaves: [[String]] = []
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            let help = try GKML.run(path + ["--help"])
            #expect(help.status == 0, "\(path): \(help.all)")
            let children = Self.subcommands(help.stdout).filter { $0 != "help" }
            if children.isEmpty { leaves.append(path) } else { queue += children.map { path + [$0] } }
        }
        // The commands of gkml (show, approve, stats, audit and import included), init counted by its two subcommands.
        #expect(leaves.count == 16, "\(leaves)")
        for leaf in leaves {
            let help = try GKML.run(leaf + ["--help"])
            #expect(help.stdout.contains("--lang <lang>"), "gkml \(leaf.joined(separator: " ")) has no --lang")
        }
    }
}
