import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A streaming pass over one XML part with FoundationXML's `XMLParser` (libxml2 underneath): the handler sees
/// element starts, ends and text. External entities are never resolved. A handler stops the pass by throwing
/// from a callback; a malformed part becomes an `ImportError` naming the part, line and column.
class XMLScan: NSObject, XMLParserDelegate {
    var failure: ImportError?
    private var parser: XMLParser?
    /// Open elements: a part that ends inside one is truncated (FoundationXML on Linux may not say so itself).
    private var depth = 0
    private var errorLine = 0, errorColumn = 0

    func start(_ name: String, _ attributes: [String: String]) throws(ImportError) {}
    func end(_ name: String) throws(ImportError) {}
    func text(_ string: String) {}

    /// Runs the pass. `part` and `file` name the XML in error messages.
    func run(_ data: Data, part: String, file: String) throws(ImportError) {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = self
        self.parser = parser
        let ok = parser.parse()
        self.parser = nil
        if let failure { throw failure }
        if !ok || parser.parserError != nil || depth != 0 || errorLine > 0 {
            let line = errorLine > 0 ? errorLine : parser.lineNumber,
                column = errorLine > 0 ? errorColumn : parser.columnNumber
            let reason = parser.parserError.map { String(describing: ($0 as NSError).code) } ?? "?"
            throw ImportError(
                zh:
                    "\(file) 中的 \(part) 不是格式正确的 XML（第 \(line) 行第 \(column) 列，错误 \(reason)）：文件已损坏，请用 Excel/WPS/Word 打开后重新保存",
                en:
                    "\(part) in \(file) is not well-formed XML (line \(line), column \(column), error \(reason)): the file is damaged; open it in Excel/WPS/Word and save it again"
            )
        }
    }

    private func stop(_ error: ImportError) {
        if failure == nil { failure = error }
        parser?.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        guard failure == nil else { return }
        do { try start(elementName, attributes) } catch { stop(error) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        guard failure == nil else { return }
        do { try end(elementName) } catch { stop(error) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if errorLine == 0 { errorLine = max(1, parser.lineNumber); errorColumn = parser.columnNumber }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil else { return }
        text(String(decoding: CDATABlock, as: UTF8.self))
    }
}
