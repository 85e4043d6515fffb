/// Steps of work a rule took, counted for the tests that check an algorithm grows linearly (issue 15); rules
/// keep it nil in a normal run. Only a test's single-threaded walk adds to it.
final class WorkCounter: @unchecked Sendable {
    private(set) var steps = 0

    func add(_ count: Int) { steps += count }
}
