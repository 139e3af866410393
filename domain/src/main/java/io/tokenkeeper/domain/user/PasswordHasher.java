package io.tokenkeeper.domain.user;

/** Turns passwords into one-way hashes and checks them; the hashing scheme belongs to the adapter. */
public interface PasswordHasher {

    String hash(CharSequence password);

    boolean matches(CharSequence password, String hash);
}
