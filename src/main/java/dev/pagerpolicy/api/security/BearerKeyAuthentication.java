package dev.pagerpolicy.api.security;

import io.vertx.core.http.Cookie;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <key>}, or on the console's pages its cookie ({@link #CONSOLE_COOKIE}). No
 * header means an anonymous caller; a header with an unknown
 * key fails authentication (401), so that a mistyped key is noticed rather than silently treated as anonymous.
 */
@ApplicationScoped
public class BearerKeyAuthentication implements HttpAuthenticationMechanism {
    private static final String PREFIX = "Bearer ";
    /** Where the console's pages are: only there does the key cookie stand for the header. */
    public static final String CONSOLE_PATH = "/console";
    /** The cookie that carries a person's key in the console: HttpOnly, SameSite=Strict, for its path alone. */
    public static final String CONSOLE_COOKIE = "pager-policy-key";

    @Inject
    ApiKeys keys;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null) {
            return fromConsoleCookie(context);
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the Authorization header is not a bearer key"));
        }
        ApiKeys.Grant grant = keys.grantFor(header.substring(PREFIX.length()).trim());
        if (!grant.granted()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown bearer key"));
        }
        return Uni.createFrom().item(identityOf(grant));
    }

    /**
     * The console's pages are read in a browser, which sends the key as the console's cookie. A key no longer valid
     * (rotated) leaves the person anonymous: the page sends them to sign in again, rather than answer a 401.
     */
    private Uni<SecurityIdentity> fromConsoleCookie(RoutingContext context) {
        Cookie cookie = context.request().path().startsWith(CONSOLE_PATH)
                ? context.request().getCookie(CONSOLE_COOKIE) : null;
        ApiKeys.Grant grant = cookie == null ? null : keys.grantFor(cookie.getValue());
        return grant == null || !grant.granted() ? Uni.createFrom().nullItem() : Uni.createFrom().item(identityOf(grant));
    }

    private static SecurityIdentity identityOf(ApiKeys.Grant grant) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(grant.keyName()))
                .addRoles(grant.roles()).build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
