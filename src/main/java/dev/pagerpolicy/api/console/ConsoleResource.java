package dev.pagerpolicy.api.console;

import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.api.security.ApiKeys;
import dev.pagerpolicy.api.security.BearerKeyAuthentication;
import dev.pagerpolicy.api.security.Roles;
import dev.pagerpolicy.analysis.WeekOfPages;
import dev.pagerpolicy.analysis.Finding;
import dev.pagerpolicy.app.CandidateReview;
import dev.pagerpolicy.app.DecisionService;
import dev.pagerpolicy.app.ExploredWeeks;
import dev.pagerpolicy.app.observe.ReloadHistory;
import dev.pagerpolicy.reload.GateReport;
import dev.pagerpolicy.reload.RuleSetVerifier;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.reload.ReloadAttempt;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console: server-rendered pages for the people who are paged and the people who write the rules. Each page
 * reads what the API serves, as a person reads it; the pages need no JavaScript. A page is shown to whoever may read
 * decisions ({@code decide} role, open when no decide key is set); others are sent to sign in with their key.
 */
@Path("/console")
@PermitAll // each page checks the role itself, to answer a browser with the sign-in page rather than a 401
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {
    private static final int NEWEST = 20;

    @Inject
    SecurityIdentity identity;
    @Inject
    DecisionSearch search;
    @Inject
    DecisionService decisions;
    @Inject
    ActiveRuleSet active;
    @Inject
    ReloadHistory reloads;
    @Inject
    ApiKeys keys;
    @Inject
    Validator validator;
    @Inject
    Clock clock;
    @Inject
    ExploredWeeks explored;
    @Inject
    RuleSetVerifier verifier;
    @Inject
    CandidateReview review;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String query, List<DecisionSearch.Match> found, boolean searched,
                                            List<DecisionSearch.Match> newest);

        static native TemplateInstance decision(DecisionView decision);

        static native TemplateInstance missing(String decisionId);

        static native TemplateInstance trial(TrialForm form, TrialChoices choices, List<String> problems,
                                             DecisionView decision, DecisionView underCandidate,
                                             String candidateVersion);

        static native TemplateInstance ruleset(RuleSetView ruleSet);

        static native TemplateInstance signIn(String problem);

        static native TemplateInstance teams(List<TeamLine> teams, boolean exploring, String version);

        static native TemplateInstance team(TeamWeekView week);

        static native TemplateInstance candidate(boolean reviewsAllowed, String rulesDir, String policiesDir,
                                                 CandidateReview.State review, List<NightPagesLine> nightPages,
                                                 List<String> changes, List<String> teams);

        static native TemplateInstance sideBySide(TeamWeekView active, TeamWeekView candidate, String team);
    }

    /** A team's pages at once outside its business hours that a candidate adds and removes. */
    public record NightPagesLine(String team, long added, long removed) {
    }

    /** A team on the list of teams: how many classes of alerts page it at once in its busiest hour. */
    public record TeamLine(String name, String zone, long busiestHour) {
    }

    /** What the try-an-alert form offers to choose from: the catalog's own names. */
    public record TrialChoices(List<String> kinds, List<String> severities, List<String> services,
                               List<String> models) {
        static TrialChoices of(Catalog catalog) {
            return new TrialChoices(AlertKind.NAMED.stream().map(AlertKind::wireName).toList(),
                    Arrays.stream(Severity.values()).map(Severity::wireName).toList(),
                    catalog.services().keySet().stream().sorted().toList(),
                    catalog.models().keySet().stream().sorted().toList());
        }
    }

    /** The rule set as a person reviews it. */
    public record RuleSetView(String version, String loadedAt, List<RuleLine> rules, List<String> warnings,
                              List<ReloadAttempt> reloads, GateReport gate) {
        /** Each invariant's verdict as a person reads it; none when the gate's report is not at hand. */
        public List<InvariantLine> invariants() {
            return gate == null ? List.of() : gate.invariants().stream().map(r -> new InvariantLine(r.name(),
                    r.holds(), (r.holds() ? "holds" : r.checksNothing() ? "applies to no alert"
                            : String.format("violated by %,d", r.violations()))
                            + (r.inconclusive() > 0 ? String.format(", %,d inconclusive", r.inconclusive()) : ""),
                    String.format("%,d", r.checked()), r.file() + ":" + r.line())).toList();
        }

        /** How many rules the scenarios made fire, as a person reads it: "31 of 34 (91%)". */
        public String coverage() {
            return gate == null ? "" : String.format("%d of %d (%.0f%%)", gate.coverage().firedCount(),
                    gate.coverage().total(), gate.coverage().percent());
        }
    }

    /** One invariant: its verdict ("holds", "violated by 1,204"), the alerts it was checked on, and where it is stated. */
    public record InvariantLine(String name, boolean holds, String verdict, String checked, String place) {
    }

    /**
     * One rule: its precedence, where it is declared, and whether a scenario made it fire (null when the gate's
     * report is not at hand).
     */
    public record RuleLine(String name, int salience, boolean readsWhatIsFiring, String place, Boolean covered) {
    }

    private boolean mayRead() {
        return identity.hasRole(Roles.DECIDE);
    }

    private static Response signInFirst() {
        return Response.seeOther(URI.create("/console/sign-in")).build();
    }

    @GET
    public Response home(@QueryParam("q") String query) throws IOException {
        if (!mayRead()) {
            return signInFirst();
        }
        if (query != null && !query.isBlank()) {
            Optional<DecisionView> byId = search.byId(query.strip());
            if (byId.isPresent()) {
                return Response.seeOther(URI.create("/console/decisions/" + byId.get().decisionId())).build();
            }
            return Response.ok(Templates.home(query.strip(), search.find(query), true, List.of())).build();
        }
        return Response.ok(Templates.home("", List.of(), false, search.newest(NEWEST))).build();
    }

    @GET
    @Path("decisions/{decisionId}")
    public Response decision(@PathParam("decisionId") String decisionId) throws IOException {
        if (!mayRead()) {
            return signInFirst();
        }
        Optional<DecisionView> view = search.byId(decisionId);
        return view.isPresent() ? Response.ok(Templates.decision(view.get())).build()
                : Response.status(Response.Status.NOT_FOUND).entity(Templates.missing(decisionId)).build();
    }

    @GET
    @Path("try")
    public Response trialForm() {
        if (!mayRead()) {
            return signInFirst();
        }
        return Response.ok(Templates.trial(TrialForm.EMPTY, TrialChoices.of(active.get().catalog()), List.of(), null,
                null, null)).build();
    }

    /** The decision the active rules would make for the alert of the form; nothing is recorded. */
    @POST
    @Path("try")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response trial(@BeanParam TrialFields fields) {
        if (!mayRead()) {
            return signInFirst();
        }
        TrialForm form = fields.form();
        TrialChoices choices = TrialChoices.of(active.get().catalog());
        TrialForm.Read read = form.read(clock.instant());
        List<String> problems = new ArrayList<>(read.problems());
        if (problems.isEmpty()) {
            for (ConstraintViolation<AlertInput> violation : validator.validate(read.input())) {
                problems.add(violation.getPropertyPath() + ": " + violation.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return Response.status(422).entity(Templates.trial(form, choices, problems, null, null, null)).build();
        }
        DecisionService.Trial trial = decisions.trial(read.input(), active.get());
        DecisionView decision = DecisionView.of(trial.alert(), trial.decision(), clock.instant());
        Optional<RuleSet> candidate = review.candidate();
        DecisionView underCandidate = null;
        if (candidate.isPresent()) {
            DecisionService.Trial tried = decisions.trial(read.input(), candidate.get());
            underCandidate = DecisionView.of(tried.alert(), tried.decision(), clock.instant());
        }
        return Response.ok(Templates.trial(form, choices, List.of(), decision, underCandidate,
                candidate.map(RuleSet::version).orElse(null))).build();
    }

    /** The form's fields, as the browser posts them. */
    public static class TrialFields {
        @FormParam("kind")
        String kind;
        @FormParam("severity")
        String severity;
        @FormParam("service")
        String service;
        @FormParam("model")
        String model;
        @FormParam("environment")
        String environment;
        @FormParam("labels")
        String labels;
        @FormParam("firedAt")
        String firedAt;

        TrialForm form() {
            return new TrialForm(kind, severity, service, model, environment, labels, firedAt);
        }
    }

    @GET
    @Path("ruleset")
    public Response ruleSet() {
        if (!mayRead()) {
            return signInFirst();
        }
        RuleSet ruleSet = active.get();
        Optional<GateReport> gate = verifier.reportOf(ruleSet.version());
        List<RuleLine> rules = ruleSet.ruleNames().stream().map(name -> new RuleLine(name, ruleSet.salience(name),
                        ruleSet.rulesOnFiringAlerts().contains(name), ruleSet.placeOfRule().getOrDefault(name, ""),
                        gate.map(g -> g.coverage().fired().contains(name)).orElse(null)))
                .sorted(java.util.Comparator.comparingInt(RuleLine::salience).reversed()).toList();
        return Response.ok(Templates.ruleset(new RuleSetView(ruleSet.version(), ruleSet.loadedAt().toString(), rules,
                ruleSet.warnings(), reloads.newestFirst(), gate.orElse(null)))).build();
    }

    /** Who can be woken, when: every team with its heat map, once the active rule set is explored. */
    @GET
    @Path("teams")
    public Response teams() {
        if (!mayRead()) {
            return signInFirst();
        }
        Optional<Map<String, WeekOfPages.TeamWeek>> weeks = explored.ofActive();
        List<TeamLine> lines = weeks.orElse(Map.of()).values().stream()
                .map(week -> new TeamLine(week.team(), week.zone().getId(), week.busiestHour())).toList();
        return Response.ok(Templates.teams(lines, weeks.isEmpty(), explored.version())).build();
    }

    @GET
    @Path("teams/{team}")
    public Response team(@PathParam("team") String team, @QueryParam("hour") Integer hour) {
        if (!mayRead()) {
            return signInFirst();
        }
        Optional<Map<String, WeekOfPages.TeamWeek>> weeks = explored.ofActive();
        if (weeks.isEmpty()) {
            return Response.seeOther(URI.create("/console/teams")).build();
        }
        WeekOfPages.TeamWeek week = weeks.get().get(team);
        if (week == null) {
            return Response.status(Response.Status.NOT_FOUND).entity(Templates.teams(List.of(), false,
                    explored.version())).build();
        }
        return Response.ok(Templates.team(TeamWeekView.of(week, explored.version(), hour))).build();
    }

    private boolean mayReview() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** An admin's candidate rule set, compared with the active one: its diff, and who it would wake, when. */
    @GET
    @Path("candidate")
    public Response candidate() {
        if (!mayRead()) {
            return signInFirst();
        }
        Optional<CandidateReview.State> state = review.state();
        List<NightPagesLine> night = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        if (state.isPresent() && state.get().done()) {
            state.get().diff().nightPages().forEach((team, pages) ->
                    night.add(new NightPagesLine(team, pages.added(), pages.removed())));
            state.get().diff().changes().stream().limit(MAX_CHANGES).map(Finding::text).forEach(changes::add);
            java.util.Set<String> all = new java.util.TreeSet<>(state.get().weeks().keySet());
            all.addAll(state.get().activeWeeks().keySet());
            teams.addAll(all);
        }
        return Response.ok(Templates.candidate(mayReview(), state.map(CandidateReview.State::rulesDir).orElse(""),
                state.map(CandidateReview.State::policiesDir).orElse(""), state.orElse(null), night, changes, teams))
                .build();
    }

    /** The change lines a candidate's page lists; the count says how many there are in all. */
    static final int MAX_CHANGES = 30;

    @POST
    @Path("candidate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reviewCandidate(@FormParam("rules") String rules, @FormParam("policies") String policies) {
        if (!mayReview()) {
            return mayRead() ? Response.status(Response.Status.FORBIDDEN).entity(Templates.candidate(false, "", "",
                    null, List.of(), List.of(), List.of())).build() : signInFirst();
        }
        if (rules == null || rules.isBlank() || policies == null || policies.isBlank()) {
            return Response.seeOther(URI.create("/console/candidate")).build();
        }
        review.start(java.nio.file.Path.of(rules.strip()), java.nio.file.Path.of(policies.strip()));
        return Response.seeOther(URI.create("/console/candidate")).build();
    }

    /** A team's week under the active rule set and under the candidate, side by side. */
    @GET
    @Path("candidate/teams/{team}")
    public Response sideBySide(@PathParam("team") String team) {
        if (!mayRead()) {
            return signInFirst();
        }
        Optional<CandidateReview.State> state = review.state().filter(CandidateReview.State::done);
        if (state.isEmpty()) {
            return Response.seeOther(URI.create("/console/candidate")).build();
        }
        WeekOfPages.TeamWeek before = state.get().activeWeeks().get(team);
        WeekOfPages.TeamWeek after = state.get().weeks().get(team);
        TeamWeekView.Scale scale = TeamWeekView.Scale.of(before, after);
        return Response.ok(Templates.sideBySide(
                before == null ? null : TeamWeekView.of(before, state.get().activeVersion(), null, scale),
                after == null ? null : TeamWeekView.of(after, state.get().candidate().version(), null, scale), team))
                .build();
    }

    @GET
    @Path("sign-in")
    public TemplateInstance signInForm() {
        return Templates.signIn(null);
    }

    /** Checks the key and keeps it in a cookie of the console's own, so that pages need no header. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("key") String key) {
        if (key == null || !keys.grantFor(key.strip()).granted()) {
            return Response.status(401).entity(Templates.signIn("that key is not one of this service's keys"))
                    .build();
        }
        NewCookie cookie = new NewCookie.Builder(BearerKeyAuthentication.CONSOLE_COOKIE).value(key.strip())
                .path(BearerKeyAuthentication.CONSOLE_PATH).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/console")).cookie(cookie).build();
    }
}
