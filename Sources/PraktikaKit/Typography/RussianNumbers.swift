/// Numbers in the Russian form for results tables: «11,2» (decimal comma),
/// «12 500» (thousands grouped by a thin no-break space), «74 %». Dates
/// («14.12.2023») and other dotted chains are left alone.
extension RussianTypography {
    static func numbers(_ value: String) -> String {
        let input = Array(value.unicodeScalars)
        var output = UTF8Output()
        var index = 0
        while index < input.count {
            let scalar = input[index]
            let startsNumber = isDigit(scalar) && (index == 0 || !(isDigit(input[index - 1]) || isLetter(input[index - 1])
                || ((input[index - 1] == "." || input[index - 1] == ",") && index >= 2 && isDigit(input[index - 2]))))
            guard startsNumber else {
                if scalar == "%", index > 0, isDigit(input[index - 1]) { output.append(noBreakSpace) }
                if scalar == " ", index + 1 < input.count, input[index + 1] == "%", index > 0, isDigit(input[index - 1]) {
                    output.append(noBreakSpace)
                } else {
                    output.append(scalar)
                }
                index += 1
                continue
            }
            // The whole run of digits and separators, to tell «11.2» from «14.12.2023».
            var end = index
            var separators = 0
            while end < input.count {
                if isDigit(input[end]) { end += 1; continue }
                if input[end] == "." || input[end] == ",", end + 1 < input.count, isDigit(input[end + 1]) {
                    separators += 1
                    end += 1
                    continue
                }
                break
            }
            let run = Array(input[index..<end])
            let followedByLetter = end < input.count && isLetter(input[end])
            if separators > 1 || followedByLetter {
                output.appendEach(run)
            } else {
                let split = run.firstIndex { $0 == "." || $0 == "," }
                let integer = split.map { Array(run[..<$0]) } ?? run
                output.appendEach(grouped(integer))
                if let split {
                    output.append(",")
                    output.appendEach(run[(split + 1)...])
                }
            }
            index = end
        }
        return output.string
    }

    /// «12500» → «12 500»; numbers of four digits stay whole («2023», «1500»).
    private static func grouped(_ digits: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard digits.count > 4 else { return digits }
        var result: [Unicode.Scalar] = []
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(thinNoBreakSpace) }
            result.append(digit)
        }
        return result
    }
}
