package io.tokenkeeper.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api/v1} (served at {@code /api/openapi}, {@code springdoc.api-docs.path}; public) with
 * both ways to send a token.
 * Swagger UI ({@code /swagger-ui/index.html}) is part of the browser UI and needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI tokenkeeperOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Tokenkeeper API")
                        .version("v1")
                        .description("Authenticate with a personal API token: \"Authorization: Bearer <token>\", or"
                                + " HTTP Basic with your username (or BOOMI_TOKEN.<username>) and the token as the"
                                + " password. Never put a token in a URL."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token, tkp_…"))
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Username or BOOMI_TOKEN.<username>; the token as password")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
