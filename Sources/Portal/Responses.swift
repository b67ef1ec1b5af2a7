import HTTPTypes
import Hummingbird

/// Responses of the portal: HTML in UTF-8, redirects after a form (so that reloading a page never
/// posts twice), files to download, and the error pages.
enum Reply {
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.markup)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    static func json(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func file(_ bytes: [UInt8], name: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The page for an unknown id, and for another organisation's id: the same page, so that
    /// nobody can tell one from the other.
    static func notFound(_ kit: PageKit) -> Response {
        html(Layout.page(kit, title: kit["portal.error.not-found.title"], user: nil, navigation: [("/", "portal.nav.home")],
                         path: "/", "<p>\(kit["portal.error.not-found.body"])</p>"), status: .notFound)
    }

    static func forbidden(_ kit: PageKit, _ key: String = "portal.error.forbidden.body") -> Response {
        html(Layout.page(kit, title: kit["portal.error.forbidden.title"], user: nil, navigation: [("/", "portal.nav.home")],
                         path: "/", "<p>\(kit[key])</p>"), status: .forbidden)
    }
}
