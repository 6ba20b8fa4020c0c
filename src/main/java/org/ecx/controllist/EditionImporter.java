package org.ecx.controllist;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecx.access.Caller;
import org.ecx.access.Regime;
import org.ecx.audit.AuditLog;
import org.ecx.common.EcxException;
import org.hibernate.Session;

/**
 * Imports an edition with all its entries, atomically (SPEC §6): the body is parsed as a stream, entries are
 * validated one by one and written in JDBC batches inside one transaction; if any entry (or the edition's
 * own fields) is bad, the transaction is rolled back and the 422 lists every problem. The edition row is
 * written last, when its fields are known (a JSON document may give them after the entries).
 */
@ApplicationScoped
public class EditionImporter {

    /** Where the import's fields come from besides the body. */
    public record QueryFields(String edition, String effectiveDate, String title, String status,
            List<String> renumbered) {
    }

    @Inject
    ControlListCatalog catalog;

    @Inject
    EditionService editions;

    @Inject
    ControlListConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public EditionView importJson(Caller caller, String listId, QueryFields query, InputStream body) {
        return importEdition(caller, listId, query, (metadata, entries, errors) -> {
            try (JsonParser parser = mapper.getFactory().createParser(body)) {
                // entries are read one by one from the stream: a trailing-token check per entry would read into
                // the next one (JsonEditionReader checks the end of the document itself)
                parser.setCodec(mapper.reader().without(
                        com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
                JsonEditionReader.read(parser, metadata, entries, errors);
            }
        });
    }

    @Transactional
    public EditionView importCsv(Caller caller, String listId, QueryFields query, InputStream body, Charset charset) {
        return importEdition(caller, listId, query,
                (metadata, entries, errors) -> CsvEditions.read(body, charset, entries, errors));
    }

    private interface BodyReader {
        void read(EditionMetadata metadata, EditionImport entries, ImportErrors errors) throws IOException;
    }

    private EditionView importEdition(Caller caller, String listId, QueryFields query, BodyReader reader) {
        ControlList list = catalog.requireEditor(caller, listId);
        if (query.edition() != null && ControlListEdition.find(listId, query.edition()).isPresent()) {
            throw exists(listId, query.edition());
        }
        ImportErrors errors = new ImportErrors(config.maxReportedErrors());
        EditionMetadata metadata = new EditionMetadata(errors);
        metadata.set("edition", query.edition());
        metadata.set("effectiveDate", query.effectiveDate());
        metadata.set("title", query.title());
        metadata.set("status", query.status());
        metadata.setRenumbered(EditionMetadata.parseQuery(query.renumbered(), errors));

        long editionId = ((Number) em.createNativeQuery("SELECT nextval('control_list_edition_id_seq')")
                .getSingleResult()).longValue();
        EntryBatchWriter writer = new EntryBatchWriter(em.unwrap(Session.class), editionId, config.batchSize());
        EditionImport entries = new EditionImport(regimes(), errors, writer);
        try {
            reader.read(metadata, entries, errors);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw EcxException.badRequest("The request body is not well-formed JSON" + where + ".");
        } catch (IOException e) {
            throw EcxException.badRequest("The request body could not be read.");
        }
        entries.finish();
        EditionMetadata.Valid fields = metadata.validate(listId, entries);
        if (errors.any()) {
            throw errors.toException();
        }
        if (ControlListEdition.find(listId, fields.edition()).isPresent()) {
            throw exists(listId, fields.edition());
        }
        ControlListEdition edition = new ControlListEdition();
        edition.id = editionId;
        edition.listId = list.id;
        edition.edition = fields.edition();
        edition.title = fields.title();
        edition.effectiveDate = fields.effectiveDate();
        edition.status = EditionStatus.DRAFT;
        edition.entryCount = entries.count();
        edition.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        edition.createdByState = caller.state();
        edition.renumbered.addAll(fields.renumbered());
        try {
            edition.persistAndFlush();
        } catch (PersistenceException e) {
            // a concurrent import of the same edition won the unique (list_id, edition) race
            throw exists(listId, fields.edition());
        }
        audit.record(caller.asActor(), "CONTROL_LIST_EDITION_IMPORTED", EditionService.RECORD_TYPE,
                EditionService.recordId(edition), caller.state());
        if (fields.status() == EditionStatus.PUBLISHED) {
            editions.publish(caller, edition);
        }
        return EditionView.of(edition);
    }

    private static Set<String> regimes() {
        return Regime.<Regime>listAll().stream().map(r -> r.code).collect(Collectors.toSet());
    }

    private static EcxException exists(String listId, String edition) {
        return EcxException.conflict("List " + listId + " already has an edition " + edition + ".");
    }
}
