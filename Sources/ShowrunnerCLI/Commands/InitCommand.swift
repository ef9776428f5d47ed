import ArgumentParser
import Foundation

/// `showrunner init [DIR]`: scaffolds a config folder that validates and renders offline.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a config folder with one example account and pipeline (existing files are kept)."
    )

    @Argument(help: "The folder to create (default: the current directory).")
    var directory = "."

    func run() throws {
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        var created: [String] = []
        for (path, contents) in InitTemplates.files + InitTemplates.schemaFiles {
            let url = base.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) {
                print("kept     \(path) (already exists)")
                continue
            }
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url)
            } catch {
                throw CommandFailure("cannot write \(url.path): \(error.localizedDescription)")
            }
            created.append(path)
            print("created  \(path)")
        }
        print("\nNext: showrunner validate --config \(directory)   (then edit accounts.d/my-channel.yaml)")
    }
}
