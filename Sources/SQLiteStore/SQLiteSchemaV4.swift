/// The fourth migration: metadata of uploaded files. Kept as its own file because a
/// migration, once shipped, never changes.
enum SQLiteSchemaV4 {
    static let sql = """
        -- ownerId has no foreign key: when an account is removed its files stay on disk, and the
        -- record is what lets an admin find and delete them.
        CREATE TABLE uploads (
            id TEXT PRIMARY KEY NOT NULL,
            ownerId TEXT NOT NULL,
            kind TEXT NOT NULL,              -- avatar, image or file
            storedName TEXT NOT NULL UNIQUE,
            thumbnailName TEXT,
            originalName TEXT NOT NULL,
            mimeType TEXT NOT NULL,          -- detected from the content
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            createdAt INTEGER NOT NULL
        );
        -- An owner's files (and their avatars, replaced on each new one), newest first.
        CREATE INDEX uploads_owner ON uploads(ownerId, kind, createdAt DESC, id DESC);
        -- Finding copies of the same content.
        CREATE INDEX uploads_sha256 ON uploads(sha256);
        """
}
