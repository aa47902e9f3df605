package dev.pagerpolicy.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code inputs.yaml} as written: the severity words of other tools ({@code warning: medium}), and the list of
 * mappings, read entry by entry as {@link MappingEntry}.
 */
public record InputsEntry(Map<String, String> severities, JsonNode mappings) {
}
