package io.tokenkeeper.app.scim;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A request SCIM's rules refuse, with the status and {@code scimType} its error body carries. */
final class ScimException extends RuntimeException {

    private final HttpStatus status;
    private final @Nullable String scimType;

    ScimException(HttpStatus status, @Nullable String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimException badRequest(String scimType, String detail) {
        return new ScimException(HttpStatus.BAD_REQUEST, scimType, detail);
    }

    static ScimException notFound(String detail) {
        return new ScimException(HttpStatus.NOT_FOUND, null, detail);
    }

    HttpStatus status() {
        return status;
    }

    @Nullable
    String scimType() {
        return scimType;
    }
}
