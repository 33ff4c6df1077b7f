/// The PeerJS id rule (client `util.validateId`): letters and digits, separated by single
/// `_`, `-` or space, not at either end.
enum PeerIdentifier {
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
