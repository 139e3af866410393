package io.tokenkeeper.app.api;

import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.token.TokenGrant;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.PasswordHasher;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What only the load benchmark ({@code bench/load/api-load.sh}) may switch on, with
 * {@code tokenkeeper.bench.twin-endpoint=true}; absent otherwise (its paths then need a token and answer 404). The
 * API's chain lets these paths through without a token (see {@link ApiSecurityConfig}).
 *
 * <ul>
 *   <li>{@code POST /api/bench/tokens} with {@code {"username": …, "password": …}}: creates a token for that user,
 *       so that the script can start from the first administrator's password alone, and makes it the twin's.
 *   <li>{@code GET /api/bench/me-unauthenticated}: the twin of {@code GET /api/v1/me}, the very same handler answering
 *       for that token without authenticating anything, so that the benchmark measures what authentication costs.
 *       Its path has no variable either, so that Spring MVC finds both handlers the same way.
 *   <li>{@code GET /api/bench/queries}: how many statements ran, to prove that warm requests run none.
 * </ul>
 */
@RestController
@RequestMapping(path = "/api/bench", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnBooleanProperty(BenchEndpoints.PROPERTY)
class BenchEndpoints {

    static final String PROPERTY = "tokenkeeper.bench.twin-endpoint";
    static final String PATHS = "/api/bench/**";

    private final MeController me;
    private final UserStore users;
    private final PasswordHasher passwords;
    private final TokenService tokenService;
    private final BenchQueryCounter queries;
    private volatile @Nullable TokenGrant twin;

    BenchEndpoints(
            MeController me,
            UserStore users,
            PasswordHasher passwords,
            TokenService tokenService,
            BenchQueryCounter queries) {
        this.me = me;
        this.users = users;
        this.passwords = passwords;
        this.tokenService = tokenService;
        this.queries = queries;
    }

    @GetMapping("/me-unauthenticated")
    ApiResponses.Me meUnauthenticated(HttpServletRequest request) {
        var grant = twin;
        if (grant == null) {
            throw new NotFoundException("Create a token through POST /api/bench/tokens first.");
        }
        return me.me(new ApiCaller(grant, request.getRemoteAddr()));
    }

    @GetMapping("/queries")
    BenchQueryCounter.Counts queries() {
        return queries.counts();
    }

    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> createToken(@RequestBody SignIn signIn, HttpServletRequest request) {
        var password = signIn.password() == null ? "" : signIn.password();
        var user = signIn.username() == null
                ? Optional.<User>empty()
                : users.findByUsername(signIn.username()).filter(User::enabled).filter(found -> users.passwordHash(
                                found.id())
                        .filter(hash -> passwords.matches(password, hash))
                        .isPresent());
        if (user.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong username or password."));
        }
        var generated = tokenService.generate(new Actor(user.get(), request.getRemoteAddr()), "Load benchmark", null);
        twin = new TokenGrant(generated.token(), user.get());
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + generated.token().id().value()))
                .cacheControl(CacheControl.noStore())
                .body(ApiResponses.CreatedToken.of(generated, generated.token().createdAt()));
    }

    /** The body of {@code POST /api/bench/tokens}; never logged. */
    record SignIn(@Nullable String username, @Nullable String password) {

        @Override
        public String toString() {
            return "SignIn[" + username + "]";
        }
    }
}
