import Foundation

/// HTML tables are read with the libxml2-based `HTMLDocument` module (issue 13); until it is merged here, a saved
/// page cannot be imported and says so.
enum HTMLReader {
    static func read(_ data: Data, fileName: String, limits: ImportLimits) throws(ImportError) -> SourceDocument {
        throw ImportError(zh: "\(fileName)：本版本尚不能导入 HTML 网页，请把表格复制到 Excel 另存为 .xlsx 后导入",
                          en: "\(fileName): this version cannot import HTML pages yet; copy the table into Excel, save it as .xlsx and import that")
    }
}
