import Mustache

// swift-mustache asks every value it renders a chain of dynamic questions —
// a template? a custom renderable? a lambda? an optional? — before printing
// it with `String(describing:)`; and every name looked up inside a section
// opened on a string (`{{#date}}…{{/date}}`) asks that string for a child,
// which the library answers by building a Mirror of it. Pages are made of
// strings, so both answers are given up front through the library's own
// extension points: a string renders as itself and has no named children.
// The output is the same; the reflection and the failed casts are gone.
extension String: @retroactive MustacheCustomRenderable, @retroactive MustacheParent {
    public var renderText: String { self }
    public var isNull: Bool { false }
    public func child(named: String) -> Any? { nil }
}

extension Int: @retroactive MustacheCustomRenderable, @retroactive MustacheParent {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
    public func child(named: String) -> Any? { nil }
}

/// A page's view model as the root of the render. swift-mustache asks the
/// root object, for almost every name a page looks up, whether it is a
/// `MustacheParent`; for a dictionary — a generic type whose conformance is
/// conditional — that question costs about a third more than for this plain
/// struct, so the root is wrapped once per page. Nested values stay dictionaries.
struct RootModel: MustacheParent {
    let values: [String: Any]
    func child(named name: String) -> Any? { values[name] }
}
