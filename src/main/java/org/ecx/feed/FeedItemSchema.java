package org.ecx.feed;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents {@link FeedItem#record()} as a Denial, a Recognition or a published payload. By schema name, not by
 * class: the feed does not depend on the packages whose records it carries ({@link FeedRecords}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class FeedItemSchema implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema item = openAPI.getComponents().getSchemas().get("FeedItem");
        if (item == null || item.getProperties() == null || item.getProperties().get("record") == null) {
            return;
        }
        item.getProperties().get("record").setAnyOf(List.of(OASFactory.createSchema().ref("Denial"),
                OASFactory.createSchema().ref("Recognition"), OASFactory.createSchema()));
    }
}
