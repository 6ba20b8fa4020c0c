package org.ecx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converter on a synthetic file in the EU flat layout (the real lists are never committed). */
class ControlListConverterTest {

    /** Header of the EU flat layout; an item, a sub-item with a note, a sub-item in two paragraphs, one without text. */
    static final String SYNTHETIC_EU_FLAT = """
            paragraph_id,tree_path,depth,eccn,item_code,parent_item_code,is_note,note_type,label,category,category_name,category_part,subcategory,subcategory_name,regime,text
            1,0001,1,0E999,0E999,,0,base,0E999.,0,Cat zero,,E,Technology,Wassenaar Arrangement (WA),"Synthetic ""technology"" for testing, as follows:"
            2,00010001,2,0E999,0E999.a,0E999,0,base,a.,0,Cat zero,,E,Technology,Wassenaar Arrangement (WA),First synthetic sub-item;
            3,000100010001,3,0E999,,0E999.a,1,note,Note:,0,Cat zero,,E,Technology,Wassenaar Arrangement (WA),Does not apply to synthetic toys.
            4,00010002,2,0E999,0E999.b,0E999,0,base,b.,0,Cat zero,,E,Technology,Wassenaar Arrangement (WA),
            5,00010003,2,0E999,0E999.b,0E999,0,base,b.,0,Cat zero,,E,Technology,Wassenaar Arrangement (WA),Second paragraph numbered b.
            """;

    @TempDir
    Path dir;

    @Test
    void notesJoinTheirItemAndParagraphsSharingACodeBecomeOneEntry() throws Exception {
        Path in = dir.resolve("flat.csv");
        Files.writeString(in, SYNTHETIC_EU_FLAT);
        var entries = ControlListConverter.read(ControlListConverter.Layout.EU_FLAT, in, null, null);
        Path out = dir.resolve("edition.json");
        ControlListConverter.write(entries, new ControlListConverter.Edition("2026-01", "2026-01-01", null, "DRAFT"), out);

        JsonNode doc = EcxApi.JSON.readTree(out.toFile());
        assertThat(doc.path("edition").asText()).isEqualTo("2026-01");
        assertThat(doc.has("title")).isFalse();
        assertThat(doc.path("entries").findValuesAsText("code")).containsExactly("0E999", "0E999.a", "0E999.b");
        assertThat(doc.path("entries").findValuesAsText("regime")).containsOnly("WA");
        JsonNode a = doc.path("entries").get(1);
        assertThat(a.path("notes").get(0).asText()).isEqualTo("Note: Does not apply to synthetic toys.");
        JsonNode b = doc.path("entries").get(2);
        assertThat(b.path("text").asText()).isEqualTo("Second paragraph numbered b.");
        assertThat(b.path("notes").get(0).asText()).contains("2 paragraphs 0E999.b");
    }

    @Test
    void aLongTextIsCutToOneLineAtAWordBoundary() {
        String text = "word ".repeat(60);
        String title = ControlListConverter.title(text);
        assertThat(title).endsWith(" …").doesNotContain("  ");
        assertThat(title.length()).isLessThanOrEqualTo(162);
        assertThat(ControlListConverter.title("  ")).isEqualTo("(no text in the source)");
        assertThat(ControlListConverter.regime("Nuclear Suppliers Group (NSG)")).isEqualTo("NSG");
    }
}
