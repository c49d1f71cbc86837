import Foundation
import Mustache

/// A typed view model. Templates reach its values through swift-mustache's
/// `MustacheParent` hook, by the names in `fields`; the same table tells the
/// template check which names exist and what a section opens on.
protocol TemplateModel: MustacheParent, Sendable {
    static var fields: [String: TemplateField<Self>] { get }
}

extension TemplateModel {
    /// A name the model has but without a value is absent here: Mustache
    /// would otherwise look it up in the sections around, and a plan group
    /// without a title would show the program's.
    func child(named name: String) -> Any? {
        guard let field = Self.fields[name] else { return nil }
        return field.value(self) ?? NSNull()
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

    /// A list that may be absent: `{{^empty(list)}}` opens on an absent list, not on an empty one.
    static func optionalList<Child: TemplateModel>(_ get: @escaping @Sendable (Model) -> [Child]?) -> Self {
        Self(value: { get($0) }, opens: Child.self)
    }

    static func number(_ get: @escaping @Sendable (Model) -> Int?) -> Self {
        Self(value: { get($0) }, opens: nil)
    }

    /// A list of texts (HTML of Markdown items); a section on it opens each text.
    static func texts(_ get: @escaping @Sendable (Model) -> [String]) -> Self {
        Self(value: { get($0) }, opens: nil)
    }

    /// A value the theme reads whole, such as the interface strings.
    static func opaque(_ get: @escaping @Sendable (Model) -> Any?) -> Self {
        Self(value: get, opens: nil)
    }
}

extension Dictionary where Key == String {
    /// A part's names as names of the whole: a list item that is a school link
    /// plus its own period reads the link's names as its own.
    static func lifting<Whole, Part>(_ fields: [String: TemplateField<Part>], from part: KeyPath<Whole, Part> & Sendable) -> Self
    where Value == TemplateField<Whole> {
        fields.mapValues { field in
            TemplateField<Whole>(value: { field.value($0[keyPath: part]) }, opens: field.opens)
        }
    }

    /// The union of two tables; `other`'s names win.
    func adding(_ other: Self) -> Self { merging(other) { _, own in own } }
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
