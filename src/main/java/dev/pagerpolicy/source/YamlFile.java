package dev.pagerpolicy.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the YAML files that policy authors write, keeping the line of every list entry and turning every
 * syntax or type mistake into a {@link Problem} instead of an exception. Unknown fields are mistakes here:
 * in a hand-written file they are almost always typos.
 */
public final class YamlFile {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final byte[] content;
    private final String name;
    private final List<Problem> problems;
    private boolean unreadable;
    private final Set<String> unreadableEntryNames = new HashSet<>();

    /**
     * @param path     the file; messages name it as given, so a relative path stays relative
     * @param content  its bytes, read once by the caller, which may also hash them
     * @param problems where every problem found is added
     */
    public YamlFile(Path path, byte[] content, List<Problem> problems) {
        this.content = content;
        this.name = path.toString();
        this.problems = problems;
    }

    public String name() {
        return name;
    }

    /** Whether the file could not be parsed at all, so that nothing is known of its entries. */
    public boolean unreadable() {
        return unreadable;
    }

    /** The {@code name} of each entry that was present but could not be read: already reported. */
    public Set<String> unreadableEntryNames() {
        return Set.copyOf(unreadableEntryNames);
    }

    /** Reads the whole file as one object of {@code type}; empty when the file is broken. */
    public <T> Optional<Located<T>> readObject(Class<T> type) {
        try (JsonParser parser = MAPPER.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem(name, lineOf(parser), "expected a mapping at the top of the file"));
                return Optional.empty();
            }
            int line = lineOf(parser);
            Map<String, Integer> fieldLines = new HashMap<>();
            JsonNode node = readNode(parser, fieldLines);
            return convert(node, type, line, fieldLines, "");
        } catch (IOException e) {
            problems.add(syntaxProblem(e));
            return Optional.empty();
        }
    }

    /** Reads a file that is one list, e.g. a scenario file; each entry converted on its own. */
    public <T> List<Located<T>> readList(Class<T> type, String entryKind) {
        List<Located<T>> entries = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return entries;
            }
            if (first != JsonToken.START_ARRAY) {
                problems.add(new Problem(name, lineOf(parser), "expected a list of " + entryKind + "s"));
                return entries;
            }
            readEntries(parser, type, entryKind, entries);
        } catch (IOException e) {
            problems.add(syntaxProblem(e));
        }
        return entries;
    }

    /**
     * Reads the list under the top-level key {@code key}, e.g. {@code teams:}. Each entry is converted on its
     * own, so that one bad entry does not hide the problems of the others.
     */
    public <T> List<Located<T>> readList(String key, Class<T> type, String entryKind) {
        return readList(key, type, entryKind, true, Set.of());
    }

    /**
     * Reads the list under {@code key} of a file that holds other top-level keys too ({@code otherKeys}, read by
     * {@link #readObject}); a file without the key has no entries.
     */
    public <T> List<Located<T>> readOptionalList(String key, Class<T> type, String entryKind, Set<String> otherKeys) {
        return readList(key, type, entryKind, false, otherKeys);
    }

    private <T> List<Located<T>> readList(String key, Class<T> type, String entryKind, boolean required,
                                          Set<String> otherKeys) {
        List<Located<T>> entries = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem(name, lineOf(parser), "expected a mapping with the key \"" + key + "\""));
                return entries;
            }
            boolean found = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int fieldLine = lineOf(parser);
                JsonToken value = parser.nextToken();
                if (otherKeys.contains(field)) {
                    parser.skipChildren();
                } else if (!field.equals(key)) {
                    problems.add(new Problem(name, fieldLine, "unknown key \"" + field + "\" (expected \"" + key + "\")"));
                    parser.skipChildren();
                } else if (value != JsonToken.START_ARRAY) {
                    problems.add(new Problem(name, fieldLine, "\"" + key + "\" must be a list"));
                    parser.skipChildren();
                } else {
                    found = true;
                    readEntries(parser, type, entryKind, entries);
                }
            }
            if (!found && required) {
                problems.add(Problem.inFile(name, "missing the list \"" + key + "\""));
            }
        } catch (IOException e) {
            problems.add(syntaxProblem(e));
        }
        return entries;
    }

    private <T> void readEntries(JsonParser parser, Class<T> type, String entryKind, List<Located<T>> entries)
            throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            index++;
            int line = lineOf(parser);
            Map<String, Integer> fieldLines = new HashMap<>();
            JsonNode node = readNode(parser, fieldLines);
            Optional<Located<T>> entry = convert(node, type, line, fieldLines, entryKind + " #" + index + ": ");
            entry.ifPresent(entries::add);
            if (entry.isEmpty() && node.hasNonNull("name")) {
                unreadableEntryNames.add(node.get("name").asText());
            }
        }
    }

    /**
     * The value at the parser, noting the line of each of its top-level fields when it is a mapping: Jackson's tree
     * keeps no lines, and a problem belongs at the line of its field.
     */
    private static JsonNode readNode(JsonParser parser, Map<String, Integer> fieldLines) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return parser.readValueAsTree();
        }
        ObjectNode object = MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            fieldLines.putIfAbsent(field, lineOf(parser));
            parser.nextToken();
            object.set(field, parser.readValueAsTree());
        }
        return object;
    }

    private <T> Optional<Located<T>> convert(JsonNode node, Class<T> type, int line, Map<String, Integer> fieldLines,
                                             String prefix) {
        try {
            return Optional.of(new Located<>(MAPPER.treeToValue(node, type), name, line, fieldLines));
        } catch (JsonProcessingException e) {
            problems.add(new Problem(name, fieldLines.getOrDefault(topField(e), line), prefix + describe(e)));
            return Optional.empty();
        }
    }

    /** The top-level field a conversion failed on, if Jackson says. */
    private static String topField(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u && u.getPath().size() <= 1) {
            return u.getPropertyName();
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return m.getPath().get(0).getFieldName();
        }
        return null;
    }

    private Problem syntaxProblem(IOException e) {
        unreadable = true;
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            return new Problem(name, jpe.getLocation().getLineNr(), "invalid YAML: " + firstLine(jpe.getOriginalMessage()));
        }
        return Problem.inFile(name, "cannot read: " + e.getMessage());
    }

    /** Turns Jackson's messages, which name Java classes, into ones that name the fields of the file. */
    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return "unknown field \"" + u.getPropertyName() + "\" (known fields: " + known + ")";
        }
        String field = e instanceof JsonMappingException m ? fieldPath(m) : "";
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return "field \"" + field + "\": " + invalid.getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return "field \"" + field + "\": \"" + f.getValue() + "\" is not a " + f.getTargetType().getSimpleName();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "field \"" + field + "\": expected " + typeName(m.getTargetType());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a text value";
        }
        return "a mapping";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static int lineOf(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
