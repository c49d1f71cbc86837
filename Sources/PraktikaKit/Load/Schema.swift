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

    static let site = Schema.record([
        "title": .value, "description": .value, "base_url": .value, "language": .value, "theme": .value,
        "organisation": .record(["name": .value, "website": .value, "email": .value, "phone": .value, "address": .value]),
        "menu": .list(.record(["title": .value, "url": .value])),
    ])

    static let school = Schema.record([
        "name": .value, "short_name": .value, "region": .value, "municipality": .value, "locality": .value,
        "address": .value, "website": .value, "email": .value, "phone": .value, "students": .value,
        "director": person,
        "statuses": .list(.record(["year": .value, "status": .value])),
        "risk_profile": .record(["year": .value, "factors": ids]),
    ])

    static let network = Schema.record([
        "name": .value, "level": .value, "region": .value, "period": period, "leader": .value, "leaders": ids,
        "members": .list(.record(["school": .value, "from": .value, "to": .value])),
        "coordinator": person, "programs": ids,
    ])

    static let program = Schema.record([
        "title": .value, "kind": .value, "owner": organiser, "network": .value, "period": period,
        "approved": .record(["by": .value, "number": .value, "date": .value]),
        "legal_basis": ids, "goal": .value, "tasks": ids, "indicators": ids,
        "stages": .list(.record(["name": .value, "period": period, "content": .value])),
        "resources": .value,
        "risks": .list(.record(["risk": .value, "measures": ids])),
        "expected_results": ids, "responsible": .list(person),
        "plan": .list(.record(["title": .value, "items": .list(.record([
            "number": .value, "action": .value, "executor": .value, "due": .value, "result": .value,
        ]))])),
        "description": .value,
    ])

    static let practice = Schema.record([
        "title": .value, "summary": .value, "schools": ids, "network": .value, "program": .value,
        "topics": ids, "risk_factors": ids, "subjects": ids, "levels": ids, "audiences": ids,
        "period": period, "status": .value, "contact": person,
        "results": .list(.record(["indicator": .value, "before": .value, "after": .value, "unit": .value, "source": .value])),
        "resources": .value, "replicability": .value, "attachments": .list(attachment), "date": .value, "updated": .value,
    ])

    static let seminar = Schema.record([
        "title": .value, "date": .value, "end_date": .value, "kind": .value, "level": .value, "format": .value,
        "organiser": organiser, "host": .value, "venue": .value, "network": .value, "audience": .value,
        "participants": .value,
        "agenda": .list(.record([
            "time": .value, "title": .value, "practice": .value, "school": .value,
            "speakers": .list(.record(["name": .value, "position": .value, "school": .value])),
        ])),
        "materials": .list(.record(["file": .value, "url": .value, "title": .value])),
        "digest": .value,
    ])

    static let digest = Schema.record([
        "title": .value, "subtitle": .value, "date": .value, "seminar": .value, "practices": ids, "order": .value,
        "intro": .value,
        "select": .record([
            "topics": ids, "risk_factors": ids, "subjects": ids, "networks": ids, "schools": ids, "years": ids, "status": .value,
        ]),
    ])

    static let vocabulary = Schema.list(.record(["id": .value, "label": .value, "description": .value]))

    static func forKind(_ kind: EntityKind) -> Schema {
        switch kind {
        case .school: return school
        case .network: return network
        case .program: return program
        case .practice: return practice
        case .seminar: return seminar
        case .digest: return digest
        }
    }
}
