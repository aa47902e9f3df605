package dev.pagerpolicy.analysis;

import java.util.List;
import java.util.Map;

/**
 * What a change of rules or policies does to the decisions of the domain.
 *
 * @param compared      classes of alerts both sides know, evaluated under each
 * @param changed       how many of them are decided differently
 * @param changes       the differences, grouped for people
 * @param onlyInBase    services and models only the base policies have: their alerts are not compared
 * @param onlyInChanged services and models only the changed policies have
 * @param nightPages    by team: classes of alerts that newly page it at once outside its business hours, and
 *                      classes that no longer do
 */
public record DiffReport(String basePolicyVersion, String policyVersion, long compared, long changed,
                         long tookMillis, List<Finding> changes, List<String> onlyInBase, List<String> onlyInChanged,
                         Map<String, NightPages> nightPages) {

    public record NightPages(long added, long removed) {
    }

    public boolean anyChange() {
        return changed > 0 || !onlyInBase.isEmpty() || !onlyInChanged.isEmpty();
    }
}
