/// Lua run by Redis (EVAL) so that each presence change is one atomic step across nodes:
/// two nodes disconnecting a user's last two sockets at once cannot both (or neither) see
/// the user go offline.
enum PresenceScripts {
    /// KEYS: sockets, user, online, node set. ARGV: socket id, node id, user id, username,
    /// status, channel, groups, admin. Returns 1 when this is the user's first socket.
    static let connect = """
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('SADD', KEYS[4], ARGV[3] .. ':' .. ARGV[1])
        local first = redis.call('SISMEMBER', KEYS[3], ARGV[3]) == 0
        if first then
          redis.call('HSET', KEYS[2], 'username', ARGV[4], 'status', ARGV[5], 'channel', ARGV[6], 'groups', ARGV[7], 'admin', ARGV[8])
          redis.call('SADD', KEYS[3], ARGV[3])
          return 1
        end
        redis.call('HSET', KEYS[2], 'username', ARGV[4], 'groups', ARGV[7], 'admin', ARGV[8])
        return 0
        """

    /// KEYS: sockets, user, online, node set. ARGV: socket id, user id. Returns 1 when it was
    /// the user's last socket.
    static let disconnect = """
        local removed = redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('SREM', KEYS[4], ARGV[2] .. ':' .. ARGV[1])
        if removed == 1 and redis.call('HLEN', KEYS[1]) == 0 then
          redis.call('SREM', KEYS[3], ARGV[2])
          redis.call('DEL', KEYS[2])
          return 1
        end
        return 0
        """

    /// KEYS: user, online. ARGV: user id, status, channel, groups, admin. Only while online,
    /// so that nothing of a user who just left is written back.
    static let update = """
        if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
          redis.call('HSET', KEYS[1], 'status', ARGV[2], 'channel', ARGV[3], 'groups', ARGV[4], 'admin', ARGV[5])
        end
        return 0
        """

    /// KEYS: online. ARGV: key prefix. Every online user: id, username, status, channel,
    /// groups, admin (six entries each).
    static let online = """
        local out = {}
        for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          local info = redis.call('HMGET', ARGV[1] .. 'presence:user:' .. id, 'username', 'status', 'channel', 'groups', 'admin')
          out[#out + 1] = id
          for i = 1, 5 do out[#out + 1] = info[i] or '' end
        end
        return out
        """

    /// KEYS: node set, nodes. ARGV: node id, key prefix. Removes every socket the node held;
    /// returns the users who thereby went offline: id, username, groups (three entries each).
    static let reap = """
        local out = {}
        for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          local sep = string.find(member, ':', 1, true)
          local id = string.sub(member, 1, sep - 1)
          local socket = string.sub(member, sep + 1)
          local sockets = ARGV[2] .. 'presence:sockets:' .. id
          if redis.call('HGET', sockets, socket) == ARGV[1] then redis.call('HDEL', sockets, socket) end
          if redis.call('HLEN', sockets) == 0 and redis.call('SREM', ARGV[2] .. 'presence:online', id) == 1 then
            local user = ARGV[2] .. 'presence:user:' .. id
            out[#out + 1] = id
            out[#out + 1] = redis.call('HGET', user, 'username') or ''
            out[#out + 1] = redis.call('HGET', user, 'groups') or ''
            redis.call('DEL', user)
          end
        end
        redis.call('DEL', KEYS[1])
        redis.call('SREM', KEYS[2], ARGV[1])
        return out
        """
}
