import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct TitleSimilarityTests {
    @Test(arguments: [
        ("Why Risotto Needs Warm Stock", "why risotto needs WARM stock!", true),  // case and punctuation
        ("Crème brûlée at home", "Creme Brulee at Home", true),  // accents
        ("How to cook rice", "How to cook perfect rice", true),  // Jaccard 4/5 = 0.8
        ("10 Pasta Tricks", "10 pasta trick", true),  // one edit in 15 characters
        ("Knife skills: dicing an onion", "Dicing an onion: knife skills", true),  // same words, other order
        ("東京の歴史を五分で", "東京の歴史を5分で", true),  // no spaces: edit distance only, 1 in 9 characters
        ("東京の歴史を五分で", "京都の料理を五分で", false),
        ("Top 5 facts about Mars", "Top 5 facts about Venus", false),  // 4/6 words, 5 edits
        ("How to cook rice", "How to cook pasta", false),  // 3/5 words
        ("Cats", "Bats", false),  // short titles allow no edits
        ("Bread", "", false),
        ("!!!", "???", false),  // nothing left to compare
    ])
    func nearDuplicates(_ first: String, _ second: String, _ expected: Bool) {
        let similarity = TitleSimilarity()
        #expect(similarity.areNearDuplicates(first, second) == expected)
        #expect(similarity.areNearDuplicates(second, first) == expected)
    }

    @Test func theFirstRecentTitleThatMatchesIsNamed() {
        let recent = ["Sourdough starter basics", "Pan sauces from fond", "Pan Sauces From Fond!"]
        #expect(TitleSimilarity().nearDuplicate(of: "pan sauces from fond", in: recent) == "Pan sauces from fond")
        #expect(TitleSimilarity().nearDuplicate(of: "Braising 101", in: recent) == nil)
    }

    @Test(arguments: [
        ("  Crème   Brûlée: the *best* way! ", "creme brulee the best way"),
        ("C'est l'été", "c est l ete"),
        ("東京の歴史", "東京の歴史"),
        ("---", ""),
    ])
    func normalise(_ title: String, _ expected: String) {
        #expect(TitleSimilarity.normalise(title) == expected)
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("abc", "abc", 0), ("flaw", "lawn", 2)])
    func editDistance(_ first: String, _ second: String, _ expected: Int) {
        #expect(Suggestion.distance(first, second) == expected)
    }
}
