import Foundation

/// What one document's import could not place, and where it was, so a person can finish the job.
public struct UnplacedText: Sendable, Equatable {
    /// «таблица 1, строка 7», «абзац 15».
    public var place: String
    public var text: String
    /// What became of it: «в description», «таблица не распознана».
    public var note: String
}

final class ImportLog {
    private(set) var unplaced: [UnplacedText] = []
    private(set) var notes: [String] = []

    func unplaced(_ place: String, _ text: String, note: String) {
        let flat = RussianText.collapseSpaces(text.replacingOccurrences(of: "\n", with: " "))
        guard !flat.isEmpty else { return }
        let shown = flat.count > 200 ? String(flat.prefix(200)) + "…" : flat
        unplaced.append(UnplacedText(place: place, text: shown, note: note))
    }

    func note(_ text: String) { notes.append(text) }
}
