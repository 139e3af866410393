package io.tokenkeeper.app.scim;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** SCIM's error body (RFC 7644 §3.12): the status as a string, an optional {@code scimType} and a detail. */
final class ScimErrors {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");
    static final String CHALLENGE = "Bearer realm=\"Tokenkeeper SCIM\"";
    static final String UNAUTHORIZED = "Authenticate with a provisioning token from Administration › Single Sign-On:"
            + " send the header \"Authorization: Bearer tks_…\".";
    static final String UNAVAILABLE = "The service is temporarily unavailable. Try again in a few seconds.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScimErrors() {}

    static Map<String, Object> body(HttpStatusCode status, @Nullable String scimType, String detail) {
        var body = new LinkedHashMap<String, Object>();
        body.put("schemas", List.of(ERROR_SCHEMA));
        body.put("status", Integer.toString(status.value()));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return body;
    }

    static ResponseEntity<Map<String, Object>> response(
            HttpStatusCode status, @Nullable String scimType, String detail) {
        var response = ResponseEntity.status(status).contentType(SCIM_JSON);
        if (status.value() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.body(body(status, scimType, detail));
    }

    /** For the security chain, before any controller: the same body, written directly. */
    static void write(HttpServletResponse response, HttpStatusCode status, String detail) throws IOException {
        response.setStatus(status.value());
        if (status.value() == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        response.setContentType(SCIM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body(status, null, detail)));
    }
}
