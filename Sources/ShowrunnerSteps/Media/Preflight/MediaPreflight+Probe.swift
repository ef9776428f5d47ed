import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension MediaPreflight {
    /// How the preflight looks at the machine; every look-up can be replaced in tests.
    public struct Probe: Sendable {
        /// The path of an executable program on `PATH`, or nil.
        public var findProgram: @Sendable (_ name: String) -> String?
        /// What a program prints on stdout, or nil when it is missing or fails.
        public var output: @Sendable (_ program: String, _ arguments: [String]) async -> String?
        public var fileExists: @Sendable (_ path: String) -> Bool

        public init(
            findProgram: @escaping @Sendable (String) -> String?,
            output: @escaping @Sendable (String, [String]) async -> String?,
            fileExists: @escaping @Sendable (String) -> Bool
        ) {
            self.findProgram = findProgram
            self.output = output
            self.fileExists = fileExists
        }

        /// The real `PATH`, programs and file system.
        public static var system: Probe {
            let tool = MediaTool(grace: .seconds(2))
            let folder = FileManager.default.temporaryDirectory
            return Probe(
                findProgram: { searchPath(for: $0) },
                output: { program, arguments in await tool.output(program, arguments, in: folder) },
                fileExists: { FileManager.default.fileExists(atPath: $0) })
        }

        /// The first executable file named `name` in the `PATH` folders.
        static func searchPath(
            for name: String, path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        ) -> String? {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = "\(folder)/\(name)"
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                    access(candidate, X_OK) == 0
                {
                    return candidate
                }
            }
            return nil
        }
    }
}
