import Foundation
import Yams

/// Decodes the Codable models straight from the node tree Yams composed.
/// Yams' own decoder looks every key up by walking the mapping and comparing
/// nodes, and wraps every value in several containers; for a front matter of
/// fifty values that cost more than parsing it. This one takes each mapping's
/// key names out once and finds keys among those strings. Errors are the
/// standard `DecodingError`s with coding paths, which
/// `YAMLReader` turns into positions.
struct NodeDecoder: Decoder {
    let node: Node
    /// The path is kept as the parent's path and this value's key, and joined
    /// only when asked for (in errors): a front matter has fifty values, and
    /// an array per value cost more than decoding them.
    private let parentPath: [CodingKey]
    private let key: CodingKey?
    let userInfo: [CodingUserInfoKey: Any]
    /// Added to YAML lines to give file lines (front matter starts below `---`).
    let lineOffset: Int

    init(node: Node, lineOffset: Int) {
        self.init(node: node, parentPath: [], key: nil, lineOffset: lineOffset,
                  userInfo: [LineOffset.key: lineOffset])
    }

    private init(node: Node, parentPath: [CodingKey], key: CodingKey?, lineOffset: Int, userInfo: [CodingUserInfoKey: Any]) {
        self.node = node
        self.parentPath = parentPath
        self.key = key
        self.lineOffset = lineOffset
        self.userInfo = userInfo
    }

    var codingPath: [CodingKey] { key.map { parentPath + [$0] } ?? parentPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let mapping = node.mapping else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard let sequence = node.sequence else {
            // `subjects: mathematics`: one value where a list is expected is a list of one.
            if node.scalar != nil, !isNull { return UnkeyedNodeContainer(decoder: self, elements: [node]) }
            throw mismatch([Any].self)
        }
        return UnkeyedNodeContainer(decoder: self, elements: Array(sequence))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleNodeContainer(decoder: self) }

    /// A child of a container, which passes its own path (made once per container).
    func child(_ node: Node, _ key: CodingKey, in path: [CodingKey]) -> NodeDecoder {
        NodeDecoder(node: node, parentPath: path, key: key, lineOffset: lineOffset, userInfo: userInfo)
    }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(type)"))
    }

    var isNull: Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// Types an empty value cannot stand for; others (text, wrappers) decide for themselves.
    static func isNumberOrFlag(_ type: Any.Type) -> Bool {
        type == Int.self || type == Double.self || type == Bool.self
    }

    func decodeScalar<T: Decodable>(_ type: T.Type) throws -> T {
        if type == String.self {
            guard let scalar = node.scalar else { throw mismatch(type) }
            return scalar.string as! T
        }
        if type == Int.self {
            guard let text = node.scalar?.string, let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
                throw mismatch(type)
            }
            return value as! T
        }
        if type == Double.self {
            guard let text = node.scalar?.string, let value = Double(text) else { throw mismatch(type) }
            return value as! T
        }
        if type == Bool.self {
            switch node.scalar?.string.lowercased() {
            case "true"?: return true as! T
            case "false"?: return false as! T
            default: throw mismatch(type)
            }
        }
        return try T(from: self)
    }
}

/// File line and column of the value being decoded: the node's mark shifted
/// by the front matter's line offset. (0, 0) when unknown.
func sourcePosition(of decoder: Decoder) -> (line: Int, column: Int) {
    if let decoder = decoder as? NodeDecoder {
        guard let mark = decoder.node.mark else { return (0, 0) }
        return (mark.line + decoder.lineOffset, mark.column)
    }
    guard let mark = decoder.mark else { return (0, 0) }
    return (mark.line + (decoder.userInfo[LineOffset.key] as? Int ?? 0), mark.column)
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    /// The mapping's keys and values, in order. A front matter mapping has a
    /// few dozen keys at most, and each is asked for once: a scan of short
    /// names costs less than hashing them into a dictionary first.
    private let names: [String]
    private let nodes: [Node]
    let codingPath: [CodingKey]

    init(decoder: NodeDecoder, mapping: Node.Mapping) {
        self.decoder = decoder
        var names: [String] = [], nodes: [Node] = []
        names.reserveCapacity(mapping.count)
        nodes.reserveCapacity(mapping.count)
        // Yams has already refused a key given twice, in any spelling.
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            names.append(name)
            nodes.append(value)
        }
        self.names = names
        self.nodes = nodes
        codingPath = decoder.codingPath
    }

    private func value(_ name: String) -> Node? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return nodes[index]
    }

    var allKeys: [Key] { names.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { names.contains(key.stringValue) }

    private func node(_ key: Key) throws -> Node {
        guard let node = value(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return node
    }

    private func child(_ node: Node, _ key: Key) -> NodeDecoder { decoder.child(node, key, in: codingPath) }

    func decodeNil(forKey key: Key) throws -> Bool { child(try node(key), key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let child = child(try node(key), key)
        if child.isNull, NodeDecoder.isNumberOrFlag(type) {
            throw DecodingError.valueNotFound(type, .init(codingPath: child.codingPath, debugDescription: "empty value"))
        }
        return try child.decodeScalar(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = value(key.stringValue) else { return nil }
        let child = child(node, key)
        return child.isNull ? nil : try child.decodeScalar(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(try node(key), key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try child(try node(key), key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> Decoder { child(try node(key), key) }
}

private struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let elements: [Node]
    let codingPath: [CodingKey]
    var currentIndex = 0

    init(decoder: NodeDecoder, elements: [Node]) {
        self.decoder = decoder
        self.elements = elements
        codingPath = decoder.codingPath
    }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { return nil }
    }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "no more elements"))
        }
        defer { currentIndex += 1 }
        return decoder.child(elements[currentIndex], Index(currentIndex), in: codingPath)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.child(elements[currentIndex], Index(currentIndex), in: codingPath).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeScalar(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> Decoder { try next() }
}

private struct SingleNodeContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if decoder.isNull, NodeDecoder.isNumberOrFlag(type) {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "empty value"))
        }
        return try decoder.decodeScalar(type)
    }
}
