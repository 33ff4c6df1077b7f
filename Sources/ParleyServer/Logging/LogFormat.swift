/// How log lines are written (`LOG_FORMAT`): swift-log's text lines (the default), or one
/// JSON object per line for log collectors.
public enum LogFormat: String, Sendable, CaseIterable {
    case text
    case json
}
