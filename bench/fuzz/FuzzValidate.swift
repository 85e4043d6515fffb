// libFuzzer target over the validate pipeline: the YAML reader, the JSON Schema engine, the model checks and
// every lint rule, then the --fix path on the same bytes. Built by bench/fuzz/run, not by SwiftPM or CI.
import CatalogLint
import CatalogModel
import Diagnostics
import Foundation

// One scratch folder per process; each input is written to the same two names (libFuzzer runs inputs one at a
// time in a worker).
let scratch: String = {
    let dir = NSTemporaryDirectory() + "gkml-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    // A leading '{' or '[' makes it a JSON instance, as gkml reads .json catalogs.
    let isJSON = bytes.first == UInt8(ascii: "{") || bytes.first == UInt8(ascii: "[")
    let path = scratch + (isJSON ? "/catalog.json" : "/catalog.yaml")
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return 0 }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let outcome = Validator.run([path], options: ValidationOptions(parallelism: 1))
    // Every finding must render, with its source excerpt, as text (both languages) and as JSON.
    let lines = String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false) {
        $0 == "\n" || $0 == "\r\n" || $0 == "\r"
    }
    let provider: SourceLineProvider = { _, number in
        number >= 1 && number <= lines.count ? String(lines[number - 1]) : nil
    }
    for language in Language.allCases {
        _ = Reporter.render(outcome.report, format: .text, language: language, lines: provider)
    }
    _ = Reporter.render(outcome.report, format: .json, language: .zh)
    // The --fix path: fixing must not crash, and what it writes must read back.
    let fixed = LintFixer.fix(source: bytes, file: path, context: LintContext())
    if fixed.changed {
        _ = LintFixer.fix(source: fixed.fixed, file: path, context: LintContext())
    }
    return 0
}
