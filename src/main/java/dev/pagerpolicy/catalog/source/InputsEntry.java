package dev.pagerpolicy.catalog.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code inputs.yaml} as written: which labels carry an alert's own fields ({@code service: owner}), the severity
 * words of other tools ({@code warning: medium}), and the list of mappings, read entry by entry as
 * {@link MappingEntry}.
 */
public record InputsEntry(Map<String, String> labels, Map<String, String> severities, JsonNode mappings) {
}
