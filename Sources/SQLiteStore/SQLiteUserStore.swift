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
                        INSERT INTO users (id, username, email, passwordHash, roles, isActive, createdAt,
                                           updatedAt, lastLogin, avatar, bio, phone, address)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        user.id.hexString, user.username, user.email, user.passwordHash, roles, user.isActive,
                        SQLiteValues.millis(user.createdAt), SQLiteValues.millis(user.updatedAt),
                        user.lastLogin.map(SQLiteValues.millis), user.avatar, user.bio, user.phone, user.address,
                    ])
            }
        }
    }

    func find(id: ObjectId) async throws -> User? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id.hexString])
                .map(Self.user(from:))
        }
    }

    func find(login: String) async throws -> User? {
        try await pool.read { db in
            // Both columns carry NOCASE unique indexes, so each branch is an index lookup.
            try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM users WHERE username = ? COLLATE NOCASE
                    UNION ALL
                    SELECT * FROM users WHERE email = ? COLLATE NOCASE
                    LIMIT 1
                    """,
                arguments: [login, login]
            ).map(Self.user(from:))
        }
    }

    func update(id: ObjectId, _ changes: UserChanges, at date: Date) async throws -> User? {
        var assignments = ["updatedAt = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [SQLiteValues.millis(date)]
        func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            assignments.append("\(column) = ?")
            arguments.append(value)
        }
        if let username = changes.username { set("username", username) }
        if let email = changes.email { set("email", email) }
        if let hash = changes.passwordHash { set("passwordHash", hash) }
        if let roles = changes.roles { set("roles", try SQLiteValues.json(roles.map(\.rawValue))) }
        if let isActive = changes.isActive { set("isActive", isActive) }
        if let lastLogin = changes.lastLogin { set("lastLogin", SQLiteValues.millis(lastLogin)) }
        if let avatar = changes.avatar { set("avatar", avatar) }
        if let bio = changes.bio { set("bio", bio) }
        if let phone = changes.phone { set("phone", phone) }
        if let address = changes.address { set("address", address) }
        arguments.append(id.hexString)

        let sql = "UPDATE users SET \(assignments.joined(separator: ", ")) WHERE id = ? RETURNING *"
        let statementArguments = StatementArguments(arguments)
        return try await pool.write { db in
            try SQLiteValues.mappingDuplicates {
                try Row.fetchOne(db, sql: sql, arguments: statementArguments).map(Self.user(from:))
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
            conditions.append("(instr(lower(username), lower(?)) > 0 OR instr(lower(email), lower(?)) > 0)")
            arguments += [search, search]
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
            return Page(items: try rows.map(Self.user(from:)), total: total)
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
