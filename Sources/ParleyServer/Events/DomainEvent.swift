import ParleyCore

/// Something that happened, published by the services for the realtime layer (and any other
/// subscriber) to deliver. Services never talk to sockets directly.
public enum DomainEvent: Sendable, Equatable, Codable {
    /// `addressedAs` is the id the sender used: the channel's, or its group's for a group's
    /// `general` channel. The old server echoed it in `new_message`, and the Angular chat
    /// screen filters on it.
    case messageCreated(Message, addressedAs: ObjectId)
    case messageEdited(Message)
    case messageDeleted(Message)
    case replyCreated(reply: Message, parent: Message)
    /// `reaction` is nil when the user removed theirs.
    case reactionChanged(message: Message, userId: ObjectId, username: String, reaction: String?)
    case memberJoined(groupId: ObjectId, userId: ObjectId)
    case memberLeft(groupId: ObjectId, userId: ObjectId)
    /// A channel of the group was created, archived, restored, changed privacy or changed
    /// members: who may read what in that group may have changed.
    case channelsChanged(groupId: ObjectId)
    /// An account's roles or status changed, or it was closed or deleted.
    case accountChanged(userId: ObjectId)
    /// A call was placed or changed state.
    case callChanged(VideoCall)
    /// Sign-in sessions of a user were revoked (logout, "sign out other sessions", a password
    /// change): their access tokens are refused and their live sockets must be disconnected.
    case sessionsRevoked(userId: ObjectId, sessionIds: Set<ObjectId>)

    /// Whether the event may change who can read what.
    public var changesAccess: Bool {
        switch self {
        case .memberJoined, .memberLeft, .channelsChanged, .accountChanged, .sessionsRevoked: return true
        default: return false
        }
    }

    /// The channel the event concerns, when it concerns one.
    public var channelId: ObjectId? {
        switch self {
        case .messageCreated(let message, _), .messageEdited(let message), .messageDeleted(let message):
            return message.channelId
        case .replyCreated(let reply, _): return reply.channelId
        case .reactionChanged(let message, _, _, _): return message.channelId
        case .memberJoined, .memberLeft, .channelsChanged, .accountChanged, .sessionsRevoked: return nil
        case .callChanged(let call): return call.channelId
        }
    }
}
