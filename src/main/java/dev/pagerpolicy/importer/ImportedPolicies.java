package dev.pagerpolicy.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The policies of an imported pack: a team for each team the receivers reach (to be given its time zone and
 * business hours), the fallback at the root route's team, one SLA tier, no services yet (the imported rules decide
 * by labels alone), and the common severity words, so that {@code severity: warning} is read.
 */
final class ImportedPolicies {
    private final AlertmanagerConfig config;
    private final Set<String> teams;
    private final String fallbackTeam;

    ImportedPolicies(AlertmanagerConfig config, Set<String> teams, String fallbackTeam) {
        this.config = config;
        this.teams = teams;
        this.fallbackTeam = fallbackTeam;
    }

    void write(Path policies) throws IOException {
        StringBuilder teamsYaml = new StringBuilder("""
                # The teams the receivers reach (imported from %s): give each its time zone, business hours and
                # role; rules that add to the imported ones can use them.
                teams:
                """.formatted(config.file()));
        for (String team : teams) {
            teamsYaml.append("""
                      - name: %s
                        role: ops
                        onCallRotation: true
                        timeZone: UTC
                        businessHours: Mon-Fri 09:00-17:00
                    """.formatted(team));
        }
        Files.writeString(policies.resolve("teams.yaml"), teamsYaml);
        Files.writeString(policies.resolve("organisation.yaml"), """
                # What no rule decides goes to the team of Alertmanager's root receiver.
                fallback:
                  team: %s
                  ackWithin: PT15M
                  pagesFor: [critical, high]
                productionEnvironments: [production, prod]
                # Who owns data pipelines, for rules written later: the same team until said otherwise.
                dataEngineeringTeam: %s
                """.formatted(fallbackTeam, fallbackTeam));
        Files.writeString(policies.resolve("sla-tiers.yaml"), """
                tiers:
                  - name: standard
                    ackWithin: PT15M
                    pagesAroundTheClock: [critical]
                """);
        Files.writeString(policies.resolve("services.yaml"), """
                # The services of the organisation, with their owners and tiers: the imported rules need none (they
                # decide by labels, as Alertmanager does), rules written later can.
                services: []
                """);
        Files.writeString(policies.resolve("inputs.yaml"), """
                # Severity words of Alertmanager's alerts, read as one of critical, high, medium, low, info: they set
                # the fallback's urgency, and rules written later can use them.
                severities:
                  page: critical
                  error: high
                  warning: medium
                  warn: medium
                  notice: low
                  none: info
                """);
    }
}
