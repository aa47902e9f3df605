package dev.pagerpolicy.compile;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;

/**
 * Compiles DRL text into a KieBase with Drools' executable model. Runs once per rule set (start-up, reload,
 * {@code check}), never per decision. Compile errors keep Drools' line numbers and are reported against the
 * file the author edited, not Drools' virtual file system.
 *
 * <p>Generating and compiling Java for every rule takes seconds; its output is kept in a {@link RuleCache}, so
 * rule files that were compiled once by this build of the service are only loaded afterwards. Files are
 * compiled one by one where they can be ({@link CompileUnits}), so that editing one file of a large rule set
 * recompiles that file alone.
 */
public final class RuleCompiler {
    private static final Logger LOG = Logger.getLogger(RuleCompiler.class);
    private static final String VIRTUAL_DIR = "src/main/resources/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    /**
     * The fact model's own class loader, not the thread's: rules must see the same classes whichever thread
     * (start-up, file watcher, request, test runner) compiles them.
     */
    private static final ClassLoader FACT_MODEL = RuleCompiler.class.getClassLoader();
    /** The fact model's class loader, as Drools' compiler is given it: with the answers to its lookups remembered. */
    private static final ClassLoader COMPILER_VIEW = new RememberedLookups(FACT_MODEL);
    private static final AtomicLong COMPILER_THREAD_IDS = new AtomicLong();
    /** Daemon threads: a command that has compiled its rules must be free to exit. */
    private static final ThreadFactory COMPILER_THREADS = task -> {
        Thread thread = new Thread(task, "rule-compiler-" + COMPILER_THREAD_IDS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    };

    private final RuleCache cache;

    public RuleCompiler(RuleCache cache) {
        this.cache = cache;
    }

    public KieBase compile(List<RuleFile> files) throws InvalidSourceException {
        try {
            List<Model> models = buildAll(CompileUnits.of(files));
            // A rule set is never changed once built (a reload builds another), and an immutable KieBase spares
            // every session the locking and bookkeeping that rule base changes would need: 10-20 % of a decision.
            return KieBaseBuilder.createKieBaseFromModel(models, KieBaseMutabilityOption.DISABLED);
        } catch (OutOfMemoryError e) {
            // Compiling needs far more memory than deciding (1,000 rules in one file need about 256 MiB of heap).
            // What the compile allocated is garbage once unwound, so the service goes on with the rule set it has.
            // Say which memory ran out: the heap is not always the one (slow clients can hold direct memory).
            throw new InvalidSourceException(List.of(Problem.inFile("rules", "ran out of memory compiling these rules ("
                    + e.getMessage() + ", heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB): a rule set this large needs a larger -Xmx, unless memory was short for another reason"
                    + " (see the \"memory\" check of /q/health/ready)")));
        }
    }

    /** The rule models of every unit, in order; the problems of all units together when any fails. */
    private List<Model> buildAll(List<List<RuleFile>> units) throws InvalidSourceException {
        // Units build side by side: each build spends much of its time single-threaded in the Java compiler.
        ExecutorService workers = Executors.newFixedThreadPool(
                Math.max(1, Math.min(units.size(), Runtime.getRuntime().availableProcessors())), COMPILER_THREADS);
        try {
            List<Future<List<Model>>> built = new ArrayList<>();
            for (List<RuleFile> unit : units) {
                built.add(workers.submit(() -> build(unit)));
            }
            List<Model> models = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (Future<List<Model>> unit : built) {
                try {
                    models.addAll(unit.get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof InvalidSourceException invalid)) {
                        throw rethrown(e.getCause());
                    }
                    problems.addAll(invalid.problems());
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidSourceException(problems);
            }
            return models;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling rules", e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** What a unit's build threw, thrown again on the calling thread (errors such as running out of heap included). */
    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** The rule models of one unit: loaded from the cache when this build compiled the same files before. */
    private List<Model> build(List<RuleFile> unit) throws InvalidSourceException {
        Optional<String> key = RuleCacheKey.of(unit);
        Optional<GeneratedRules> cached = key.flatMap(cache::get);
        if (cached.isPresent()) {
            try {
                return cached.get().models(FACT_MODEL);
            } catch (RuntimeException | LinkageError e) {
                LOG.warnf("compiled rules in the cache %s cannot be loaded (%s); the rules are compiled again", cache, e);
            }
        }
        GeneratedRules generated = generate(unit);
        key.ifPresent(k -> cache.put(k, generated));
        return generated.models(FACT_MODEL);
    }

    /** A build of rule files as one module: what Drools said of it, and where its virtual files came from. */
    private record Build(KieServices kie, ReleaseId releaseId, KieBuilder builder, Map<String, RuleFile> byVirtualPath) {
        /** Drools installs each module in its repository, which would otherwise keep every build ever made. */
        void discard() {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    /** Runs Drools' compiler; it reports what is wrong as messages, or, on some mistakes, throws. */
    private static Build runCompiler(List<RuleFile> files) {
        KieServices kie = KieServices.Factory.get();
        // Each build gets its own release id, so that concurrent or repeated builds never share a module.
        ReleaseId releaseId = kie.newReleaseId("dev.pagerpolicy", "rules", "1." + BUILDS.incrementAndGet());
        KieFileSystem fileSystem = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, RuleFile> byVirtualPath = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            // Numbered names keep Drools from choking on spaces or directories in the user's file names.
            String name = "r" + i + ".drl";
            fileSystem.write(VIRTUAL_DIR + name, files.get(i).text());
            // Drools reports paths relative to the resources root.
            byVirtualPath.put("rules/" + name, files.get(i));
            byVirtualPath.put(VIRTUAL_DIR + name, files.get(i));
        }
        try {
            return new Build(kie, releaseId, kie.newKieBuilder(fileSystem, COMPILER_VIEW)
                    .buildAll(ExecutableModelProject.class), byVirtualPath);
        } catch (RuntimeException crash) {
            kie.getRepository().removeKieModule(releaseId);
            throw crash;
        }
    }

    /** Whether Drools reports an error, or throws, compiling {@code file} alone. */
    private static boolean fails(RuleFile file) {
        try {
            Build build = runCompiler(List.of(file));
            build.discard();
            return build.builder().getResults().getMessages(Message.Level.ERROR).stream()
                    .anyMatch(m -> !m.getText().contains(NULL_PACKAGE));
        } catch (RuntimeException crash) {
            return true;
        }
    }

    /** The one file among {@code files} that does not compile alone, or null when none or several do not. */
    private static RuleFile onlyFailingAlone(List<RuleFile> files) {
        List<RuleFile> failing = files.stream().filter(RuleCompiler::fails).limit(2).toList();
        return failing.size() == 1 ? failing.get(0) : null;
    }

    /** Whether compiling {@code files} makes Drools' compiler throw, rather than report what is wrong. */
    private static boolean crashes(List<RuleFile> files) {
        try {
            runCompiler(files).discard();
            return false;
        } catch (RuntimeException crash) {
            return true;
        }
    }

    private static GeneratedRules generate(List<RuleFile> files) throws InvalidSourceException {
        Build build;
        try {
            build = runCompiler(files);
        } catch (RuntimeException crash) {
            throw new InvalidSourceException(CompilerCrash.locate(files, crash, alone -> crashes(List.of(alone))));
        }
        KieBuilder builder = build.builder();
        Map<String, RuleFile> byVirtualPath = build.byVirtualPath();
        List<DrlMistakes.Raw> messages = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (message.getText().contains(NULL_PACKAGE)) {
                continue; // a consequence of the syntax error reported beside it, not a problem of its own
            }
            RuleFile file = message.getPath() == null ? null : byVirtualPath.get(message.getPath());
            String text = cleanMessage(message.getText());
            boolean ofGeneratedJava = file == null;
            if (ofGeneratedJava && !text.startsWith(DrlMistakes.GENERATED_SOURCE)) {
                // An error of the generated Java (a consequence calling what does not exist) names no file of
                // ours, and its line is the generated code's: the one file that fails alone holds it.
                file = onlyFailingAlone(files);
            }
            int line = file == null ? 0 : !ofGeneratedJava && message.getLine() > 0 ? message.getLine()
                    : lineOfQuotedExpression(file.text(), text);
            if (file != null && line == 0) {
                // Drools gave no line and quoted nothing findable: the rule that fails alone is where the mistake is.
                List<RuleLocator.Rule> failing = RuleLocator.failing(file, RuleCompiler::fails);
                if (!failing.isEmpty()) {
                    line = failing.get(0).line();
                    text = "rule \"" + failing.get(0).name() + "\": " + text;
                }
            }
            messages.add(new DrlMistakes.Raw(file, line, text));
        }
        List<Problem> problems = DrlMistakes.explain(messages, files);
        build.discard();
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        return GeneratedRules.of((InternalKieModule) builder.getKieModule());
    }

    /**
     * The executable model reports some constraint errors without a line but quoting the expression
     * ("Unable to parse left part of expression: urgency > 3"); the line where that text stands is the best
     * pointer an author can get. 0 when it cannot be found.
     */
    static int lineOfQuotedExpression(String drl, String message) {
        int colon = message.lastIndexOf(": ");
        if (colon < 0) {
            return 0;
        }
        String expression = message.substring(colon + 2).strip();
        int at = expression.isEmpty() ? -1 : drl.indexOf(expression);
        return at < 0 ? 0 : DrlText.lineAt(drl, at);
    }

    private static String cleanMessage(String text) {
        return text.replace(VIRTUAL_DIR, "").strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
