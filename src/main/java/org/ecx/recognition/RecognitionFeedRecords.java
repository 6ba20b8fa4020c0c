package org.ecx.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.ecx.common.StoredJson;
import org.ecx.feed.FeedRecordType;
import org.ecx.feed.FeedRecords;

/**
 * Recognition changes on the feed and in webhooks: visible through {@link RecognitionVisibility#PREDICATE}, each
 * the record as it was at the change, as the reader may see it.
 */
@ApplicationScoped
class RecognitionFeedRecords implements FeedRecords {

    @Inject
    StoredJson storedJson;

    @Override
    public FeedRecordType type() {
        return FeedRecordType.RECOGNITION;
    }

    @Override
    public String visibleTo() {
        return "exists (select 1 from Recognition r where r.id = c.recordUuid and "
                + RecognitionVisibility.PREDICATE + ")";
    }

    @Override
    public List<Object> render(List<Change> changes, String viewer) {
        return changes.stream()
                .<Object>map(c -> storedJson.read(c.payload(), RecognitionView.class).forViewer(viewer)).toList();
    }
}
