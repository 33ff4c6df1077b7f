/// A bad or missing setting. Its description is the one line printed before start-up stops.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let variable: String
    public let problem: String

    public init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    public var description: String { "Configuration error: \(variable) \(problem)" }
}
