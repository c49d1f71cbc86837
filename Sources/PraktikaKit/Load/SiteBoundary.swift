import Foundation

/// Symlinks may point anywhere inside the site, never out of it: content
/// files, attachments, theme files and the theme folder itself are read only
/// when their real path (every link resolved) lies inside the site's real path.
enum SiteBoundary {
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` exists and resolves to a place inside `root`.
    static func isInside(_ path: String, root: String) -> Bool {
        guard let real = realPath(path), let base = realPath(root) else { return false }
        return real == base || real.hasPrefix(base == "/" ? "/" : base + "/")
    }

    /// The error for a file whose link leads out of the site.
    static func outside(_ relativePath: String, what: String = "the site") -> Diagnostic {
        .error(SourceLocation(file: relativePath), LocalizedText(
            en: "this is a symbolic link that leads outside \(what); praktika reads only files inside the site folder",
            ru: "это символическая ссылка за пределы \(what == "the site" ? "сайта" : what); praktika читает только файлы внутри папки сайта"))
    }
}
