package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Spring MVC's converters are the ones {@link JsonBodiesOnly} keeps, although the tests' class path offers it more
 * formats than the application's (Jackson 3's YAML, Kotlin serialization) — and none of them reads or writes YAML or XML.
 */
@ApplicationTest
class JsonBodiesOnlyTest {

    @Autowired
    RequestMappingHandlerAdapter adapter;

    @Test
    void spring_mvc_converts_json_text_bytes_and_forms_only() {
        var converters = adapter.getMessageConverters();

        assertThat(converters).allMatch(JsonBodiesOnly::spoken);
        assertThat(converters).anyMatch(converter -> converter instanceof JacksonJsonHttpMessageConverter);
        assertThat(converters).noneMatch(converter -> converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_YAML) && !type.isWildcardType()
                        || type.isCompatibleWith(MediaType.APPLICATION_XML) && !type.isWildcardType()));
    }

    @Test
    void a_yaml_converter_is_not_spoken() {
        assertThat(JsonBodiesOnly.spoken(new JacksonYamlHttpMessageConverter())).isFalse();
        assertThat(JsonBodiesOnly.spoken(new JacksonJsonHttpMessageConverter())).isTrue();
    }
}
