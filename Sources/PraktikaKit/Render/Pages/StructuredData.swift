import Foundation

/// schema.org JSON-LD, so that search engines show schools, seminars and
/// practices with their dates, places and authors.
extension PageContext {
    func jsonLD(_ object: [String: Any?]) -> String {
        var clean = object.compactMapValues { $0 }
        clean["@context"] = "https://schema.org"
        return JSONText.encode(clean)
    }

    private var publisher: [String: Any]? {
        env.site.organisation.map { ["@type": "Organization", "name": $0.name, "url": $0.website as Any].compactMapValues { $0 } }
    }

    func practiceJSONLD(_ practice: Entry<Practice>) -> String {
        let authors: [[String: Any]] = practice.schools.compactMap { graph.schools[$0.value] }.map {
            ["@type": "EducationalOrganization", "name": $0.name]
        }
        return jsonLD([
            "@type": "Article", "headline": practice.title, "description": practice.summary,
            "datePublished": practice.date?.isoDate, "dateModified": (practice.updated ?? practice.date)?.isoDate,
            "author": authors, "publisher": publisher, "inLanguage": env.site.language,
            "url": env.absoluteURL(SitePaths.entity(.practice, practice.id)),
            "about": practice.topics.compactMap { graph.term(.topics, $0.value)?.label },
        ])
    }

    func schoolJSONLD(_ school: Entry<School>) -> String {
        jsonLD([
            "@type": "EducationalOrganization", "name": school.name, "alternateName": school.shortName,
            "address": school.address.map { ["@type": "PostalAddress", "streetAddress": $0,
                                             "addressRegion": school.region as Any, "addressLocality": (school.locality ?? school.municipality) as Any]
                .compactMapValues { $0 } },
            "telephone": school.phone, "email": school.email, "sameAs": school.website,
            "url": env.absoluteURL(SitePaths.entity(.school, school.id)),
        ])
    }

    func seminarJSONLD(_ seminar: Entry<Seminar>) -> String {
        let mode: String
        switch seminar.format {
        case .online?: mode = "https://schema.org/OnlineEventAttendanceMode"
        case .hybrid?: mode = "https://schema.org/MixedEventAttendanceMode"
        default: mode = "https://schema.org/OfflineEventAttendanceMode"
        }
        let host = seminar.host.flatMap { graph.schools[$0.value] }
        let place: [String: Any]? = (host != nil || seminar.venue != nil)
            ? ["@type": "Place", "name": seminar.venue ?? host!.name, "address": (host?.address ?? seminar.venue) as Any].compactMapValues { $0 }
            : nil
        let organiser: [String: Any]?
        switch seminar.organiser {
        case .school(let id)?: organiser = graph.schools[id.value].map { ["@type": "EducationalOrganization", "name": $0.name] }
        case .organisation(let name)?: organiser = ["@type": "Organization", "name": name]
        case nil: organiser = nil
        }
        return jsonLD([
            "@type": "Event", "name": seminar.title, "startDate": seminar.date.isoDate, "endDate": (seminar.endDate?.value ?? seminar.date).isoDate,
            "eventAttendanceMode": mode, "eventStatus": "https://schema.org/EventScheduled",
            "location": place, "organizer": organiser, "inLanguage": env.site.language,
            "url": env.absoluteURL(SitePaths.entity(.seminar, seminar.id)),
            "description": seminar.body.map { Self.plainText($0.text, limit: 200) },
        ])
    }
}
