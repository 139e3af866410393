package io.tokenkeeper.ui.base;

import io.tokenkeeper.domain.scope.Scope;
import java.util.Collection;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How the pages write a set of scopes: compactly in a grid cell, in full in its tooltip. */
public final class ScopeLists {

    private ScopeLists() {}

    /** E.g. tokenkeeper: read, write · orders: read: the scopes with one prefix together. */
    public static String compact(Collection<Scope> scopes) {
        var byPrefix = new TreeMap<String, TreeSet<String>>();
        for (var scope : scopes) {
            byPrefix.computeIfAbsent(scope.namespace(), key -> new TreeSet<>())
                    .add(scope.value().substring(scope.namespace().length() + 1));
        }
        return byPrefix.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
                .collect(Collectors.joining(" · "));
    }

    /** E.g. orders:read, tokenkeeper:read, tokenkeeper:write. */
    public static String full(Collection<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::value).collect(Collectors.joining(", "));
    }
}
