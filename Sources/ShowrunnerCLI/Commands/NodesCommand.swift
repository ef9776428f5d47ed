import ArgumentParser
import Foundation
import ShowrunnerCore

/// `showrunner nodes`: the daemons sharing the PostgreSQL store, their heartbeat and config revision.
struct NodesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodes", abstract: "List the nodes of a cluster (daemons sharing a PostgreSQL store).")

    @OptionGroup var options: ConfigOptions

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if format == .github { throw ValidationError("--format github is only for validate.") }
    }

    func run() async throws {
        let store = try await Runtime.openStore(options: options)
        guard let registry = store as? any ClusterRegistry else {
            throw CommandFailure("the store is SQLite (one daemon); set store: to a PostgreSQL URL to run a cluster.")
        }
        let view = ClusterView(
            store: "postgres", nodes: try await registry.nodes(), now: Date(), lease: ClusterLease.lease)
        if format == .json {
            print(try JSONOutput.encode(view))
        } else if view.nodes.isEmpty {
            print("No node has started on this store yet.")
        } else {
            print(Self.table(view))
        }
    }

    static func table(_ view: ClusterView) -> String {
        var lines = ["NODE  STATE  HEARTBEAT  RUNNING  VERSION  CONFIG"]
        for entry in view.nodes {
            let node = entry.node
            let state = entry.alive ? "alive" : "gone"
            let revision = (node.configRevision ?? "-") + (entry.staleConfig ? " (differs)" : "")
            lines.append(
                "\(node.name)  \(state)  \(entry.heartbeatAgeSeconds)s ago  \(node.running)/\(node.capacity)  "
                    + "\(node.version)  \(revision)")
        }
        return lines.joined(separator: "\n")
    }
}
