/// `GET /api/users`: `{users, total, page, pages}` plus `limit` and `totalPages`, which the
/// Angular client's `UsersListResponse` reads.
struct UserListView: Encodable, Sendable {
    let users: [UserView]
    let total: Int
    let page: Int
    let pages: Int
    let limit: Int
    let totalPages: Int
}
