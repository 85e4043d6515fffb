/// How serious a finding is. `error` fails validation; `warning` and `info` inform.
public enum Severity: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .info: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The word printed in text output.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.error, .zh): "错误"
        case (.warning, .zh): "警告"
        case (.info, .zh): "提示"
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, .en): "info"
        }
    }
}

/// The language messages are printed in. Chinese is the default everywhere.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case zh
    case en
}
