import ParleyCore

/// Something that happened, published by the services for the realtime layer (and any other
/// subscriber) to deliver. Services never talk to sockets directly.
public enum DomainEvent: Sendable, Equatable {
    case messageCreated(Message)
    case messageEdited(Message)
    case messageDeleted(Message)
    case replyCreated(reply: Message, parent: Message)
    /// `reaction` is nil when the user removed theirs.
    case reactionChanged(message: Message, userId: ObjectId, username: String, reaction: String?)
    case memberJoined(groupId: ObjectId, userId: ObjectId)
    case memberLeft(groupId: ObjectId, userId: ObjectId)

    /// The channel the event concerns, when it concerns one.
    public var channelId: ObjectId? {
        switch self {
        case .messageCreated(let message), .messageEdited(let message), .messageDeleted(let message):
            return message.channelId
        case .replyCreated(let reply, _): return reply.channelId
        case .reactionChanged(let message, _, _, _): return message.channelId
        case .memberJoined, .memberLeft: return nil
        }
    }
}
