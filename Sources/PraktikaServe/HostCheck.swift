import Foundation
import Hummingbird

/// Answers only requests addressed to the address being served: a page of
/// another site that makes the browser call 127.0.0.1 under its own name
/// (DNS rebinding) gets 421 and nothing of the site.
struct HostCheck<Context: RequestContext>: RouterMiddleware {
    let allowed: @Sendable (String?) -> Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard allowed(request.head.authority) else {
            return Response(status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "praktika serve answers only requests to the address it serves\n")))
        }
        return try await next(request, context)
    }

    /// The names a served address may be called by: the address itself, and
    /// `localhost` for a loopback address. A wildcard bind (0.0.0.0, ::) was
    /// asked for explicitly; it answers IP addresses, localhost and this machine's name.
    static func accepts(_ header: String?, boundHost: String, port: Int) -> Bool {
        guard let header, !header.isEmpty else { return false }
        var name = header.lowercased(), givenPort: Int?
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            let rest = name[name.index(after: close)...]
            if rest.hasPrefix(":") { givenPort = Int(rest.dropFirst()); if givenPort == nil { return false } } else if !rest.isEmpty { return false }
            name = String(name[name.index(after: name.startIndex)..<close])
        } else if let colon = name.lastIndex(of: ":") {
            guard let value = Int(name[name.index(after: colon)...]) else { return false }
            givenPort = value
            name = String(name[..<colon])
        }
        if let givenPort, givenPort != port { return false }
        let bound = boundHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == bound { return true }
        let loopback = ["127.0.0.1", "::1", "localhost"]
        if loopback.contains(bound) { return loopback.contains(name) }
        if bound == "0.0.0.0" || bound == "::" {
            if loopback.contains(name) || isIPAddress(name) { return true }
            let machine = ProcessInfo.processInfo.hostName.lowercased()
            return name == machine || name == machine + ".local"
        }
        return false
    }

    private static func isIPAddress(_ name: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }
}
