/// `PARLEY_ENV`: production insists on explicit secrets and hides internal error text.
public enum RuntimeEnvironment: String, Sendable, CaseIterable {
    case development
    case production
    case test
}
