import Foundation

/// schema.org JSON-LD, so that search engines show schools, seminars and
/// practices with their dates, places and authors.
extension PageContext {
    func jsonLD(_ object: JSONValue) -> String {
        guard case .object(var fields) = object else { return object.text }
        fields["@context"] = "https://schema.org"
        return JSONValue.object(fields).text
    }

    private var publisher: JSONValue? {
        env.site.organisation.map { ["@type": "Organization", "name": .string($0.name), "url": .text(URLRule.allowed($0.website?.value))] }
    }

    func practiceJSONLD(_ practice: Entry<Practice>) -> String {
        let authors: [JSONValue] = practice.schools.compactMap { graph.schools[$0.value] }.map {
            ["@type": "EducationalOrganization", "name": .string($0.name)]
        }
        return jsonLD([
            "@type": "Article", "headline": .string(practice.title), "description": .string(practice.summary),
            "datePublished": .text(practice.date?.isoDate), "dateModified": .text((practice.updated ?? practice.date)?.isoDate),
            "author": .array(authors), "publisher": publisher, "inLanguage": .string(env.site.language),
            "url": .text(env.absoluteURL(SitePaths.entity(.practice, practice.id))),
            "about": .array(practice.topics.compactMap { graph.term(.topics, $0.value).map { .string($0.label) } }),
            // A replication names what it adapts.
            "isBasedOn": practice.basedOn.isEmpty ? nil : .array(practice.basedOn.compactMap { source in
                graph.practices[source.value].map { ["@type": "Article", "headline": .string($0.title),
                                                     "url": .text(env.absoluteURL(SitePaths.entity(.practice, $0.id)))] as JSONValue }
            }),
        ])
    }

    func schoolJSONLD(_ school: Entry<School>) -> String {
        jsonLD([
            "@type": "EducationalOrganization", "name": .string(school.name), "alternateName": .text(school.shortName),
            "address": school.address.map { ["@type": "PostalAddress", "streetAddress": .string($0),
                                             "addressRegion": .text(school.region), "addressLocality": .text(school.locality ?? school.municipality)] },
            "telephone": .text(school.phone), "email": .text(school.email), "sameAs": .text(URLRule.allowed(school.website?.value)),
            "url": .text(env.absoluteURL(SitePaths.entity(.school, school.id))),
        ])
    }

    func seminarJSONLD(_ seminar: Entry<Seminar>) -> String {
        let mode: JSONValue
        switch seminar.format {
        case .online?: mode = "https://schema.org/OnlineEventAttendanceMode"
        case .hybrid?: mode = "https://schema.org/MixedEventAttendanceMode"
        default: mode = "https://schema.org/OfflineEventAttendanceMode"
        }
        let host = seminar.host.flatMap { graph.schools[$0.value] }
        let place: JSONValue? = (host != nil || seminar.venue != nil)
            ? ["@type": "Place", "name": .text(seminar.venue ?? host!.name), "address": .text(host?.address ?? seminar.venue)]
            : nil
        let organiser: JSONValue?
        switch seminar.organiser {
        case .school(let id)?: organiser = graph.schools[id.value].map { ["@type": "EducationalOrganization", "name": .string($0.name)] }
        case .organisation(let name)?: organiser = ["@type": "Organization", "name": .string(name)]
        case nil: organiser = nil
        }
        return jsonLD([
            "@type": "Event", "name": .string(seminar.title), "startDate": .string(seminar.date.isoDate),
            "endDate": .string((seminar.endDate?.value ?? seminar.date).isoDate),
            "eventAttendanceMode": mode, "eventStatus": "https://schema.org/EventScheduled",
            "location": place, "organizer": organiser, "inLanguage": .string(env.site.language),
            "url": .text(env.absoluteURL(SitePaths.entity(.seminar, seminar.id))),
            "description": .text(seminar.body.map { Self.plainText(Markdown.plainText($0.text), limit: 200) }),
        ])
    }
}
