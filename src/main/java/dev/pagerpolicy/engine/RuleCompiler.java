package dev.pagerpolicy.engine;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL text into a KieBase with Drools' executable model. Runs once per rule set (start-up, reload,
 * {@code check}), never per decision. Compile errors keep Drools' line numbers and are reported against the
 * file the author edited, not Drools' virtual file system.
 */
public final class RuleCompiler {
    private static final String VIRTUAL_DIR = "src/main/resources/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleCompiler() {
    }

    public static KieBase compile(List<RuleFile> files) throws InvalidSourceException {
        KieServices kie = KieServices.Factory.get();
        // Each build gets its own release id, so that concurrent or repeated builds never share a module.
        ReleaseId releaseId = kie.newReleaseId("dev.pagerpolicy", "rules", "1." + BUILDS.incrementAndGet());
        KieFileSystem fileSystem = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, String> virtualToReal = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            // Numbered names keep Drools from choking on spaces or directories in the user's file names.
            String virtual = VIRTUAL_DIR + "r" + i + ".drl";
            virtualToReal.put(virtual, files.get(i).path());
            fileSystem.write(virtual, files.get(i).text());
        }
        KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
        List<Problem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String file = message.getPath() == null ? null : virtualToReal.get(message.getPath());
            problems.add(new Problem(file == null ? "rules" : file, Math.max(message.getLine(), 0),
                    cleanMessage(message.getText())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        KieContainer container = kie.newKieContainer(releaseId);
        try {
            return container.getKieBase();
        } finally {
            // The KieBase stays usable; the repository would otherwise keep every build ever made.
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static String cleanMessage(String text) {
        return text.replace(VIRTUAL_DIR, "").strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
