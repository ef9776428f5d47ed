import Testing

@testable import ShowrunnerSteps

struct PromptTests {
    @Test(arguments: [
        ("cooking", "channel about cooking: a dish, technique or kitchen tip"),
        ("Home Baking", "channel about Home Baking: a dish, technique or kitchen tip"),
        ("technology news", "channel about technology news: a development or concept in the field"),
        ("AI tools", "channel about AI tools: a tool, concept or trend"),
        ("mountain trails", "channel about mountain trails: something viewers of this channel"),  // "ai" inside a word
        ("", "on a YouTube channel: something viewers"),
    ])
    func theDefaultAskDependsOnTheChannelType(_ type: String, _ expected: String) {
        #expect(
            TopicPrompt.defaultAsk(channelType: type).contains(expected), "\(TopicPrompt.defaultAsk(channelType: type))"
        )
    }

    @Test(arguments: [
        ("en", "English"), ("de", "German"), ("pt-BR", "Portuguese (Brazil)"), ("pt_BR", "Portuguese (Brazil)"),
        ("", "English"), ("qq", "the language with the BCP-47 tag 'qq'"),
    ])
    func languagesAreNamedForTheModel(_ tag: String, _ expected: String) {
        #expect(PromptLanguage.name(of: tag) == expected)
    }

    @Test func recentTitlesAreListedOneALine() {
        let prompt = TopicPrompt(
            channelType: "history", language: "fr", prompt: nil, recentTitles: ["Rome\nfell", "Troy"])
        #expect(prompt.user.hasSuffix("suggest a close variation:\n- Rome fell\n- Troy"))
        #expect(prompt.system.contains("in French") && prompt.system.contains("JSON"))
        #expect(prompt.messages.map(\.role) == ["system", "user"])
    }

    @Test func theScriptPromptNamesTopicAngleAndLength() {
        let prompt = ScriptPrompt(
            channelType: "history", language: "en", prompt: "Make it dramatic.", topic: "The fall\nof Rome", angle: nil,
            words: 90)
        #expect(prompt.user == "Make it dramatic.\nTopic: The fall of Rome")
        #expect(prompt.system.contains("about 90 words"))
    }
}
