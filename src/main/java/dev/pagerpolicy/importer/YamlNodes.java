package dev.pagerpolicy.importer;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A YAML file as nodes that know their lines, for files of other tools that are read, not bound to classes. */
final class YamlNodes {
    private YamlNodes() {
    }

    static Node compose(Path path) throws InvalidSourceException {
        String file = path.getFileName().toString();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node document = new Yaml(options).compose(new StringReader(Files.readString(path)));
            if (document == null) {
                throw new InvalidSourceException(List.of(Problem.inFile(file, "is empty")));
            }
            return document;
        } catch (MarkedYAMLException e) {
            throw new InvalidSourceException(List.of(new Problem(file, e.getProblemMark().getLine() + 1,
                    "not YAML: " + e.getProblem())));
        } catch (YAMLException | IOException e) {
            throw new InvalidSourceException(List.of(Problem.inFile(file, "cannot be read: " + e.getMessage())));
        }
    }

    /** A scalar's text, or null for a mapping or a list. */
    static String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
