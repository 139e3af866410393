package io.tokenkeeper.persistence.token;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.AUDIT_EVENT;
import static io.tokenkeeper.persistence.jooq.Tables.RESOURCE_SERVER;
import static org.jooq.impl.DSL.select;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.token.TokenUsage;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.audit.JooqAuditLog;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * "Last used" in {@code api_token}: when, from where and at which resource server. One conditional update, so that
 * however many nodes see a busy token, the row is written at most once per {@link TokenUsage#INTERVAL} and resource
 * server. A new address is compared with {@code last_used_ip} and
 * written to {@code audit_event} in one short transaction that locks the token's row, so that nodes take turns.
 */
public final class JooqTokenUsage implements TokenUsage {

    private static final int MAX_ADDRESS_LENGTH = 64;
    private static final String SERVER_NAME = "server_name";

    private final DSLContext dsl;
    private final AuditLog audit;

    public JooqTokenUsage(DSLContext dsl) {
        this(dsl, new JooqAuditLog(dsl));
    }

    /** @param audit where the event of a new address goes, inside the transaction that checks it */
    public JooqTokenUsage(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    @Override
    public boolean recordUse(TokenId token, Instant at, @Nullable String clientAddress, @Nullable String server) {
        var serverId = serverId(server);
        return dsl.update(API_TOKEN)
                        .set(API_TOKEN.LAST_USED_AT, at)
                        .set(API_TOKEN.LAST_USED_IP, truncated(clientAddress))
                        .set(API_TOKEN.LAST_USED_RESOURCE_SERVER_ID, serverId)
                        .where(API_TOKEN.ID.eq(token.value()))
                        .and(API_TOKEN.REVOKED_AT.isNull())
                        .and(API_TOKEN
                                .LAST_USED_AT
                                .isNull()
                                .or(API_TOKEN.LAST_USED_AT.le(at.minus(INTERVAL)))
                                .or(API_TOKEN.LAST_USED_RESOURCE_SERVER_ID.isDistinctFrom(serverId)))
                        .execute()
                > 0;
    }

    @Override
    public boolean recordNewAddress(TokenId token, Instant at, String clientAddress, @Nullable String server) {
        var address = truncated(clientAddress);
        var targetId = Long.toString(token.value());
        return dsl.transactionResult(configuration -> {
            var tx = configuration.dsl();
            var previousServer = RESOURCE_SERVER.as("previous_server");
            // The row lock makes concurrent checks of this token, on any node, take turns; it fires no trigger.
            var row = tx.select(
                            API_TOKEN.NAME,
                            API_TOKEN.LAST_USED_IP,
                            APP_USER.ID,
                            APP_USER.USERNAME,
                            previousServer.NAME,
                            serverName(server))
                    .from(API_TOKEN)
                    .join(APP_USER)
                    .on(APP_USER.ID.eq(API_TOKEN.OWNER_ID))
                    .leftJoin(previousServer)
                    .on(previousServer.ID.eq(API_TOKEN.LAST_USED_RESOURCE_SERVER_ID))
                    .where(API_TOKEN.ID.eq(token.value()))
                    .and(API_TOKEN.REVOKED_AT.isNull())
                    .forNoKeyUpdate()
                    .of(API_TOKEN)
                    .fetchOne();
            if (row == null) {
                return false;
            }
            var previous = row.get(API_TOKEN.LAST_USED_IP);
            if (previous == null || previous.equals(address)) {
                return false;
            }
            boolean reported = tx.fetchExists(
                    AUDIT_EVENT,
                    AUDIT_EVENT
                            .TARGET_ID
                            .eq(targetId)
                            .and(AUDIT_EVENT.ACTION.eq(AuditAction.TOKEN_USED_FROM_NEW_ADDRESS.name()))
                            .and(AUDIT_EVENT.TARGET_TYPE.eq("token"))
                            .and(AUDIT_EVENT.CLIENT_ADDRESS.eq(address))
                            .and(AUDIT_EVENT.OCCURRED_AT.gt(at.minus(INTERVAL))));
            if (reported) {
                return false;
            }
            audit.record(AuditEvent.tokenUsedFromNewAddress(
                    new UserId(row.get(APP_USER.ID)),
                    row.get(APP_USER.USERNAME),
                    token.value(),
                    row.get(API_TOKEN.NAME),
                    previous,
                    row.get(previousServer.NAME),
                    address,
                    row.get(SERVER_NAME, String.class),
                    at));
            return true;
        });
    }

    /** The id of the resource server with this identifier: {@code null} when there is none. */
    private static Field<Long> serverId(@Nullable String server) {
        return server == null
                ? DSL.inline((Long) null, SQLDataType.BIGINT)
                : DSL.field(
                        select(RESOURCE_SERVER.ID).from(RESOURCE_SERVER).where(RESOURCE_SERVER.IDENTIFIER.eq(server)));
    }

    private static Field<String> serverName(@Nullable String server) {
        return server == null
                ? DSL.inline((String) null, SQLDataType.VARCHAR).as(SERVER_NAME)
                : select(RESOURCE_SERVER.NAME)
                        .from(RESOURCE_SERVER)
                        .where(RESOURCE_SERVER.IDENTIFIER.eq(server))
                        .asField(SERVER_NAME);
    }

    private static @Nullable String truncated(@Nullable String address) {
        return address == null || address.length() <= MAX_ADDRESS_LENGTH
                ? address
                : address.substring(0, MAX_ADDRESS_LENGTH);
    }
}
