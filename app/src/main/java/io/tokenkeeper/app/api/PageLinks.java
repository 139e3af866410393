package io.tokenkeeper.app.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * The RFC 8288 {@code Link} header of a list that pages by {@code offset} and {@code limit}: {@code next} while more
 * rows follow, {@code first} and {@code prev} when the page is not the first. The links are relative URIs of the same
 * list with the caller's other query parameters (search, filters, sort) kept as they came, encoded again.
 */
final class PageLinks {

    static final String HEADER = HttpHeaders.LINK;
    static final String DESCRIPTION = "RFC 8288 links to the neighbouring pages of this list with the same query:"
            + " rel=\"next\" while more rows follow, rel=\"first\" and rel=\"prev\" when this is not the first page."
            + " Absent on a single page.";

    private PageLinks() {}

    /** Adds the links of the page at {@code page} to {@code response}; a single page gets none. */
    static void add(HttpServletRequest request, HttpServletResponse response, AdminPaging page, long total) {
        var links = new ArrayList<String>(3);
        if (page.offset() > 0) {
            links.add(link(request, 0, page.limit(), "first"));
            links.add(link(request, Math.max(0, page.offset() - page.limit()), page.limit(), "prev"));
        }
        if ((long) page.offset() + page.limit() < total) {
            links.add(link(request, page.offset() + page.limit(), page.limit(), "next"));
        }
        if (!links.isEmpty()) {
            response.setHeader(HEADER, String.join(", ", links));
        }
    }

    private static String link(HttpServletRequest request, int offset, int limit, String relation) {
        var query = new ArrayList<String>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("offset") && !name.equals("limit")) {
                for (var value : values) {
                    query.add(encode(name) + "=" + encode(value));
                }
            }
        });
        query.addAll(List.of("offset=" + offset, "limit=" + limit));
        return "<" + request.getRequestURI() + "?" + String.join("&", query) + ">; rel=\"" + relation + "\"";
    }

    /** Percent-encodes everything but unreserved characters; a space is %20, never {@code +}. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
