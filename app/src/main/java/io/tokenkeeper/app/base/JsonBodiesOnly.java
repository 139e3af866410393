package io.tokenkeeper.app.base;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC reads and writes request and response bodies as JSON (with the application's strict reader), text and
 * bytes — nothing else. Its defaults add a converter for every format whose library is on the class path: YAML
 * (Jackson 2's YAML support comes with springdoc), XML for JAXB types, and in the tests more. A handler whose body is
 * optional or that names no {@code consumes} type (rotating a token, SCIM) then read a YAML body with a mapper none of
 * the API's strictness applies to, and answered in YAML a client that asked for it. The OpenAPI document promises
 * JSON; a body of any other type is now a {@code 415}, and a client that accepts only another type gets a {@code 406}
 * — or, from SCIM, whose answers fix their own type, SCIM's JSON ({@code ApiContractHttpTest},
 * {@code ScimUsersHttpTest}).
 */
@Configuration(proxyBeanMethods = false)
class JsonBodiesOnly implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(converter -> !spoken(converter)));
    }

    /** JSON, text, bytes, resources and forms (the introspection endpoint's and multipart's): what the application uses. */
    static boolean spoken(HttpMessageConverter<?> converter) {
        return converter instanceof JacksonJsonHttpMessageConverter
                || converter instanceof StringHttpMessageConverter
                || converter instanceof ByteArrayHttpMessageConverter
                || converter instanceof ResourceHttpMessageConverter
                || converter instanceof ResourceRegionHttpMessageConverter
                || converter instanceof FormHttpMessageConverter;
    }
}
