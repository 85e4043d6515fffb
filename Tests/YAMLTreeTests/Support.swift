import Diagnostics
import Testing
@testable import YAMLTree

func parse(_ text: String, limits: YAMLLimits = .default) -> YAMLParseResult {
    YAMLParser.parse(text, file: "test.yaml", limits: limits)
}

func parse(bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLParseResult {
    YAMLParser.parse(bytes, file: "test.yaml", limits: limits)
}

/// The root of a file that must parse without findings.
func root(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> YAMLNode {
    let result = parse(text)
    #expect(
        result.findings.isEmpty,
        "unexpected findings: \(result.findings.map { "\($0.code) \($0.location.position.map { "\($0)" } ?? "-")" })",
        sourceLocation: sourceLocation)
    guard let document = result.document else {
        Issue.record("no document", sourceLocation: sourceLocation)
        return YAMLNode(.null, start: SourcePosition(line: 0, column: 0), end: SourcePosition(line: 0, column: 0))
    }
    return document.root
}

/// Checks that the result has exactly one finding with this code at this line:column (nil: no position).
@discardableResult
func expectSingle(
    _ result: YAMLParseResult,
    _ code: String,
    at position: String?,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Finding? {
    let summary = result.findings.map { "\($0.code)@\($0.location.position.map { "\($0)" } ?? "-")" }
    #expect(result.findings.count == 1, "findings: \(summary)", sourceLocation: sourceLocation)
    guard let finding = result.findings.first else { return nil }
    #expect(finding.code == code, "findings: \(summary)", sourceLocation: sourceLocation)
    #expect(
        finding.location.position.map { "\($0)" } == position, "findings: \(summary)", sourceLocation: sourceLocation)
    #expect(
        finding.location.file == "test.yaml" || finding.location.file.hasPrefix("/"), sourceLocation: sourceLocation)
    #expect(finding.severity == .error, sourceLocation: sourceLocation)
    // Every placeholder of the message and hint has a value.
    for language in Language.allCases {
        for name in finding.kind.placeholders(language) {
            #expect(
                finding.arguments(language)[name] != nil, "\(finding.code): no value for {\(name)}",
                sourceLocation: sourceLocation)
        }
    }
    return finding
}

extension YAMLNode {
    var pos: String { "\(start)" }
    var span: String { "\(start)-\(end)" }
}

import Foundation

enum TempFiles {
    /// A fresh directory for this process's test files.
    static let directory: String = {
        let path = NSTemporaryDirectory() + "yamltree-tests-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func write(_ text: String, name: String) throws -> String {
        try write(bytes: Array(text.utf8), name: name)
    }

    static func write(bytes: [UInt8], name: String) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
