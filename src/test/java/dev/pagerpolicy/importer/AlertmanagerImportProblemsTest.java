package dev.pagerpolicy.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.cli.Cli;
import dev.pagerpolicy.testing.ReadsServiceSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the importer cannot translate is refused as FILE:LINE: message, and nothing is written. */
@ReadsServiceSettings
class AlertmanagerImportProblemsTest {
    @TempDir
    Path dir;

    private String run(String config, String receivers) throws Exception {
        Files.writeString(dir.resolve("alertmanager.yml"), config);
        Files.writeString(dir.resolve("receivers.yaml"), receivers);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"import", "alertmanager", "--config", dir.resolve("alertmanager.yml").toString(),
                "--receivers", dir.resolve("receivers.yaml").toString(), "--out", dir.resolve("pack").toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        return code + "\n" + printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void whatCannotBeTranslatedIsRefusedAtItsLine() throws Exception {
        String printed = run("""
                route:
                  receiver: ops
                  routes:
                    - match_re: {job: "api(?=-v2)"}
                      receiver: ops
                    - matchers: ['{team="db"}']
                      grup_by: [alertname]
                      receiver: db
                """, """
                receivers:
                  ops: {team: ops, action: page}
                """);

        assertThat(printed).isEqualTo("""
                1
                alertmanager.yml:4: matcher "job=~"api(?=-v2)"": the regular expression uses what Alertmanager's (RE2) \
                does not read, or reads otherwise (back-references, look-around, atomic groups, possessive quantifiers)
                alertmanager.yml:7: route: unknown key "grup_by" (a route has receiver, match, match_re, matchers, \
                continue, routes, and active_time_intervals, group_by, group_interval, group_wait, mute_time_intervals, \
                repeat_interval)
                2 problems; nothing written
                """);
        assertThat(dir.resolve("pack")).doesNotExist();
    }

    @Test
    void aReceiverTheReceiversFileDoesNotMapIsRefusedWhereTheRouteNamesIt() throws Exception {
        String printed = run("""
                route:
                  receiver: ops
                  routes:
                    - matchers: [team="db"]
                      receiver: db-pager
                """, """
                receivers:
                  ops: {team: ops, action: page}
                """);

        assertThat(printed).isEqualTo("""
                1
                alertmanager.yml:4: receiver "db-pager" is not in receivers.yaml: say which team it reaches and how \
                (team, action)
                1 problem; nothing written
                """);
    }

    @Test
    void aReceiverMustSayItsTeamAndAnActionThatExists() throws Exception {
        String printed = run("""
                route:
                  receiver: ops
                """, """
                receivers:
                  ops: {team: ops, action: wake}
                  mails: {action: ticket}
                  "null": {action: ignore}
                """);

        assertThat(printed).isEqualTo("""
                1
                receivers.yaml:2: receiver "ops": action must be one of page, ticket, automate, notify, ignore
                receivers.yaml:3: receiver "mails": which team does it ticket? (team is needed unless the action is \
                ignore)
                2 problems; nothing written
                """);
    }

    @Test
    void aDirectoryThatHoldsAPackIsNotOverwritten() throws Exception {
        Files.createDirectories(dir.resolve("pack/rules"));

        String printed = run("route: {receiver: ops}\n", "receivers: {ops: {team: ops, action: page}}\n");

        assertThat(printed).isEqualTo("1\nerror: " + dir.resolve("pack") + " already holds rules/ or policies/;"
                + " import into a new directory\n");
    }
}
