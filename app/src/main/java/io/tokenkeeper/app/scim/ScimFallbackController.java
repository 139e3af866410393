package io.tokenkeeper.app.scim;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other path under {@code /scim/v2} (Groups, Bulk, Me…): a SCIM 404 rather than the browser UI's page. */
@RestController
class ScimFallbackController {

    @RequestMapping("/scim/v2/**")
    void notFound() {
        throw ScimException.notFound("Tokenkeeper's SCIM service has /Users, /ServiceProviderConfig, /ResourceTypes and"
                + " /Schemas only.");
    }
}
