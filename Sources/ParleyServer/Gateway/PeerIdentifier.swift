import ParleyCore

/// The PeerJS id rule (client `util.validateId`): letters and digits, separated by single
/// `_`, `-` or space, not at either end; and whose id it is.
enum PeerIdentifier {
    /// The user a peer id belongs to. The Angular client makes its ids as
    /// `<userId>_<Date.now()>_<random>`, so an id belongs to the user it begins with; an id
    /// that begins with no user id (`anonymous_…`) belongs to nobody and is never relayed.
    static func owner(of id: String) -> ObjectId? {
        let hexLength = 24
        guard id.utf8.count > hexLength + 1 else { return nil }
        let separator = id.index(id.startIndex, offsetBy: hexLength)
        guard id[separator] == "_" else { return nil }
        return ObjectId(String(id[..<separator]))
    }

    static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty else { return false }
        var previousWasSeparator = true
        for scalar in id.unicodeScalars {
            let isSeparator = scalar == "_" || scalar == "-" || scalar == " "
            let isAlphanumeric = scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
            if isSeparator {
                if previousWasSeparator { return false }
            } else if !isAlphanumeric {
                return false
            }
            previousWasSeparator = isSeparator
        }
        return !previousWasSeparator
    }
}
