import Foundation
import GRDB
import ParleyCore
import ParleyStore

/// Users in the `users` table. `User.groups` is not a column: group membership has its own table
/// and is read from there, so the two sides cannot drift apart.
struct SQLiteUserStore: UserStore {
    let pool: DatabasePool

    func insert(_ user: User) async throws {
        let roles = try SQLiteValues.json(user.roles.map(\.rawValue))
        try await pool.write { db in
            try SQLiteValues.mappingDuplicates {
                try db.execute(
                    sql: """
                        INSERT INTO users (id, username, usernameKey, email, emailKey, passwordHash, roles, isActive,
                                           createdAt, updatedAt, lastLogin, avatar, bio, phone, address)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        user.id.hexString, user.username, TextFolding.uniqueKey(user.username), user.email,
                        TextFolding.uniqueKey(user.email), user.passwordHash, roles, user.isActive,
                        SQLiteValues.millis(user.createdAt), SQLiteValues.millis(user.updatedAt),
                        user.lastLogin.map(SQLiteValues.millis), user.avatar, user.bio, user.phone, user.address,
                    ])
            }
        }
    }

    func find(id: ObjectId) async throws -> User? {
        try await pool.read { db in
            try Self.users(from: Row.fetchAllCached(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id.hexString]), in: db)
                .first
        }
    }

    func find(ids: [ObjectId]) async throws -> [User] {
        guard !ids.isEmpty else { return [] }
        let idList = try SQLiteValues.idList(ids)
        return try await pool.read { db in
            try Self.users(
                from: Row.fetchAll(db, sql: "SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?))", arguments: [idList]),
                in: db)
        }
    }

    func find(login: String) async throws -> User? {
        try await pool.read { db in
            // Both keys carry unique indexes (SQLiteUniqueKeys), so each branch is an index lookup.
            try Self.users(
                from: Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM users WHERE usernameKey = ?
                        UNION ALL
                        SELECT * FROM users WHERE emailKey = ?
                        LIMIT 1
                        """,
                    arguments: [TextFolding.uniqueKey(login), TextFolding.uniqueKey(login)]),
                in: db
            ).first
        }
    }

    func update(id: ObjectId, _ changes: UserChanges, at date: Date) async throws -> User? {
        var update = SQLiteUpdate(at: date)
        if let username = changes.username {
            update.set("username", username)
            update.set("usernameKey", TextFolding.uniqueKey(username))
        }
        if let email = changes.email {
            update.set("email", email)
            update.set("emailKey", TextFolding.uniqueKey(email))
        }
        if let hash = changes.passwordHash { update.set("passwordHash", hash) }
        if let roles = changes.roles { update.set("roles", try SQLiteValues.json(roles.map(\.rawValue))) }
        if let isActive = changes.isActive { update.set("isActive", isActive) }
        if let lastLogin = changes.lastLogin { update.set("lastLogin", SQLiteValues.millis(lastLogin)) }
        if let avatar = changes.avatar { update.set("avatar", avatar) }
        if let bio = changes.bio { update.set("bio", bio) }
        if let phone = changes.phone { update.set("phone", phone) }
        if let address = changes.address { update.set("address", address) }
        let (sql, statementArguments) = update.statement(table: "users", id: id)
        return try await pool.write { db in
            try SQLiteValues.mappingDuplicates {
                try Self.users(from: Row.fetchAll(db, sql: sql, arguments: statementArguments), in: db).first
            }
        }
    }

    func delete(id: ObjectId) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM users WHERE id = ?", arguments: [id.hexString])
            return db.changesCount > 0
        }
    }

    func list(_ query: UserQuery) async throws -> Page<User> {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let search = query.search, !search.isEmpty {
            // instr() matches the text literally: no pattern characters, so no injection.
            if query.searchesEmail {
                conditions.append("(instr(lower(username), lower(?)) > 0 OR instr(lower(email), lower(?)) > 0)")
                arguments += [search, search]
            } else {
                conditions.append("instr(lower(username), lower(?)) > 0")
                arguments.append(search)
            }
        }
        if let isActive = query.isActive {
            conditions.append("isActive = ?")
            arguments.append(isActive)
        }
        if let role = query.role {
            conditions.append("EXISTS (SELECT 1 FROM json_each(users.roles) WHERE json_each.value = ?)")
            arguments.append(role.rawValue)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let filterArguments = StatementArguments(arguments)
        let pageArguments = StatementArguments(arguments + [query.page.limit, query.page.offset])
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users \(whereClause)", arguments: filterArguments) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM users \(whereClause) ORDER BY createdAt DESC, id DESC LIMIT ? OFFSET ?",
                arguments: pageArguments)
            return Page(items: try Self.users(from: rows, in: db), total: total)
        }
    }

    func count(role: Role) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM users WHERE EXISTS (SELECT 1 FROM json_each(users.roles) WHERE json_each.value = ?)",
                arguments: [role.rawValue]) ?? 0
        }
    }

    func counts(activeSince: Date, createdSince: Date) async throws -> UserCounts {
        try await pool.read { db in
            // One pass over the table; SUM of a comparison counts the rows where it holds.
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS total,
                           COALESCE(SUM(isActive = 1), 0) AS active,
                           COALESCE(SUM(isActive = 1 AND lastLogin >= ?), 0) AS recentlyActive,
                           COALESCE(SUM(createdAt >= ?), 0) AS createdSince,
                           COALESCE(SUM(EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'super_admin')), 0) AS superAdmins,
                           COALESCE(SUM(EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'group_admin')), 0) AS groupAdmins
                    FROM users
                    """,
                arguments: [SQLiteValues.millis(activeSince), SQLiteValues.millis(createdSince)])
            guard let row else { throw StoreError.corrupt("user counts returned no row") }
            return UserCounts(
                total: try row.decode(Int.self, forColumn: "total"),
                active: try row.decode(Int.self, forColumn: "active"),
                recentlyActive: try row.decode(Int.self, forColumn: "recentlyActive"),
                createdSince: try row.decode(Int.self, forColumn: "createdSince"),
                superAdmins: try row.decode(Int.self, forColumn: "superAdmins"),
                groupAdmins: try row.decode(Int.self, forColumn: "groupAdmins"))
        }
    }

    /// Decodes user rows and fills `groups` from group_members with one query for all of them,
    /// in the order the user joined.
    static func users(from rows: [Row], in db: Database) throws -> [User] {
        var users = try rows.map(Self.user(from:))
        guard !users.isEmpty else { return users }
        let membershipRows = try Row.fetchAll(
            db,
            sql: """
                SELECT userId, groupId FROM group_members
                WHERE userId IN (SELECT value FROM json_each(?))
                ORDER BY joinedAt, groupId
                """,
            arguments: [try SQLiteValues.idList(users.map(\.id))])
        var groupsByUser: [ObjectId: [ObjectId]] = [:]
        for row in membershipRows {
            groupsByUser[try SQLiteValues.objectId(row, "userId"), default: []].append(try SQLiteValues.objectId(row, "groupId"))
        }
        for index in users.indices {
            users[index].groups = groupsByUser[users[index].id] ?? []
        }
        return users
    }

    /// One row without its memberships; `users(from:in:)` adds them.
    static func user(from row: Row) throws -> User {
        let roleNames = try SQLiteValues.fromJSON([String].self, row.decode(String.self, forColumn: "roles"))
        return User(
            id: try SQLiteValues.objectId(row, "id"),
            username: try row.decode(String.self, forColumn: "username"),
            email: try row.decode(String.self, forColumn: "email"),
            passwordHash: try row.decode(String.self, forColumn: "passwordHash"),
            roles: roleNames.map(Role.init(rawValue:)),
            groups: [],
            isActive: try row.decode(Bool.self, forColumn: "isActive"),
            createdAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "createdAt")),
            updatedAt: SQLiteValues.date(try row.decode(Int64.self, forColumn: "updatedAt")),
            lastLogin: SQLiteValues.optionalDate(try row.decode(Int64?.self, forColumn: "lastLogin")),
            avatar: try row.decode(String?.self, forColumn: "avatar"),
            bio: try row.decode(String?.self, forColumn: "bio"),
            phone: try row.decode(String?.self, forColumn: "phone"),
            address: try row.decode(String?.self, forColumn: "address"))
    }
}
