/// The field names each kind of file may use, to warn about unknown fields
/// (usually typos: `sumary:` instead of `summary:`) with the closest known name.
indirect enum Schema: Sendable {
    /// A value whose inner structure is not checked.
    case value
    case record([String: Schema])
    case list(Schema)

    static let person = Schema.record(["name": .value, "position": .value, "organisation": .value, "email": .value, "phone": .value])
    static let period = Schema.record(["from": .value, "to": .value])
    static let organiser = Schema.record(["organisation": .value, "name": .value])
    static let attachment = Schema.record(["file": .value, "title": .value])
    static let ids = Schema.list(.value)

    /// A model's fields: every coding key of the type, structured where `nested` says how.
    /// Deriving the list from the keys the decoder reads keeps the two from drifting.
    static func fields<Key: CodingKey & CaseIterable>(of keys: Key.Type, nested: [String: Schema] = [:]) -> Schema {
        var record = Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.stringValue, Schema.value) })
        for (key, schema) in nested {
            precondition(record[key] != nil, "`\(key)` is not a coding key of \(Key.self)")
            record[key] = schema
        }
        return .record(record)
    }

    static let site = fields(of: SiteConfig.CodingKeys.self, nested: [
        "organisation": .record(["name": .value, "website": .value, "email": .value, "phone": .value, "address": .value]),
        "menu": .list(.record(["title": .value, "url": .value])),
    ])

    static let school = fields(of: School.CodingKeys.self, nested: [
        "director": person,
        "statuses": .list(.record(["year": .value, "status": .value])),
        "risk_profile": .record(["year": .value, "factors": ids]),
        "monitoring": .list(fields(of: MonitoringValue.CodingKeys.self)),
    ])

    static let network = fields(of: Network.CodingKeys.self, nested: [
        "period": period, "leaders": ids,
        "members": .list(.record(["school": .value, "from": .value, "to": .value])),
        "coordinator": person, "programs": ids,
    ])

    static let program = fields(of: Program.CodingKeys.self, nested: [
        "owner": organiser, "period": period,
        "approved": .record(["by": .value, "number": .value, "date": .value]),
        "legal_basis": ids, "tasks": ids,
        // Text or `{name, unit, baseline, target, actual}`; a text item is a value, so the record is checked only where written.
        "indicators": .list(fields(of: MeasuredIndicator.CodingKeys.self, nested: [
            "baseline": fields(of: YearValue.CodingKeys.self), "target": fields(of: YearValue.CodingKeys.self),
            "actual": .list(fields(of: YearValue.CodingKeys.self)),
        ])),
        "stages": .list(.record(["name": .value, "period": period, "content": .value])),
        "risks": .list(.record(["risk": .value, "measures": ids])),
        "expected_results": ids, "responsible": .list(person),
        "plan": .list(.record(["title": .value, "items": .list(fields(of: PlanItem.CodingKeys.self))])),
    ])

    static let practice = fields(of: Practice.CodingKeys.self, nested: [
        "schools": ids, "topics": ids, "risk_factors": ids, "subjects": ids, "levels": ids, "audiences": ids,
        "period": period, "contact": person,
        "results": .list(fields(of: ResultRow.CodingKeys.self)),
        "attachments": .list(attachment), "based_on": ids, "evidence": fields(of: Evidence.CodingKeys.self),
    ])

    static let seminar = fields(of: Seminar.CodingKeys.self, nested: [
        "organiser": organiser,
        "agenda": .list(.record([
            "time": .value, "title": .value, "practice": .value, "school": .value, "program": .value,
            "speakers": .list(.record(["name": .value, "position": .value, "school": .value])),
        ])),
        "materials": .list(.record(["file": .value, "url": .value, "title": .value])),
    ])

    static let digest = fields(of: Digest.CodingKeys.self, nested: [
        "practices": ids,
        "select": fields(of: DigestSelection.CodingKeys.self, nested: [
            "topics": ids, "risk_factors": ids, "subjects": ids, "networks": ids, "schools": ids, "years": ids,
        ]),
    ])

    static let register = fields(of: Register.CodingKeys.self, nested: [
        "approved": .record(["by": .value, "number": .value, "date": .value]),
        "lists": .list(.record(["name": .value, "schools": ids])),
    ])

    static let personProfile = fields(of: PersonProfile.CodingKeys.self, nested: ["roles": ids, "territories": ids, "schools": ids])

    static let vocabulary = Schema.list(.record(["id": .value, "label": .value, "description": .value]))
}
