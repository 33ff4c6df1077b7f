import Foundation
import ParleyCore
import ParleyStore
import Testing

@Suite("MessageStore search conformance")
struct MessageSearchConformanceTests {
    typealias F = StoreFixtures

    private func find(_ messages: any MessageStore, _ text: String, in scope: [ObjectId]) async throws -> Page<Message> {
        try await messages.search(MessageSearch(text: text, channelIds: scope))
    }

    @Test(arguments: Engine.available)
    func findsEnglishWordsIgnoringCase(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let hello = try await chat.post(messages, "Hello World from Parley", at: 1)
            try await chat.post(messages, "goodbye", at: 2)
            let shout = try await chat.post(messages, "HELLO AGAIN", by: chat.bob, at: 3)

            let found = try await messages.search(MessageSearch(text: "hello", channelIds: [chat.general.id]))
            #expect(Set(found.items.map(\.id)) == [hello.id, shout.id])
            #expect(found.total == 2)
            #expect(try await messages.search(MessageSearch(text: "wORLD", channelIds: [chat.general.id])).items == [hello])
            #expect(try await messages.search(MessageSearch(text: "  parley ", channelIds: [chat.general.id])).items == [hello])
            #expect(try await messages.search(MessageSearch(text: "nowhere", channelIds: [chat.general.id])).total == 0)
            #expect(try await messages.search(MessageSearch(text: "", channelIds: [chat.general.id])).total == 0)
        }
    }

    @Test(arguments: Engine.available)
    func findsChineseJapaneseAndKoreanText(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let japanese = try await chat.post(messages, "東京タワーに行きました", at: 1)
            let korean = try await chat.post(messages, "안녕하세요 여러분", at: 2)
            let chinese = try await chat.post(messages, "今天天气很好", at: 3)
            try await chat.post(messages, "plain english", at: 4)
            let scope = [chat.general.id]

            #expect(try await messages.search(MessageSearch(text: "東京タワー", channelIds: scope)).items == [japanese])
            #expect(try await messages.search(MessageSearch(text: "안녕하세요", channelIds: scope)).items == [korean])
            #expect(try await messages.search(MessageSearch(text: "天气很", channelIds: scope)).items == [chinese])
            // Shorter than three characters: found without the index.
            #expect(try await messages.search(MessageSearch(text: "東京", channelIds: scope)).items == [japanese])
            #expect(try await messages.search(MessageSearch(text: "天气", channelIds: scope)).items == [chinese])
            #expect(try await messages.search(MessageSearch(text: "大阪", channelIds: scope)).total == 0)
        }
    }

    @Test(arguments: Engine.available)
    func shortQueriesAreLiteralAndIgnoreCase(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let ok = try await chat.post(messages, "That is OK with me", at: 1)
            let percent = try await chat.post(messages, "100% sure", at: 2)
            try await chat.post(messages, "nothing here", at: 3)
            let scope = [chat.general.id]

            #expect(try await messages.search(MessageSearch(text: "ok", channelIds: scope)).items == [ok])
            #expect(try await messages.search(MessageSearch(text: "%", channelIds: scope)).items == [percent])
            #expect(try await messages.search(MessageSearch(text: "_", channelIds: scope)).total == 0)
        }
    }

    @Test(arguments: Engine.available)
    func operatorsInTheQueryAreSearchedForLiterally(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let quoted = try await chat.post(messages, "she said \"hi there\" to me", at: 1)
            let star = try await chat.post(messages, "compute a*b quickly", at: 2)
            let either = try await chat.post(messages, "cats OR dogs", at: 3)
            let hyphen = try await chat.post(messages, "a well-known fact", at: 4)
            let call = try await chat.post(messages, "let y = f(x) + 1", at: 5)
            for (index, text) in ["hi there everyone", "abc", "I like dogs", "well known", "the fact", "f x"].enumerated() {
                try await chat.post(messages, text, by: chat.bob, at: 10 + Double(index))
            }
            let scope = [chat.general.id]
            func search(_ text: String) async throws -> [ObjectId] {
                try await messages.search(MessageSearch(text: text, channelIds: scope)).items.map(\.id)
            }

            #expect(try await search("\"hi there\"") == [quoted.id])
            #expect(try await search("a*b") == [star.id])
            #expect(try await search("cats OR dogs") == [either.id])
            #expect(try await search("well-known") == [hyphen.id])
            #expect(try await search("-known") == [hyphen.id])
            #expect(try await search("f(x)") == [call.id])
            #expect(try await search("NOT dogs").isEmpty)
            #expect(try await search("\"") == [quoted.id])
            #expect(try await search("text: \"(*").isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func searchIsScopedToTheGivenChannelsAndUser(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let inGeneral = try await chat.post(messages, "release notes", at: 1)
            let inRandom = try await chat.post(messages, "release party", in: chat.random, by: chat.bob, at: 2)
            let bobs = try await chat.post(messages, "release date", by: chat.bob, at: 3)

            let inGeneralOnly = try await messages.search(MessageSearch(text: "release", channelIds: [chat.general.id]))
            #expect(Set(inGeneralOnly.items.map(\.id)) == [inGeneral.id, bobs.id])
            #expect(try await messages.search(MessageSearch(text: "release", channelIds: [chat.random.id])).items == [inRandom])
            #expect(try await messages.search(MessageSearch(text: "release", channelIds: [])).total == 0)
            #expect(try await messages.search(MessageSearch(text: "release", channelIds: [ObjectId()])).total == 0)
            let byBob = try await messages.search(
                MessageSearch(text: "release", channelIds: [chat.general.id, chat.random.id], userId: chat.bob.id))
            #expect(Set(byBob.items.map(\.id)) == [inRandom.id, bobs.id])
            #expect(byBob.total == 2)
        }
    }

    @Test(arguments: Engine.available)
    func closerMatchesComeFirstThenNewerOnesWithPaging(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            // The close match is the oldest, so only relevance can put it first.
            let close = try await chat.post(messages, "Swift concurrency: swift concurrency explained", at: 1)
            let distant = try await chat.post(
                messages,
                "Yesterday we talked for a long time about many unrelated topics, the weather, lunch, the build, "
                    + "and at the end briefly about swift concurrency too",
                at: 5)
            let scope = [chat.general.id]
            let ranked = try await messages.search(MessageSearch(text: "swift concurrency", channelIds: scope))
            #expect(ranked.items.map(\.id) == [close.id, distant.id])

            // Equally good matches: newest first, and pages neither repeat nor miss one.
            var same: [Message] = []
            for index in 0..<5 { same.append(try await chat.post(messages, "standup", by: chat.bob, at: 10 + Double(index))) }
            let newestFirst = same.reversed().map(\.id)
            let first = try await messages.search(MessageSearch(text: "standup", channelIds: scope, limit: 2, offset: 0))
            let second = try await messages.search(MessageSearch(text: "standup", channelIds: scope, limit: 2, offset: 2))
            let third = try await messages.search(MessageSearch(text: "standup", channelIds: scope, limit: 2, offset: 4))
            #expect(first.total == 5)
            #expect(second.total == 5)
            #expect((first.items + second.items + third.items).map(\.id) == newestFirst)
        }
    }

    @Test(arguments: Engine.available)
    func findsPartOfAWord(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let zebra = try await chat.post(messages, "a zebra crossed the road", at: 1)
            let stripes = try await chat.post(messages, "Zebras have stripes", by: chat.bob, at: 2)
            try await chat.post(messages, "a horse crossed the road", at: 3)
            let scope = [chat.general.id]

            let found = try await find(messages, "zebr", in: scope)
            #expect(Set(found.items.map(\.id)) == [zebra.id, stripes.id])
            #expect(found.total == 2)
            #expect(try await find(messages, "ross", in: scope).total == 2)
            #expect(try await find(messages, "ipes", in: scope).items == [stripes])
            // Both words are in the first message, but not one after the other.
            #expect(try await find(messages, "zebra road", in: scope).total == 0)
        }
    }

    @Test(arguments: Engine.available)
    func findsAWordInsideJapaneseTextWithoutSpaces(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let today = try await chat.post(messages, "今日は東京へ行きます", at: 1)
            let osaka = try await chat.post(messages, "明日は大阪へ", at: 2)
            let scope = [chat.general.id]

            #expect(try await find(messages, "東京", in: scope).items == [today])
            #expect(try await find(messages, "は東京へ", in: scope).items == [today])
            #expect(try await find(messages, "大阪へ", in: scope).items == [osaka])
            let both = try await find(messages, "へ", in: scope)
            #expect(both.items.map(\.id) == [osaka.id, today.id], "no relevance for one character: newest first")
            #expect(try await find(messages, "東京タワー", in: scope).total == 0)
        }
    }

    @Test(arguments: Engine.available)
    func ignoresCaseBeyondASCII(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let team = try await chat.post(messages, "Réunion de l'ÉQUIPE à midi", at: 1)
            let greek = try await chat.post(messages, "ΚΑΛΗΜΕΡΑ σε όλους", at: 2)
            try await chat.post(messages, "equipe sans accent", at: 3)
            let scope = [chat.general.id]

            #expect(try await find(messages, "équipe", in: scope).items == [team])
            #expect(try await find(messages, "RÉUNION", in: scope).items == [team])
            #expect(try await find(messages, "À", in: scope).items == [team], "one character, past ASCII")
            #expect(try await find(messages, "καλημέρα", in: scope).total == 0, "accents count")
            #expect(try await find(messages, "καλημερα", in: scope).items == [greek])
        }
    }

    @Test(arguments: Engine.available)
    func anEditedMessageIsFoundByItsNewTextOnly(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let message = try await chat.post(messages, "meeting on tuesday", at: 1)
            let edited = try await messages.edit(
                id: message.id, text: "meeting moved to thursday", mentions: [], by: chat.alice.id,
                at: F.at(100))
            let scope = [chat.general.id]

            #expect(try await find(messages, "tuesday", in: scope).total == 0)
            #expect(try await find(messages, "thursd", in: scope).items == [try #require(edited)])
            #expect(try await find(messages, "meeting", in: scope).total == 1)
        }
    }

    @Test(arguments: Engine.available)
    func aDeletedMessageIsNotFound(engine: Engine) async throws {
        try await withMessagingStore(engine) { store, messages, _ in
            let chat = try await ChatFixture.make(store)
            let gone = try await chat.post(messages, "secret zebra plans", at: 1)
            let kept = try await chat.post(messages, "public zebra plans", by: chat.bob, at: 2)
            _ = try await messages.tombstone(id: gone.id, at: F.at(100))
            let scope = [chat.general.id]

            #expect(try await find(messages, "zebr", in: scope).items == [kept])
            #expect(try await find(messages, "secret", in: scope).total == 0)
            #expect(try await find(messages, "se", in: scope).total == 0)
        }
    }
}
