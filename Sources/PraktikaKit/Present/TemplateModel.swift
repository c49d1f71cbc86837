import Mustache

/// A typed view model. Templates reach its values through swift-mustache's
/// `MustacheParent` hook, by the names in `fields`; the same table tells the
/// template check which names exist and what a section opens on.
protocol TemplateModel: MustacheParent, Sendable {
    static var fields: [String: TemplateField<Self>] { get }
}

extension TemplateModel {
    func child(named name: String) -> Any? {
        Self.fields[name]?.value(self)
    }
}

/// One name a template may read, how to get its value, and — for a model or
/// a list of models — the type a section on it opens.
struct TemplateField<Model>: Sendable {
    let value: @Sendable (Model) -> Any?
    let opens: (any TemplateModel.Type)?

    /// Text; empty text is no value, since in Mustache it would still open a section.
    static func text(_ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(value: { model in get(model).flatMap { $0.isEmpty ? nil : $0 } }, opens: nil)
    }

    static func flag(_ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(value: { get($0) }, opens: nil)
    }

    static func model<Child: TemplateModel>(_ get: @escaping @Sendable (Model) -> Child?) -> Self {
        Self(value: { get($0) }, opens: Child.self)
    }

    static func list<Child: TemplateModel>(_ get: @escaping @Sendable (Model) -> [Child]) -> Self {
        Self(value: { get($0) }, opens: Child.self)
    }
}

/// The names of a model type, for the template check.
enum TemplateFields {
    static func names(of type: any TemplateModel.Type) -> [String: (any TemplateModel.Type)?] {
        func open<Model: TemplateModel>(_ type: Model.Type) -> [String: (any TemplateModel.Type)?] {
            Model.fields.mapValues(\.opens)
        }
        return open(type)
    }
}
