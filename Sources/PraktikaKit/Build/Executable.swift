import Foundation

/// Finds a helper program (WeasyPrint, Pagefind): an environment variable
/// naming it wins (empty means "do without"), then the PATH.
enum Executable {
    static func find(_ names: [String], override variable: String) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment[variable] {
            return explicit.isEmpty ? nil : URL(fileURLWithPath: explicit)
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in names {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }
}
