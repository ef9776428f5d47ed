import Foundation
import ShowrunnerCore

/// The JSON text of step outputs and artifact lists, as stored in `step_attempts`.
package enum StepJSON {
    /// Compact, keys sorted, like `ConfigValue.jsonText`; but a value JSON cannot hold (NaN) is an error, not "{}".
    package static func text(_ outputs: [String: ConfigValue], runID: String, stepID: String) throws -> String {
        do {
            return String(decoding: try encoder().encode(outputs), as: UTF8.self)
        } catch {
            throw StoreError.outputsNotJSON(runID: runID, stepID: stepID, reason: "\(error)")
        }
    }

    package static func text(_ artifacts: [String]) throws -> String {
        String(decoding: try encoder().encode(artifacts), as: UTF8.self)
    }

    package static func outputs(_ text: String) throws -> [String: ConfigValue] {
        try decode([String: ConfigValue].self, text, column: "outputs")
    }

    package static func artifacts(_ text: String) throws -> [String] {
        try decode([String].self, text, column: "artifacts")
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.unreadableValue(table: "step_attempts", column: column, reason: "\(error)")
        }
    }
}
