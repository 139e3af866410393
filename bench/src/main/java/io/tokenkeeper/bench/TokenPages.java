package io.tokenkeeper.bench;

import io.tokenkeeper.domain.token.TokenAdministration;
import io.tokenkeeper.domain.token.TokenSearch;
import io.tokenkeeper.persistence.token.JooqTokenDirectory;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/** The Token Management grid's first pages, timed by {@link AdminPagesBenchmark}. */
final class TokenPages {

    private TokenPages() {}

    static void add(Map<String, Supplier<Object>> pages, DSLContext dsl, int page) {
        var directory = new JooqTokenDirectory(dsl);
        long cap = TokenAdministration.MAX_LISTED + 1L;
        var byOwner = TokenSearch.ALL.matching("user4242");
        var byStatus = TokenSearch.ALL.sortedBy(TokenSearch.Column.STATUS, TokenSearch.Direction.ASCENDING);
        var byOwnerName = TokenSearch.ALL.sortedBy(TokenSearch.Column.OWNER, TokenSearch.Direction.ASCENDING);
        pages.put("Token Management: first page + count", () -> {
            directory.search(TokenSearch.ALL, Instant.now(), 0, page);
            return directory.count(TokenSearch.ALL, cap);
        });
        pages.put("Token Management: owner 'user4242' + count", () -> {
            directory.search(byOwner, Instant.now(), 0, page);
            return directory.count(byOwner, cap);
        });
        pages.put("Token Management: sorted by status", () -> directory.search(byStatus, Instant.now(), 0, page));
        pages.put("Token Management: sorted by owner", () -> directory.search(byOwnerName, Instant.now(), 0, page));
    }
}
