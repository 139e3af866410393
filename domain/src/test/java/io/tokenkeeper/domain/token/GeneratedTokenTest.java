package io.tokenkeeper.domain.token;

import static io.tokenkeeper.domain.token.TokenTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GeneratedTokenTest {

    @Test
    void shows_the_hint_but_never_the_value_when_printed() {
        var secret = TokenSecret.generate(new SecureRandom());
        var generated = new GeneratedToken(aToken().build(), secret);

        assertThat(generated.toString())
                .isEqualTo("GeneratedToken[id=1, hint=tkp_Ab12…wxyz]")
                .doesNotContain(secret.reveal())
                .doesNotContain(secret.reveal().substring(8, 36))
                .doesNotContain(HexFormat.of().formatHex(secret.digest().bytes()));
    }

    @Test
    void hands_out_the_value_on_request() {
        var secret = TokenSecret.generate(new SecureRandom());

        assertThat(new GeneratedToken(aToken().build(), secret).secret().reveal())
                .isEqualTo(secret.reveal());
    }
}
