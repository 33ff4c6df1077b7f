/// Who may see the details of an upload or delete it. (Reading the file itself is public:
/// the web client shows uploads with `<img src>`, which sends no token.)
public enum UploadPermissions {
    /// The owner, or a super_admin cleaning up.
    public static func canManage(_ upload: Upload, principal: Principal) -> Bool {
        upload.ownerId == principal.userId || principal.isSuperAdmin
    }
}
