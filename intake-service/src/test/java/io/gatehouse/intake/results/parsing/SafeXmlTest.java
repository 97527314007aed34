package io.gatehouse.intake.results.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.HostileXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

    @TempDir
    Path folder;

    private final List<String> seen = new ArrayList<>();
    private final SafeXml.Visitor recorder = element -> seen.add(element.name() + "@" + element.depth()
            + element.ancestor(1).map(parent -> "<" + parent).orElse("") + element.attribute("name").map(n -> "[" + n + "]").orElse(""));

    @Test
    void elementsAreVisitedWithTheirDepthParentAndAttributes() {
        SafeXml.read(utf8("<a name=\"x\"><b><c name=\"y\"/></b></a>"), "test-report", "fix it", recorder);

        assertThat(seen).containsExactly("a@0[x]", "b@1<a", "c@2<b[y]");
    }

    @Test
    void aDoctypeNamingAnExternalDtdIsAcceptedAndTheDtdIsNeverLoaded() {
        HostileXml hostile = HostileXml.withLocalFileIn(folder);
        // The local file is not a DTD at all: loading it would fail the document.
        SafeXml.read(hostile.externalDtd("report", "<report name=\"r\"/>"), "coverage", "fix it", recorder);
        SafeXml.read(utf8("<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\"><report/>"),
                "coverage", "fix it", recorder);
        SafeXml.read(utf8("<!DOCTYPE coverage SYSTEM \"http://127.0.0.1:9/never-asked.dtd\"><coverage/>"), "coverage", "fix it", recorder);

        assertThat(seen).containsExactly("report@0[r]", "report@0", "coverage@0");
    }

    @Test
    void anExternalEntityIsRefusedAndNothingOfTheLocalFileAppears() {
        HostileXml hostile = HostileXml.withLocalFileIn(folder);

        assertThatThrownBy(() -> SafeXml.read(hostile.externalEntity("report"), "coverage", "fix it", recorder))
                .isInstanceOf(RejectedPayload.class)
                .satisfies(refused -> assertThat(((RejectedPayload) refused).report().context())
                        .contains("DTD internal subset").contains("expands no entity").doesNotContain(hostile.marker()))
                .satisfies(refused -> assertThat(stackTraceOf(refused)).doesNotContain(hostile.marker()));
        assertThat(seen).as("nothing after the DOCTYPE was read").isEmpty();
    }

    @Test
    void anExternalParameterEntityIsRefused() {
        HostileXml hostile = HostileXml.withLocalFileIn(folder);

        assertThatThrownBy(() -> SafeXml.read(hostile.externalParameterEntity("report"), "coverage", "fix it", recorder))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("DTD internal subset").satisfies(refused ->
                        assertThat(stackTraceOf(refused)).doesNotContain(hostile.marker()));
    }

    @Test
    void anEntityExpansionIsRefusedBeforeAnythingIsExpanded() {
        assertThatThrownBy(() -> SafeXml.read(HostileXml.entityExpansion("testsuites"), "test-report", "fix it", recorder))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("DTD internal subset");
        assertThat(seen).isEmpty();
    }

    @Test
    void anEntityReferenceWithoutAnyDeclarationIsNotWellFormed() {
        assertThatThrownBy(() -> SafeXml.read(utf8("<a>&undeclared;</a>"), "test-report", "fix it", recorder))
                .isInstanceOf(RejectedPayload.class)
                .hasMessageContaining("not well-formed XML (line 1")
                .hasMessageContaining("undeclared")
                .hasMessageContaining("expands no entity");
    }

    @Test
    void aBracketInsideTheQuotedIdsIsNoInternalSubset() {
        assertThat(SafeXml.declaresInternalSubset("<!DOCTYPE r PUBLIC \"-//X[1]//EN\" 'r[2].dtd'>")).isFalse();
        assertThat(SafeXml.declaresInternalSubset("<!DOCTYPE r [<!ENTITY a \"b\">]>")).isTrue();
        assertThat(SafeXml.declaresInternalSubset("<!DOCTYPE r SYSTEM \"r.dtd\" [ ]>")).isTrue();
    }

    @Test
    void truncatedEmptyAndTooDeeplyNestedDocumentsAreRefused() {
        assertThatThrownBy(() -> SafeXml.read(utf8("<a><b></b>"), "test-report", "fix it", recorder))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("not well-formed XML");
        assertThatThrownBy(() -> SafeXml.read(new byte[0], "test-report", "fix it", recorder))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("the body is empty");
        String deep = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);
        assertThatThrownBy(() -> SafeXml.read(utf8(deep), "test-report", "fix it", element -> { }))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("nested more than 256 deep");
        SafeXml.read(utf8("<a>".repeat(SafeXml.MAX_DEPTH) + "</a>".repeat(SafeXml.MAX_DEPTH)), "test-report", "fix it", element -> { });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String stackTraceOf(Throwable failure) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }
}
