package io.tokenkeeper.app.api;

import io.tokenkeeper.app.api.auth.ApiCaller;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API thinks the caller is. Answered from the authenticated token alone: no query. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class MeController {

    @GetMapping("/me")
    ApiResponses.Me me(@AuthenticationPrincipal ApiCaller caller) {
        return ApiResponses.Me.of(caller);
    }
}
