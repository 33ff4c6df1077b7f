/// Turns user text into a regular expression that matches exactly that text.
enum MongoRegex {
    /// PCRE's metacharacters outside a character class. Escaping each (rather than wrapping the
    /// text in \Q…\E) stays correct when the text itself contains "\E".
    private static let metacharacters: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            if metacharacters.contains(character) {
                escaped.append("\\")
                escaped.append(character)
            } else if character == "\0" {
                // The server refuses patterns holding a NUL byte; PCRE's \x00 matches one.
                escaped.append("\\x00")
            } else {
                escaped.append(character)
            }
        }
        return escaped
    }
}
