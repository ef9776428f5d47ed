import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerSteps

/// `doctor`'s checks of the store, the YouTube credentials and the free space in the state folder.
struct DoctorState {
    let settings: DaemonSettings
    let stateDirectory: URL
    let configDirectory: URL
    /// Below this many free bytes in the state folder `doctor` fails; below four times as many it warns.
    let minimumFreeBytes: Int64

    /// The store opens and answers; the auth flags it holds (Google refused a token), by account.
    func store() async -> (DoctorCheck, [String: String]) {
        if settings.store == .sqlite {
            let file = stateDirectory.appendingPathComponent("showrunner.sqlite")
            guard FileManager.default.fileExists(atPath: file.path) else {
                return (
                    DoctorCheck("store", .warning, "no store yet at \(file.path); `showrunner run` creates it"), [:]
                )
            }
        }
        do {
            let store = try await StoreOpener.open(
                settings.store, stateDirectory: stateDirectory, configDirectory: configDirectory,
                logger: Logger(label: "showrunner.doctor"))
            let states = try await store.accountStates()
            let flags = states.compactMapValues(\.authFlag)
            return (DoctorCheck("store", .ok, "\(where_) answers (\(states.count) accounts with state)"), flags)
        } catch let failure as CommandFailure {
            return (DoctorCheck("store", .error, failure.message), [:])
        } catch {
            return (DoctorCheck("store", .error, "\(where_) does not answer: \(error)"), [:])
        }
    }

    private var where_: String {
        settings.store == .sqlite ? stateDirectory.appendingPathComponent("showrunner.sqlite").path : "PostgreSQL"
    }

    /// The account's credentials resolve to Google's authorized-user JSON and Google did not refuse them last time.
    func youTube(_ account: Account, authFlag: String?) -> DoctorCheck {
        let name = "youtube \(account.id)"
        guard let reference = account.channel.youtube?.credentials?.trimmingWhitespace(), !reference.isEmpty else {
            return DoctorCheck(
                name, .error, "no channel.youtube.credentials; run: showrunner auth youtube \(account.id)")
        }
        let text: String
        do { text = try SecretResolver(configDirectory: configDirectory).resolveAll(in: reference) } catch {
            return DoctorCheck(name, .error, "\(reference): \(error.message)")
        }
        let problems = YouTubeCredentialsCheck.problems(in: text)
        guard problems.isEmpty else { return DoctorCheck(name, .error, problems.joined(separator: " ")) }
        if let authFlag {
            return DoctorCheck(
                name, .error,
                "Google refused these credentials at the last upload (\(authFlag)); they expired or were revoked: "
                    + "run showrunner auth youtube \(account.id)")
        }
        return DoctorCheck(name, .ok, "\(reference) has a refresh token that Google has not refused")
    }

    /// Free bytes and inodes of the file system that holds the state folder (or its nearest existing parent).
    func disk() -> DoctorCheck {
        var folder = stateDirectory.standardizedFileURL
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        var stats = statvfs()
        guard statvfs(folder.path, &stats) == 0 else {
            return DoctorCheck("disk", .error, "cannot read the free space of \(folder.path)")
        }
        let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
        let detail =
            "\(DiskSize.text(free)) and \(stats.f_favail) inodes free in \(folder.path) "
            + "(needs \(DiskSize.text(minimumFreeBytes)))"
        let status: DoctorCheck.Status =
            free < minimumFreeBytes ? .error : free < minimumFreeBytes * 4 ? .warning : .ok
        return DoctorCheck("disk", status, detail)
    }
}
