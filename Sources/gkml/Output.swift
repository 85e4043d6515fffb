import Diagnostics
import Foundation
import YAMLTree

/// Writing to the terminal: stdout for results, stderr for problems with the run itself.
enum Output {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// True when stdout is a terminal (text output then switches to a summary past a few hundred findings).
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// Buffered writing to stdout for streamed reports: one write per 64 KiB, not one per finding.
    final class Stream: @unchecked Sendable {
        private var buffer: [UInt8] = []

        init() { buffer.reserveCapacity(1 << 16) }

        func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 { flush() }
        }

        func flush() {
            guard !buffer.isEmpty else { return }
            FileHandle.standardOutput.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var useColor: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Colour on stderr only when it is a terminal.
    static var useStderrColor: Bool {
        isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Reads source lines for the text reporter, one file at a time, on demand.
    static func lineReader() -> SourceLineProvider {
        let cache = LineCache()
        return { file, line in cache.line(file, line) }
    }
}

/// Lines of the most recently read file (reports are sorted by file, so one entry suffices).
final class LineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var file: String?
    private var lines: [Substring] = []

    func line(_ path: String, _ number: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if file != path {
            file = path
            let data = (try? FileReader.read(path, maxSize: YAMLLimits.default.maxFileSize).get()) ?? []
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            // "\r\n" is a single Character in Swift, so split on both forms.
            lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        }
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }
}
