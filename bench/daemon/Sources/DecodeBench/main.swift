// Where `validate`'s decode of one account file spends its time (issue 17 item 1), one core, the files already in
// memory, in five passes: libyaml's events alone (the C floor's work); the event composer's node tree; the whole
// decode into the model through the tree (`ConfigDecoder.account` from the file's bytes: UTF-8 check, the tree, the
// decoders, the document); the same decode straight from the events (`ConfigDecoder.cleanAccount`, what `validate`
// and the daemon run first); and the tree's decode recording source marks.
//
//   DecodeBench CONFIG_DIR [ROUNDS]      (best of ROUNDS passes over every file in CONFIG_DIR/accounts.d)
import BenchConfig
import CLibYAML  // Debian's libyaml: visible through ShowrunnerYAML, which depends on it
import Foundation
import ShowrunnerYAML

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: DecodeBench CONFIG_DIR [ROUNDS]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1]).appendingPathComponent("accounts.d")
let rounds = max(1, arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5)
let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
let files = try names.map { (path: "accounts.d/" + $0, data: try Data(contentsOf: folder.appendingPathComponent($0))) }
let texts = files.map { String(decoding: $0.data, as: UTF8.self) }

/// libyaml's events, each parsed and freed, as bench/validate/floor.c does.
func eventCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return 0 }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var event = yaml_event_t()
        var count = 0
        while yaml_parser_parse(&parser, &event) == 1 {
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            count += 1
            if done { break }
        }
        return count
    }
}

func best(_ name: String, _ pass: () -> Int) {
    var times: [Double] = []
    var check = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        check = pass()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
    }
    let fastest = times.min()!
    let perFile = fastest / Double(files.count) * 1e6
    print(
        "\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", fastest * 1000)) ms"
            + "  \(String(format: "%5.1f", perFile)) µs/file  (check \(check))")
}

print("\(files.count) account files, \(files.reduce(0) { $0 + $1.data.count }) bytes, best of \(rounds), one core")
best("libyaml events only") { texts.reduce(0) { $0 + eventCount($1) } }
best("events → node tree (composer)") {
    texts.enumerated().reduce(0) { total, item in
        guard case .root = YAMLEventComposer.compose(item.element, file: files[item.offset].path) else { return total }
        return total + 1
    }
}
best("node tree → Account (whole decode)") {
    files.reduce(0) { total, file in
        let document = ConfigDecoder.account(data: file.data, path: file.path, hash: "-", marks: false)
        return document.value == nil ? total : total + 1
    }
}
best("events → Account (event decoder)") {
    files.reduce(0) { total, file in
        ConfigDecoder.cleanAccount(data: file.data, path: file.path, hash: "-") == nil ? total : total + 1
    }
}
best("node tree → Account, with marks") {
    files.reduce(0) { total, file in
        let document = ConfigDecoder.account(data: file.data, path: file.path, hash: "-", marks: true)
        return document.value == nil ? total : total + 1
    }
}
