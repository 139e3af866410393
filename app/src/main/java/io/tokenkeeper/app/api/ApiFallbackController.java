package io.tokenkeeper.app.api;

import io.tokenkeeper.domain.base.NotFoundException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other path under {@code /api}: a 404 problem rather than the browser UI's page. */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void notFound() {
        throw new NotFoundException("There is no such API endpoint. The API's endpoints are under /api/v1.");
    }
}
