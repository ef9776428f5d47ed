/// A helper program that did not exit 0: its command line, status and last words.
public struct ProgramFailed: Error, CustomStringConvertible {
    public var program: String
    public var arguments: [String]
    public var output: TestProgram.Output?

    public init(program: String, arguments: [String], output: TestProgram.Output? = nil) {
        self.program = program
        self.arguments = arguments
        self.output = output
    }

    public var description: String {
        let command = "\(program) \(arguments.joined(separator: " "))"
        guard let output else { return "\(command) failed" }
        return "\(command) failed (\(output.status)): \(output.stderr.suffix(2000))"
    }
}
