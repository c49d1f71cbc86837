import Mustache

// A section opened on a string (`{{#date}}…{{/date}}`) puts the string on
// swift-mustache's context stack; every name looked up inside then asks the
// string for a child of that name, which the library answers by building a
// Mirror of the string — a few microseconds per lookup, dozens per page. A
// string or a number has no named children, so the answer is given directly:
// the same nil, without the reflection.
extension String: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}

extension Int: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}
