package io.tokenkeeper.app.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.domain.scope.Scope;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntrospectionScopeTextTest {

    @Test
    void the_scope_field_lists_the_names_sorted_and_separated_by_single_spaces() {
        var scopes = Set.of(Scope.of("orders:write"), Scope.of("billing:read"), Scope.of("orders:read"));

        assertThat(IntrospectionEndpoint.scopeText(scopes)).isEqualTo("billing:read orders:read orders:write");
        assertThat(IntrospectionEndpoint.scopeText(Set.of(Scope.of("orders:read"))))
                .isEqualTo("orders:read");
        assertThat(IntrospectionEndpoint.scopeText(Set.of())).isEmpty();
    }
}
