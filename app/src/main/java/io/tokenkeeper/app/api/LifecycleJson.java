package io.tokenkeeper.app.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tokenkeeper.domain.activity.TokenActivity;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.token.ExpiryChoice;
import io.tokenkeeper.domain.token.GeneratedToken;
import io.tokenkeeper.domain.token.Overlap;
import io.tokenkeeper.domain.token.Rotation;
import io.tokenkeeper.domain.token.Token;
import io.tokenkeeper.domain.token.TokenStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON of a token's lifecycle: regenerating, moving the expiry, a token describing itself. Never a digest. */
final class LifecycleJson {

    private LifecycleJson() {}

    /**
     * {@code POST …/rotate}: how long the old value keeps working ({@code NONE} when absent) and whether the expiry is
     * fresh from the policy ({@code FRESH}, when absent) or kept ({@code KEEP}).
     */
    record RotateRequest(
            @Schema(description = "How long the old value keeps working; NONE when absent", example = "ONE_DAY")
            @Nullable
            Overlap overlap,

            @Schema(
                    description = "FRESH: a new expiry from the policy (when absent); KEEP: the current one",
                    example = "KEEP")
            @Nullable
            ExpiryChoice expiry) {

        Overlap overlapOrDefault() {
            return overlap == null ? Overlap.NONE : overlap;
        }

        ExpiryChoice expiryOrDefault() {
            return expiry == null ? ExpiryChoice.FRESH : expiry;
        }
    }

    /** {@code POST /api/v1/tokens/canaries}: the decoy's name. */
    record CanaryRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minLength = 1,
                    maxLength = 100,
                    example = "AWS key in the old wiki")
            @Nullable
            String name) {}

    /** {@code POST …/extend}: the new expiry; {@code null} for never, where the policy sets no maximum lifetime. */
    record ExtendRequest(
            @Schema(
                    format = "date-time",
                    nullable = true,
                    description = "The new expiry; null (or absent) for never, where the policy sets no"
                            + " maximum lifetime",
                    example = "2027-06-30T00:00:00Z")
            @Nullable
            Instant expiresAt) {}

    /** While a regenerated token's old value still works. */
    record RotationJson(String oldHint, Instant rotatedAt, Instant oldValueRetiresAt, boolean untilFirstUse) {

        static @Nullable RotationJson of(@Nullable Rotation rotation) {
            return rotation == null
                    ? null
                    : new RotationJson(
                            rotation.oldHint().value(),
                            rotation.rotatedAt(),
                            rotation.oldValueRetiresAt(),
                            rotation.untilFirstUse());
        }
    }

    /** One token with its settings; never its value. */
    record TokenDetails(
            long id,
            String name,
            String hint,
            TokenStatus status,
            boolean enabled,
            List<String> scopes,
            List<String> allowedAddresses,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable String lastUsedIp,
            @Nullable RotationJson rotation) {

        static TokenDetails of(Token token, @Nullable Rotation rotation, Instant now) {
            return new TokenDetails(
                    token.id().value(),
                    token.name().value(),
                    token.hint().value(),
                    token.statusAt(now),
                    token.enabled(),
                    token.scopes().stream().map(Scope::value).sorted().toList(),
                    token.allowedRanges().stream().map(Object::toString).toList(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.lastUsedAt(),
                    token.lastUsedIp(),
                    RotationJson.of(rotation));
        }
    }

    /** A regenerated token with its new value: in this response only. */
    record Regenerated(
            long id,
            String name,
            String hint,
            @Nullable Instant expiresAt,
            String value,
            @Nullable RotationJson rotation) {

        static Regenerated of(GeneratedToken generated, @Nullable Rotation rotation) {
            var token = generated.token();
            return new Regenerated(
                    token.id().value(),
                    token.name().value(),
                    token.hint().value(),
                    token.expiresAt(),
                    generated.secret().reveal(),
                    RotationJson.of(rotation));
        }

        @Override
        public String toString() {
            return "Regenerated[id=" + id + ", hint=" + hint + "]";
        }
    }

    /** A token's activity: calls per day, addresses, latest user agent and endpoint, audit history. */
    record Activity(
            List<Day> days,
            long totalCalls,
            List<Address> addresses,
            @Nullable String lastUserAgent,
            @Nullable String lastEndpoint,
            @Nullable Instant lastSeenAt,
            List<Event> history) {

        static Activity of(TokenActivity activity) {
            return new Activity(
                    activity.days().stream()
                            .map(day -> new Day(day.day(), day.calls()))
                            .toList(),
                    activity.totalCalls(),
                    activity.addresses().stream()
                            .map(use -> new Address(use.address(), use.firstSeen(), use.lastSeen()))
                            .toList(),
                    activity.lastUserAgent(),
                    activity.lastEndpoint(),
                    activity.lastSeenAt(),
                    activity.history().stream().map(Event::of).toList());
        }
    }

    record Day(LocalDate day, long calls) {}

    record Address(String address, Instant firstSeen, Instant lastSeen) {}

    record Event(
            Instant occurredAt,
            String actor,
            String action,
            String details,
            @Nullable String clientAddress) {

        static Event of(AuditEvent event) {
            return new Event(
                    event.occurredAt(),
                    event.actorName(),
                    event.action().label(),
                    event.details(),
                    event.clientAddress());
        }
    }
}
