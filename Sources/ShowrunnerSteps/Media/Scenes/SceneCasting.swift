/// Chooses a library item for each scene, never one item twice in a video (unless the library has fewer items
/// than scenes): the item whose tags share the most words with the scene's text; with no match, one the account's
/// recent videos did not use, else the one used longest ago. Ties are broken by `randomIndex`.
struct SceneCasting: Sendable {
    /// Paths the account's recent videos used, newest first.
    var recent: [String]
    var randomIndex: @Sendable (Int) -> Int

    func cast(_ scenes: [Scene], from library: [LibraryItem]) -> [LibraryItem] {
        var used: Set<String> = []
        var chosen: [LibraryItem] = []
        for scene in scenes {
            var available = library.filter { !used.contains($0.path) }
            if available.isEmpty { available = library }
            let item = choose(for: Keywords.words(in: scene.text), among: available)
            used.insert(item.path)
            chosen.append(item)
        }
        return chosen
    }

    private func choose(for words: Set<String>, among items: [LibraryItem]) -> LibraryItem {
        let scores = items.map { $0.tags.intersection(words).count }
        let best = scores.max() ?? 0
        let matching = best > 0 ? items.indices.filter { scores[$0] == best }.map { items[$0] } : items
        let freshest = matching.map(age).max() ?? 0
        let candidates = matching.filter { age($0) == freshest }
        return candidates[min(max(randomIndex(candidates.count), 0), candidates.count - 1)]
    }

    /// How long ago the item was used: `Int.max` for never, else its distance from the newest use.
    private func age(_ item: LibraryItem) -> Int {
        recent.firstIndex(of: item.path) ?? Int.max
    }
}
