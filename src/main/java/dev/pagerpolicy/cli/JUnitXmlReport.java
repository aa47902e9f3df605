package dev.pagerpolicy.cli;

import dev.pagerpolicy.gate.ScenarioResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Scenario results as JUnit XML, which CI systems render: one test suite per scenario file. */
final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    static String render(List<ScenarioResult> results, String policyVersion) {
        Map<String, List<ScenarioResult>> byFile = new LinkedHashMap<>();
        results.forEach(r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r));
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "pager-policy scenarios (policy version " + policyVersion + ")");
            xml.writeAttribute("tests", String.valueOf(results.size()));
            xml.writeAttribute("failures", String.valueOf(results.stream().filter(r -> !r.passed()).count()));
            for (Map.Entry<String, List<ScenarioResult>> file : byFile.entrySet()) {
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", file.getKey());
                xml.writeAttribute("tests", String.valueOf(file.getValue().size()));
                xml.writeAttribute("failures", String.valueOf(file.getValue().stream().filter(r -> !r.passed()).count()));
                for (ScenarioResult result : file.getValue()) {
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", file.getKey());
                    xml.writeAttribute("name", result.name());
                    xml.writeAttribute("file", result.file());
                    xml.writeAttribute("line", String.valueOf(result.line()));
                    if (result.inconclusive()) {
                        xml.writeStartElement("skipped");
                        xml.writeAttribute("message", result.inconclusiveLine());
                        xml.writeEndElement();
                    }
                    if (!result.passed()) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", String.join("; ", result.mismatches()));
                        xml.writeCharacters(result.failureLine());
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return text + "\n";
    }
}
