import Diagnostics

/// A value together with where it was written. `inherited` is true when it came from 默认.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var position: SourcePosition
    public var inherited: Bool

    public init(_ value: Value, at position: SourcePosition, inherited: Bool = false) {
        self.value = value
        self.position = position
        self.inherited = inherited
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
