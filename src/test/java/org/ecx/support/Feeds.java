package org.ecx.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import org.ecx.common.Cursors;
import org.ecx.feed.FeedHead;

/** Reads the change feed in tests: the current end as a cursor, and everything after a cursor. */
public final class Feeds {

    private Feeds() {
    }

    /** What a follower got: the items in order and the cursor to continue from. */
    public record Drained(List<JsonNode> items, String cursor) {
    }

    private static final String END_MARK = "end-of-feed-at:";

    /**
     * The current end of the feed (what a follower that read everything holds), once everything written so far is
     * sealed. Cursors are bound to the state that reads them: {@link #drain} turns this into that state's cursor.
     */
    public static String endCursor() {
        Sealing.await();
        long head = QuarkusTransaction.requiringNew().call(() -> FeedHead.<FeedHead>findById(FeedHead.ID).lastSeq);
        return END_MARK + head;
    }

    /** {@code state}'s cursor at the current end of the feed. */
    public static String endCursor(String state) {
        String end = endCursor();
        return cursorOf(state, Long.parseLong(end.substring(END_MARK.length())));
    }

    /** {@code state}'s cursor at a feed position (what the feed would have handed it there). */
    public static String cursorOf(String state, long position) {
        return Cursors.encode("feed", state, Long.toString(position));
    }

    /** Follows the feed as {@code state}'s federation peer from {@code cursor} until caught up. */
    public static Drained drain(String state, String cursor, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String next = cursor != null && cursor.startsWith(END_MARK)
                ? cursorOf(state, Long.parseLong(cursor.substring(END_MARK.length()))) : cursor;
        while (true) {
            var spec = Api.as(state, "federation-peer").queryParam("limit", limit);
            if (next != null) {
                spec = spec.queryParam("cursor", next);
            }
            String body = spec.get("/api/v1/feed").then().statusCode(200).extract().asString();
            JsonNode page = read(body);
            page.path("items").forEach(items::add);
            next = page.path("nextCursor").asText();
            if (page.path("caughtUp").asBoolean()) {
                return new Drained(items, next);
            }
        }
    }

    public static Drained drain(String state, String cursor) {
        return drain(state, cursor, 500);
    }

    /** The feed items about one record, in feed order. */
    public static List<JsonNode> about(Drained drained, String recordId) {
        return drained.items().stream().filter(i -> i.path("recordId").asText().equals(recordId)).toList();
    }

    public static JsonNode read(String json) {
        try {
            return DenialFixtures.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
