import Testing

@testable import ShowrunnerCore

struct TemplateTests {
    @Test func splitsLiteralsAndReferences() throws {
        let template = try Template(parsing: "Hi {{ account.name }}, {{steps.topic.title}}!")
        #expect(
            template.parts == [
                .literal("Hi "), .reference(TemplateReference(path: "account.name")!), .literal(", "),
                .reference(TemplateReference(path: "steps.topic.title")!), .literal("!"),
            ])
    }

    @Test(arguments: ["{{ steps.topic.title", "{{ }}", "{{ a..b }}", "{{ a b }}", "{{ a.$ }}"])
    func rejects(_ text: String) {
        #expect(throws: Template.SyntaxError.self) { try Template(parsing: text) }
    }

    @Test func plainTextHasNoReferences() throws {
        #expect(try Template(parsing: "no templates here").references.isEmpty)
    }

    /// `cached(parsing:)` skips the byte scan of text without `{{`; the template must be the one the scan makes.
    @Test(arguments: ["", "a", "{ a }", "}}", "a{b}c", "${env:KEY}", "{", "Here is a long line of prose."])
    func textWithoutReferencesIsTheSameTemplateEitherWay(_ text: String) throws {
        #expect(try Template.cached(parsing: text) == Template(parsing: text))
    }
}

struct SecretScannerTests {
    @Test func findsReferences() throws {
        #expect(
            try SecretScanner.references(in: "Bearer ${env:TOKEN} and ${file:secrets/a.json}") == [
                SecretReference(source: .env, name: "TOKEN"), SecretReference(source: .file, name: "secrets/a.json"),
            ])
    }

    @Test(arguments: ["${env:TOKEN", "${vault:x}", "${env:}", "${TOKEN}"])
    func rejects(_ text: String) {
        #expect(throws: SecretScanner.Problem.self) { try SecretScanner.references(in: text) }
    }

    @Test(arguments: [("${env:A}", true), (" ${env:A}${file:b} ", true), ("sk-123", false), ("x${env:A}", false)])
    func onlyReferences(_ text: String, _ expected: Bool) {
        #expect(SecretScanner.isOnlyReferences(text) == expected)
    }

    @Test(arguments: [("api_key", true), ("openai_api_key", true), ("refresh_token", true), ("tokens", false)])
    func secretLookingKeys(_ key: String, _ expected: Bool) {
        #expect(SecretReference.looksSecret(key: key) == expected)
    }
}
