/// Finds `@username` mentions in message text.
enum MentionParser {
    static let maximumMentions = 20

    /// Distinct usernames after an `@` that starts the text or follows white space or
    /// punctuation (so emails like a@b.com are not mentions), in order of appearance.
    static func usernames(in text: String) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "@" else { continue }
            if index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber { continue }
            var end = index + 1
            while end < characters.count, isNameCharacter(characters[end]) { end += 1 }
            // A trailing dot ends the sentence, not the name.
            while end > index + 1, characters[end - 1] == "." { end -= 1 }
            let name = String(characters[(index + 1)..<end])
            if (3...30).contains(name.count), seen.insert(name.lowercased()).inserted {
                names.append(name)
                if names.count == maximumMentions { break }
            }
            index = end - 1
        }
        return names
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "." || character == "-")
    }
}
