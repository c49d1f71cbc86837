import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket, for testing the dev
/// server without depending on URLSession's platform differences.
final class LoopbackHTTP: @unchecked Sendable {
    let fd: Int32

    init(port: Int, path: String, host: String = "127.0.0.1") throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
    }

    deinit { close(fd) }

    /// Reads until `done` accepts what arrived, or the deadline passes.
    func read(until done: (String) -> Bool, seconds: Double) -> String {
        var received = Data()
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { received.append(contentsOf: buffer[0..<count]) }
            if count == 0 { break }
            if done(String(decoding: received, as: UTF8.self)) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Blocking socket calls must not hold one of Swift's few cooperative
    /// threads, or the server under test may get no thread to answer on.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    static func get(port: Int, path: String, host: String = "127.0.0.1") async -> String {
        await offPool { get(port: port, path: path, host: host) }
    }

    func read(until done: @escaping @Sendable (String) -> Bool, seconds: Double) async -> String {
        await Self.offPool { [self] in read(until: done, seconds: seconds) }
    }

    static func get(port: Int, path: String, host: String = "127.0.0.1") -> String {
        // The listening socket may lag the "running" callback by a moment under load.
        for _ in 0..<50 {
            if let client = try? LoopbackHTTP(port: port, path: path, host: host) {
                return client.read(until: { _ in false }, seconds: 15)
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return ""
    }
}
