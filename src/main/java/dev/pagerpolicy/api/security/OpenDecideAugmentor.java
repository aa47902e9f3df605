package dev.pagerpolicy.api.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * When no decide key is configured, anonymous callers may decide: out of the box on a laptop, deciding
 * works without a key. They stay anonymous, so an admin operation still answers 401, not 403.
 */
@ApplicationScoped
public class OpenDecideAugmentor implements SecurityIdentityAugmentor {
    @Inject
    ApiKeys keys;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() && keys.decideOpen()) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Roles.DECIDE).build());
        }
        return Uni.createFrom().item(identity);
    }
}
