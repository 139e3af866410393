package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tokenkeeper.app.api.auth.ApiCaller;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API thinks the caller is. Answered from the authenticated token alone: no query. */
@RestController
@Tag(name = "Account", description = "Who the API takes the caller for.")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class MeController {

    @GetMapping("/me")
    @Operation(operationId = "getMe", summary = "You, and the token that authenticated this request")
    ApiResponses.Me me(@AuthenticationPrincipal ApiCaller caller) {
        return ApiResponses.Me.of(caller);
    }
}
