import Foundation
import ShowrunnerCore

/// Chooses the music bed: `music` names one audio file or a folder of them; from a folder, a track the account's
/// recent videos did not use (else the one used longest ago), ties broken by `randomIndex`.
enum MusicLibrary {
    static let audioExtensions: Set<String> = ["mp3", "wav", "ogg", "oga", "opus", "m4a", "aac", "flac"]

    static func tracks(at url: URL) throws(StepFailure) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw StepFailure(.permanent, "input 'music': the music file or folder \(url.path) does not exist.")
        }
        guard isFolder.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let tracks = names.sorted().filter { audioExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
        guard !tracks.isEmpty else {
            throw StepFailure(
                .permanent, "the music folder \(url.path) has no audio files (mp3, wav, ogg, opus, m4a, flac).")
        }
        return tracks.map { url.appendingPathComponent($0) }
    }

    /// `recent`: the tracks of recent videos, newest first.
    static func pick(_ tracks: [URL], recent: [String], randomIndex: (Int) -> Int) -> URL {
        let age = { (track: URL) in recent.firstIndex(of: track.path) ?? Int.max }
        let oldest = tracks.map(age).max() ?? Int.max
        let candidates = tracks.filter { age($0) == oldest }
        return candidates[min(max(randomIndex(candidates.count), 0), candidates.count - 1)]
    }
}
