import Foundation

/// Legacy and WPS formats (.xls, .et → xlsx; .doc, .wps → docx) through LibreOffice in headless mode, when it is
/// installed; otherwise a clear error saying how to get it or how to save the file in the new format.
enum OfficeConverter {
    static func target(for ext: String) -> String? {
        switch ext {
        case "xls", "et", "ett": "xlsx"
        case "doc", "wps", "wpt": "docx"
        default: nil
        }
    }

    static func findOffice() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Converts `path` and returns the converted file's bytes.
    static func convert(_ path: String, fileName: String, to format: String) throws(ImportError) -> Data {
        guard let office = findOffice() else {
            throw ImportError(
                zh:
                    "\(fileName) 是旧版或 WPS 格式，需要 LibreOffice 转换，但没有找到 soffice/libreoffice：请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-calc libreoffice-writer），或在 Excel/WPS/Word 中另存为 .\(format) 后再导入",
                en:
                    "\(fileName) is a legacy or WPS file that needs LibreOffice to convert it, and soffice/libreoffice was not found: install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-calc libreoffice-writer), or save it as .\(format) in Excel/WPS/Word and import that"
            )
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ImportError(
                zh: "无法创建临时文件夹：\(error.localizedDescription)",
                en: "cannot create a temporary folder: \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        // A private profile so that a running LibreOffice of the user does not take the job.
        process.arguments = [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", format,
            "--outdir", folder.path, path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ImportError(
                zh: "无法运行 \(office)：\(error.localizedDescription)",
                en: "cannot run \(office): \(error.localizedDescription)")
        }
        // A damaged file can make LibreOffice hang: give it two minutes.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw ImportError(
                zh: "LibreOffice 转换 \(fileName) 超过 2 分钟未完成，已中止",
                en: "LibreOffice did not finish converting \(fileName) within 2 minutes; stopped")
        }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let output = folder.appendingPathComponent(stem + "." + format)
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path) else {
            throw ImportError(
                zh: "LibreOffice 无法转换 \(fileName)：文件可能已损坏或设有密码",
                en: "LibreOffice could not convert \(fileName): the file may be damaged or password-protected")
        }
        return data
    }
}
