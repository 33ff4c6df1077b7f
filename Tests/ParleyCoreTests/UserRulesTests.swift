import ParleyCore
import Testing

@Suite struct UserRulesTests {
    @Test(arguments: ["alice", "bob_smith", "j.doe-2", "abc"])
    func acceptedUsernames(name: String) { #expect(UserValidation.checkUsername(name) == nil) }

    @Test(arguments: ["ab", "has space", "semi;colon", String(repeating: "a", count: 31), "émile"])
    func refusedUsernames(name: String) { #expect(UserValidation.checkUsername(name) != nil) }

    @Test func emailAndPasswordRules() {
        #expect(UserValidation.checkEmail("a@b.co") == nil)
        for bad in ["invalid-email", "a@b", "@b.co", "a b@c.co", "a@@b.co", "a@.co"] {
            #expect(UserValidation.checkEmail(bad) != nil, "\(bad)")
        }
        #expect(UserValidation.checkPassword("12345")?.message == "Password must be at least 6 characters long")
        #expect(UserValidation.checkPassword("123456") == nil)
        #expect(UserValidation.checkPassword(String(repeating: "x", count: 73)) != nil)
        #expect(UserValidation.normalizeEmail(" Foo@Example.COM ") == "foo@example.com")
    }

    @Test func permissionTable() throws {
        let me = ObjectId()
        let other = ObjectId()
        let user = Principal(userId: me, username: "u", email: "u@x.io", roles: [.user])
        let groupAdmin = Principal(userId: me, username: "g", email: "g@x.io", roles: [.groupAdmin])
        let superAdmin = Principal(userId: me, username: "s", email: "s@x.io", roles: [.superAdmin])

        #expect(!UserPermissions.canManageUsers(user))
        #expect(!UserPermissions.canManageUsers(groupAdmin))
        #expect(UserPermissions.canManageUsers(superAdmin))

        #expect(UserPermissions.canSeePrivateFields(of: me, principal: user))
        #expect(!UserPermissions.canSeePrivateFields(of: other, principal: user))
        #expect(!UserPermissions.canSeePrivateFields(of: other, principal: groupAdmin))
        #expect(UserPermissions.canSeePrivateFields(of: other, principal: superAdmin))

        #expect(UserPermissions.canEditProfile(of: me, principal: user))
        #expect(!UserPermissions.canEditProfile(of: other, principal: user))
        #expect(!UserPermissions.canEditProfile(of: other, principal: groupAdmin))
        #expect(UserPermissions.canEditProfile(of: other, principal: superAdmin))

        #expect(!UserPermissions.canChangeRolesOrStatus(user))
        #expect(!UserPermissions.canChangeRolesOrStatus(groupAdmin))
        #expect(UserPermissions.canChangeRolesOrStatus(superAdmin))
        #expect(throws: DomainError.forbidden("Insufficient permissions")) { try UserPermissions.requireManageUsers(user) }
    }
}
