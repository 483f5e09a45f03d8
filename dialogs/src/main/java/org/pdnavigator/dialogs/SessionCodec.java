package org.pdnavigator.dialogs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A session as compact, versioned text for storage: enum constants by name, ids as they are, the trail as a
 * list from the oldest. Only what a person tapped is in it, never anything they typed.
 *
 * <p>Version 1: {@code {"v":1,"t":[{"s":"ROLE","a":{...},"n":3,"k":"c:SELF"}, ...]}}, the current session last.
 */
public final class SessionCodec {

    public static final int VERSION = 1;

    private final ObjectMapper json = new ObjectMapper();

    public String encode(Session session) {
        List<Session> trail = new ArrayList<>();
        for (Session s = session; s != null; s = s.previous()) {
            trail.add(0, s);
        }
        ObjectNode root = json.createObjectNode();
        root.put("v", VERSION);
        ArrayNode steps = root.putArray("t");
        for (Session s : trail) {
            ObjectNode node = steps.addObject();
            node.put("s", s.step().name());
            node.set("a", answers(s.answers()));
            node.put("n", s.turn());
            if (s.lastTap() != null) {
                node.put("k", s.lastTap().event().code() + ":" + s.lastTap().value());
            }
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a stored session.
     *
     * @throws IllegalArgumentException when the text is not a session of a known version; callers start over
     */
    public Session decode(String text) {
        try {
            JsonNode root = json.readTree(text);
            if (root == null || root.path("v").asInt() != VERSION) {
                throw new IllegalArgumentException("Not a version " + VERSION + " session");
            }
            Session session = null;
            for (JsonNode node : root.path("t")) {
                String tap = node.path("k").asText(null);
                Action lastTap = tap == null ? null : Action.of(Event.ofCode(tap.charAt(0)).orElseThrow(),
                    tap.substring(2));
                session = new Session(Step.valueOf(node.path("s").asText()), answers(node.path("a")),
                    node.path("n").asInt(), lastTap, session);
            }
            if (session == null) {
                throw new IllegalArgumentException("A session without steps");
            }
            return session;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("Not a stored session: " + e.getMessage(), e);
        }
    }

    private ObjectNode answers(Answers a) {
        ObjectNode node = json.createObjectNode();
        put(node, "role", a.role());
        put(node, "situation", a.situation());
        put(node, "courtCase", a.courtCase());
        put(node, "deniedAt", a.deniedAt());
        put(node, "urgent", a.urgent());
        put(node, "courtState", a.courtState());
        put(node, "court", a.court());
        put(node, "facility", a.facility());
        put(node, "oplaField", a.oplaField());
        put(node, "oplaOffice", a.oplaOffice());
        if (a.noOffice()) {
            node.put("noOffice", true);
        }
        put(node, "eroState", a.eroState());
        put(node, "eroOffice", a.eroOffice());
        put(node, "letter", a.letter());
        put(node, "county", a.county());
        if (a.page() != 0) {
            node.put("page", a.page());
        }
        return node;
    }

    private static Answers answers(JsonNode n) {
        return new Answers(constant(Role.class, n, "role"), constant(Situation.class, n, "situation"),
            constant(Known.class, n, "courtCase"), constant(Rung.class, n, "deniedAt"),
            constant(Known.class, n, "urgent"), text(n, "courtState"), text(n, "court"), text(n, "facility"),
            text(n, "oplaField"), text(n, "oplaOffice"), n.path("noOffice").asBoolean(false), text(n, "eroState"),
            text(n, "eroOffice"), text(n, "letter"), text(n, "county"), n.path("page").asInt(0));
    }

    private static void put(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.put(name, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String name) {
        String value = text(node, name);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
