package io.tokenkeeper.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.tokenkeeper.domain.token.TokenSecret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TokenMaskingTest {

    private static final String TOKEN = TokenSecret.generate(new SecureRandom()).reveal();

    private static String mask(String text) {
        return new String(TokenMasking.mask(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void keeps_the_prefix_and_four_characters_like_the_hint_and_masks_the_rest() {
        assertThat(mask("value=" + TOKEN + ".")).isEqualTo("value=" + TOKEN.substring(0, 8) + "*".repeat(34) + ".");
    }

    @Test
    void masks_every_token_on_a_line_and_longer_runs_whole() {
        var masked = mask(TOKEN + TOKEN + " " + TOKEN + "abc " + "é" + TOKEN);

        assertThat(masked).doesNotContain(TOKEN.substring(8, 20));
        assertThat(masked).endsWith("é" + TOKEN.substring(0, 8) + "*".repeat(34));
    }

    @Test
    void masks_client_secrets_too() {
        var secret = "tkc_" + "Ab12" + "x".repeat(36);
        assertThat(mask("secret " + secret)).isEqualTo("secret tkc_Ab12" + "*".repeat(36));
    }

    @Test
    void masks_provisioning_tokens_too() {
        var token = "tks_" + "Cd34" + "y".repeat(36);
        assertThat(mask("Authorization: Bearer " + token)).isEqualTo("Authorization: Bearer tks_Cd34" + "*".repeat(36));
    }

    @Test
    void masks_a_truncated_value_but_leaves_short_words_alone() {
        assertThat(mask(TOKEN.substring(0, 25))).isEqualTo(TOKEN.substring(0, 8) + "*".repeat(17));
        assertThat(mask("tkp_ tkp_docs tkp_ABCDEFGHIJKLMNO tkp_")).isEqualTo("tkp_ tkp_docs tkp_ABCDEFGHIJKLMNO tkp_");
    }

    @Test
    void masks_every_field_of_a_structured_json_line() {
        var context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        var out = new ByteArrayOutputStream();
        var json = new JsonEncoder();
        json.setContext(context);
        json.start();
        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setEncoder(json);
        appender.setOutputStream(out);
        appender.start();
        var logger = context.getLogger("structured");
        logger.addAppender(appender);

        LogMasking.install(context);
        try (var ignored = MDC.putCloseable("token", TOKEN)) {
            logger.atWarn()
                    .addKeyValue("credential", TOKEN)
                    .setCause(new IllegalStateException(TOKEN))
                    .log("message {}", TOKEN);
        }

        var line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).contains("credential").contains(TOKEN.substring(0, 8) + "*".repeat(34));
        assertThat(line).doesNotContain(TOKEN);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ecs", "logstash", "gelf"})
    void masks_every_field_of_spring_boot_s_structured_formats(String format) {
        var context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        var environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("spring.application.name", "tokenkeeper")
                .withProperty("logging.structured.gelf.host", "localhost");
        context.putObject(org.springframework.core.env.Environment.class.getName(), environment);
        var out = new ByteArrayOutputStream();
        var structured = new org.springframework.boot.logging.logback.StructuredLogEncoder();
        structured.setFormat(format);
        structured.setContext(context);
        structured.start();
        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setEncoder(structured);
        appender.setOutputStream(out);
        appender.start();
        var logger = context.getLogger("org.apache.tomcat.util.http.parser.Cookie");
        logger.addAppender(appender);

        LogMasking.install(context);
        try (var ignored = MDC.putCloseable("authorization", "Bearer " + TOKEN)) {
            logger.atInfo()
                    .addKeyValue("header", "Authorization=Bearer " + TOKEN)
                    .setCause(new IllegalArgumentException("bad cookie " + TOKEN))
                    .log(
                            "A cookie header was received [Authorization=Bearer {}] that contained an invalid cookie",
                            TOKEN);
        }

        var line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).startsWith("{").contains(TOKEN.substring(0, 8) + "*".repeat(34));
        assertThat(line).doesNotContain(TOKEN);
    }

    @Test
    void installing_twice_wraps_once() {
        var context = new LoggerContext();
        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setEncoder(new JsonEncoder());
        context.getLogger("x").addAppender(appender);

        LogMasking.install(context);
        LogMasking.install(context);

        assertThat(appender.getEncoder()).isInstanceOf(TokenMaskingEncoder.class);
        assertThat(((TokenMaskingEncoder) appender.getEncoder()).delegate()).isInstanceOf(JsonEncoder.class);
    }
}
