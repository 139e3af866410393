package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.domain.notification.NotificationKind;
import io.tokenkeeper.domain.notification.NotificationService;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notification mail through a real SMTP server (GreenMail), from a node configured with {@code spring.mail.*}; the test
 * application itself has no mail server and notifies in the app only.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationMailTest {

    /** The pool over the node's embedded PostgreSQL, which the other node shares. */
    @Autowired
    HikariDataSource database;

    @Autowired
    ApiTestData testData;

    private GreenMail smtp;
    private OtherNode mailingNode;

    @BeforeAll
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mailingNode = OtherNode.start(
                database.getJdbcUrl(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--tokenkeeper.notifications.mail-from=tokenkeeper@example.org");
    }

    @AfterAll
    void stop() {
        if (mailingNode != null) {
            mailingNode.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void mails_a_notification_by_name_and_hint_never_the_value_and_not_a_kind_switched_off() throws Exception {
        var owner = testData.aCaller();
        var admin = new Actor(testData.anAdministrator().user(), "192.0.2.1");
        var tokens = mailingNode.bean(TokenService.class);
        var email = owner.user().email().value();

        tokens.disable(admin, owner.token().token().id());

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        var mail = smtp.getReceivedMessagesForDomain("example.com")[0];
        var body = (String) mail.getContent();
        var raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(mail.getSubject())
                .isEqualTo("Tokenkeeper: Token disabled: "
                        + owner.token().token().name().value());
        assertThat(body).contains(owner.token().token().hint().value()).doesNotContain(owner.value());
        assertThat(raw).doesNotContain(owner.value());

        var settings = mailingNode.bean(NotificationService.class);
        var kinds = EnumSet.allOf(NotificationKind.class);
        kinds.remove(NotificationKind.CHANGED_BY_ADMINISTRATOR);
        settings.setMailedKinds(new Actor(owner.user(), null), kinds);
        tokens.revoke(admin, owner.token().token().id());

        assertThat(smtp.waitForIncomingEmail(1_500, 2)).isFalse();
        assertThat(settings.unread(new Actor(owner.user(), null))).isEqualTo(2);
    }
}
