import Foundation

/// Removes uploaded files: every file below the upload folder except the `.gitkeep` files that
/// keep its sub-folders in git. Folders stay, so the server can write into them at once.
public enum UploadFolderCleaner {
    public static let keptName = ".gitkeep"

    /// Returns how many files were removed; a missing folder has none.
    public static func clear(folder: String) throws -> Int {
        let root = URL(fileURLWithPath: folder)
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [])
        else { return 0 }
        var removed = 0
        for case let url as URL in walker where url.lastPathComponent != keptName {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            // A link is removed as a link; what it points at is not the upload folder's to remove.
            guard values.isRegularFile == true || values.isSymbolicLink == true else { continue }
            try FileManager.default.removeItem(at: url)
            removed += 1
        }
        return removed
    }
}
