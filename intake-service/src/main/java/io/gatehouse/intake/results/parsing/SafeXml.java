package io.gatehouse.intake.results.parsing;

import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams through an XML document a tool wrote, element by element, and never loads a DTD or an external entity nor
 * expands an entity a document declares. A DOCTYPE line naming an external DTD (every JaCoCo and Cobertura report
 * has one) is accepted and ignored; a DOCTYPE with an internal subset, the only place a document can declare
 * entities, is refused before anything after it is read, so neither an external entity (XXE) nor an entity
 * expansion ("billion laughs") ever gets a chance.
 */
public final class SafeXml {

    /** Deeper nesting is refused: no real report comes near it, and a hostile one would make every parser's stack grow. */
    static final int MAX_DEPTH = 256;

    private static final String NO_DTD = "Gatehouse loads no DTD and no external entity, and expands no entity a document declares";

    /** What a parser does with the elements of a document. */
    public interface Visitor {

        /** An element starts; its attributes can be read from {@code element} during this call only. */
        void start(Element element);

        /** The element named {@code name} ends. */
        default void end(String name) {
        }
    }

    /** The element a {@link Visitor} is told about, and where it sits in the document. */
    public static final class Element {

        private final XMLStreamReader reader;
        private final Deque<String> ancestors;

        private Element(XMLStreamReader reader, Deque<String> ancestors) {
            this.reader = reader;
            this.ancestors = ancestors;
        }

        /** The element's local name (reports use no namespaces that matter). */
        public String name() {
            return reader.getLocalName();
        }

        /** How many elements enclose it: 0 for the root. */
        public int depth() {
            return ancestors.size();
        }

        /** The name of the enclosing element {@code levels} up (1: the parent), if there is one. */
        public Optional<String> ancestor(int levels) {
            Iterator<String> outward = ancestors.iterator();
            for (int i = 1; outward.hasNext(); i++) {
                String name = outward.next();
                if (i == levels) {
                    return Optional.of(name);
                }
            }
            return Optional.empty();
        }

        /** The value of the attribute without namespace named {@code name}, if present. */
        public Optional<String> attribute(String name) {
            return Optional.ofNullable(reader.getAttributeValue(null, name));
        }

        /** A copy of those attributes among {@code names} that are present, to keep beyond this call. */
        public Map<String, String> attributes(String... names) {
            Map<String, String> present = new LinkedHashMap<>();
            for (String name : names) {
                attribute(name).ifPresent(value -> present.put(name, value));
            }
            return present;
        }

        /** The line the element starts on, for refusals that point at it. */
        public int line() {
            return reader.getLocation().getLineNumber();
        }
    }

    private SafeXml() {
    }

    /**
     * Streams {@code body} through {@code visitor}.
     *
     * @param kind what the document is, as refusals name it, e.g. {@code test-report}
     * @param resolution what the sender should do when the document is refused
     * @throws RejectedPayload when the body is empty, not well-formed, declares entities or nests too deep, or when
     *     the visitor refuses what it reads
     */
    public static void read(byte[] body, String kind, String resolution, Visitor visitor) {
        if (body == null || body.length == 0) {
            throw RejectedPayload.invalid(kind, "the body is empty", resolution);
        }
        Deque<String> open = new ArrayDeque<>();
        try {
            XMLStreamReader reader = hardenedFactory().createXMLStreamReader(new ByteArrayInputStream(body));
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> {
                        if (declaresInternalSubset(reader.getText())) {
                            throw RejectedPayload.invalid(kind, "the document declares a DTD internal subset (<!DOCTYPE ... [ ... ]>), "
                                    + "where entities are declared; " + NO_DTD + ", so it refuses such documents",
                                    "send the document as the tool wrote it: a DOCTYPE that only names an external DTD is accepted (and never loaded)");
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw RejectedPayload.invalid(kind, "elements are nested more than " + MAX_DEPTH + " deep (line "
                                    + reader.getLocation().getLineNumber() + ")", resolution);
                        }
                        visitor.start(new Element(reader, open));
                        open.push(reader.getLocalName());
                    }
                    case XMLStreamConstants.END_ELEMENT -> visitor.end(open.pop());
                    default -> {
                        // Text, comments and processing instructions carry nothing a report parser reads.
                    }
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw RejectedPayload.invalid(kind, notWellFormed(e), resolution, e);
        }
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK's own implementation, whatever else is on the class path: these settings are known to hold for it.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // Without DTD support the DOCTYPE is reported but neither its external subset is loaded nor its internal one
        // applied: an entity it declares stays undeclared, and a reference to it is an error, never an expansion.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("the document refers to " + systemId + ", which is never loaded");
        });
        return factory;
    }

    /** Whether a DOCTYPE declaration has an internal subset: a '[' outside its quoted public and system ids. */
    static boolean declaresInternalSubset(String doctype) {
        char quote = 0;
        for (char c : doctype.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                return true;
            }
        }
        return false;
    }

    private static String notWellFormed(XMLStreamException e) {
        // The JDK's message starts with its own "ParseError at [row,col]" preamble; the location is given once, below.
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf("Message: ");
        String what = (start >= 0 ? message.substring(start + "Message: ".length()) : message).strip();
        Location location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
        String entities = what.toLowerCase(Locale.ROOT).contains("entity") ? "; " + NO_DTD : "";
        return "the body is not well-formed XML" + where + ": " + what + entities;
    }
}
