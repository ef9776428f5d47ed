import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct ChatReplyTests {
    @Test(
        arguments: [
            (#"{"title": "A"}"#, ["title": ConfigValue.string("A")]),
            ("```json\n{\"title\": \"A\"}\n```", ["title": .string("A")]),  // a fenced reply
            ("Here it is: {\"title\": \"A\"} Enjoy!", ["title": .string("A")]),  // prose around the object
            (#"  {"n": 1, "tags": ["x"]}  "#, ["n": .int(1), "tags": .strings("x")]),
        ] as [(String, [String: ConfigValue])])
    func theObjectIsFoundInTheContent(_ content: String, _ expected: [String: ConfigValue]) throws {
        #expect(try ChatReply.jsonObject(in: content, finishReason: "stop") == expected)
    }

    @Test func aRefusalIsTransientAndQuoted() {
        let body = #"{"choices": [{"message": {"role": "assistant", "content": null, "refusal": "I can't help."}}]}"#
        #expect(throws: StepFailure(.transient, "the model refused: “I can't help.”.")) {
            try ChatReply.content(of: Data(body.utf8))
        }
    }

    @Test(arguments: [
        ("short", "“short”"),
        ("  many\n\nlines\there ", "“many lines here”"),
        (String(repeating: "x", count: 61), "“" + String(repeating: "x", count: 60) + "…”"),
    ])
    func excerpt(_ text: String, _ expected: String) {
        #expect(ChatReply.excerpt(text) == expected)
    }

    @Test(arguments: [
        (400, #"{"error": {"code": "context_length_exceeded", "message": "too long"}}"#, true),
        (400, #"{"error": {"message": "This model's maximum context length is 4096 tokens"}}"#, true),
        (413, "Prompt is too long", true),
        (400, #"{"error": {"message": "Invalid 'temperature'"}}"#, false),
        (500, "context length", false),
    ])
    func contextLengthErrors(_ status: Int, _ body: String, _ expected: Bool) {
        #expect(ChatFailure.isContextLengthError(status: status, body: Data(body.utf8)) == expected)
    }
}
