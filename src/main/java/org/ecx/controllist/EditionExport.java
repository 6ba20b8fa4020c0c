package org.ecx.controllist;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Full exports of an edition, written page by page as the client reads them: JSON in the import format
 * ({@code edition, title, effectiveDate, status, renumbered, entries}; no list id, so a document can be
 * imported into another list too) or CSV with the import columns. Re-importing an export gives an identical
 * edition (and a byte-identical export).
 */
@ApplicationScoped
class EditionExport {

    private static final int PAGE = 1000;

    @Inject
    ControlListCatalog catalog;

    @Inject
    ObjectMapper mapper;

    /** Entries are immutable, so the edition's id and version identify the bytes of an export. */
    static String etag(ControlListEdition e, String format) {
        return EtagSupport.etagOf("export|" + format + "|" + e.id + "|" + e.version);
    }

    StreamingOutput json(ControlListEdition e) {
        EditionView edition = EditionView.of(e);
        long editionId = e.id;
        return out -> {
            JsonGenerator g = mapper.getFactory().createGenerator(nonClosing(out));
            g.writeStartObject();
            g.writeStringField("edition", edition.edition());
            if (edition.title() != null) {
                g.writeStringField("title", edition.title());
            }
            g.writeStringField("effectiveDate", edition.effectiveDate().toString());
            g.writeStringField("status", edition.status().name());
            g.writeFieldName("renumbered");
            g.writeObject(edition.renumbered());
            g.writeArrayFieldStart("entries");
            forEachPage(editionId, page -> {
                for (EntryView entry : page) {
                    g.writeObject(entry);
                }
            });
            g.writeEndArray();
            g.writeEndObject();
            g.close();
        };
    }

    StreamingOutput csv(ControlListEdition e) {
        long editionId = e.id;
        return out -> {
            Writer writer = new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8);
            CSVPrinter printer = CsvEditions.printer(writer);
            forEachPage(editionId, page -> {
                for (EntryView entry : page) {
                    CsvEditions.print(printer, entry);
                }
            });
            printer.close(true);
        };
    }

    private interface PageConsumer {
        void accept(List<EntryView> page) throws IOException;
    }

    private void forEachPage(long editionId, PageConsumer consumer) throws IOException {
        String after = null;
        while (true) {
            List<EntryView> page = catalog.entriesAfter(editionId, after, PAGE);
            consumer.accept(page);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).code();
        }
    }

    /** The container owns the response stream: writers flush into it but must not close it. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
