/// The sixth migration: an index of the live messages alone, for history without tombstones.
/// Kept as its own file because a migration, once shipped, never changes.
enum SQLiteSchemaV6 {
    static let sql = """
        -- History as clients read it leaves tombstones out. Filtering them while walking
        -- messages_channel_history would read every tombstone between two live messages; this
        -- partial index holds only the live ones, so a page of them is still one range scan
        -- that stops after LIMIT rows. A message leaves it when it becomes a tombstone.
        CREATE INDEX messages_live_history ON messages(channelId, createdAt, id) WHERE isDeleted = 0;
        """
}
