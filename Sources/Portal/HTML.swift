import Foundation
import Texts

/// HTML text with everything that came from data escaped: build pages only from ``HTML`` values,
/// so that a posting title or a file name can never become markup.
struct HTML: Sendable, ExpressibleByStringInterpolation {
    private(set) var markup: String

    init(markup: String) { self.markup = markup }
    init(stringLiteral value: String) { markup = value }
    init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    struct Interpolation: StringInterpolationProtocol {
        var markup = ""
        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { markup += literal }
        /// Text is escaped.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        mutating func appendInterpolation(_ number: Int64) { markup += String(number) }
        /// Markup is inserted as it is.
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { markup += part.markup } }
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static func join(_ parts: [HTML]) -> HTML { HTML(markup: parts.map(\.markup).joined()) }
}

/// The pieces every page is made of, in the reader's language.
struct PageKit {
    let texts: Catalogue
    let numbers: NumberFormat
    /// The CSRF token of the session, put in every form.
    let csrf: String

    init(language: Language, csrf: String) {
        texts = Catalogue(language)
        numbers = NumberFormat(language)
        self.csrf = csrf
    }

    subscript(_ key: String) -> String { texts[key] }
    func format(_ key: String, _ values: [String: String]) -> String { texts.format(key, values) }

    /// A form that posts to `action` with the CSRF token; `upload` for files.
    func form(_ action: String, upload: Bool = false, id: String? = nil, _ body: HTML) -> HTML {
        let encoding: HTML = upload ? " enctype=\"multipart/form-data\"" : ""
        let identifier: HTML = id.map { HTML(markup: " id=\"\(HTML.escape($0))\"") } ?? ""
        return """
            <form method="post" action="\(action)"\(encoding)\(identifier)><input type="hidden" name="csrf" value="\(csrf)">\(body)</form>
            """
    }

    /// A button alone in a form.
    func button(_ action: String, _ labelKey: String, id: String? = nil) -> HTML {
        let identifier: HTML = id.map { HTML(markup: " id=\"\(HTML.escape($0))\"") } ?? ""
        return form(action, "<button type=\"submit\"\(identifier)>\(self[labelKey])</button>")
    }

    /// A table with a header row.
    func table(_ headerKeys: [String], _ rows: [[HTML]], id: String? = nil) -> HTML {
        let identifier: HTML = id.map { HTML(markup: " id=\"\(HTML.escape($0))\"") } ?? ""
        let head = HTML.join(headerKeys.map { $0.isEmpty ? "<th></th>" : "<th>\(self[$0])</th>" })
        let body = HTML.join(rows.map { row in "<tr>\(HTML.join(row.map { "<td>\($0)</td>" }))</tr>" })
        return "<table\(identifier)><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }

    /// A labelled input with the message of its error, if any.
    func field(_ name: String, labelKey: String, value: String, type: String = "text", error: String?, extra: HTML = "") -> HTML {
        let message: HTML = error.map { "<span class=\"error\" id=\"error-\(name)\">\($0)</span>" } ?? ""
        return """
            <label for="\(name)">\(self[labelKey])</label><input type="\(type)" id="\(name)" name="\(name)" value="\(value)"\(extra)>\(message)
            """
    }

    /// A labelled drop-down list.
    func select(_ name: String, labelKey: String, options: [(value: String, label: String)], selected: String, error: String?) -> HTML {
        let items = HTML.join(options.map { option in
            let mark: HTML = option.value == selected ? " selected" : ""
            return "<option value=\"\(option.value)\"\(mark)>\(option.label)</option>"
        })
        let message: HTML = error.map { "<span class=\"error\" id=\"error-\(name)\">\($0)</span>" } ?? ""
        return "<label for=\"\(name)\">\(self[labelKey])</label><select id=\"\(name)\" name=\"\(name)\">\(items)</select>\(message)"
    }

    func grouped(_ value: Double, decimals: Int = 0) -> String { numbers.grouped(value, decimals: decimals) }

    /// A date and time as the reader writes it (UTC).
    func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = numbers.date(year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1)
        func two(_ number: Int?) -> String { let value = number ?? 0; return value < 10 ? "0\(value)" : "\(value)" }
        return "\(day) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }
}

/// The frame of every page: title, navigation for the role, the language switch, a message.
struct Layout {
    static func page(_ kit: PageKit, title: String, user: (email: String, role: String, organisation: String)?,
                     navigation: [(href: String, labelKey: String)], path: String, notice: HTML? = nil,
                     head: HTML = "", _ body: HTML) -> HTML {
        let other = kit.texts.language == .vi ? "en" : "vi"
        let languageLabel = kit.texts.language == .vi ? "English" : "Tiếng Việt"
        let links = HTML.join(navigation.map { "<a href=\"\($0.href)\">\(kit[$0.labelKey])</a>" })
        let account: HTML
        if let user {
            let who = kit.format("portal.nav.signed-in-as", ["email": user.email, "organisation": user.organisation])
            account = "<span class=\"who\">\(who)</span>\(kit.form("/sign-out", "<button type=\"submit\" id=\"sign-out\">\(kit["portal.nav.sign-out"])</button>"))"
        } else {
            account = ""
        }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-_.")
        let back = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
        let noticeHTML: HTML = notice.map { "<div class=\"notice\" role=\"status\">\($0)</div>" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="\(kit.texts.language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · SkillPlan</title><style>\(HTML(markup: stylesheet))</style>\(head)</head>
            <body><header><strong>SkillPlan</strong><nav>\(links)</nav>\(account)
            <a class="lang" id="language" href="/language?to=\(other)&amp;back=\(back)">\(languageLabel)</a></header>
            <main><h1>\(title)</h1>\(noticeHTML)\(body)</main></body></html>
            """
    }

    static let stylesheet = """
        body{font-family:system-ui,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
        header{display:flex;gap:1rem;align-items:center;padding:.6rem 1rem;background:#0b4f6c;color:#fff;flex-wrap:wrap}
        header a{color:#fff}header nav{display:flex;gap:1rem;flex:1}header form{display:inline;margin:0}
        main{padding:1rem 1.5rem;max-width:70rem}table{border-collapse:collapse;margin:.5rem 0 1rem}
        th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}td.n{text-align:right}
        label{display:block;margin-top:.5rem;font-weight:600}input,select{padding:.25rem;min-width:12rem}
        .error{color:#b00020;display:block}.notice{background:#e8f4ea;border:1px solid #7bb387;padding:.5rem;margin:.5rem 0}
        .errors{background:#fdecee;border:1px solid #d77;padding:.5rem}button{margin:.5rem .5rem .5rem 0;padding:.3rem .8rem}
        progress{width:20rem}.figure{font-size:1.4rem;font-weight:700}.bar{background:#0b4f6c;height:1rem}
        @media print{header,form,button{display:none}}
        """
}
