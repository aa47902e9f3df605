package dev.pagerpolicy.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The shipped pack, with the label "email" masked in the decision log. */
public class MaskedLabelsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("pager-policy.decision-log.masked-labels", "email,customer");
    }
}
