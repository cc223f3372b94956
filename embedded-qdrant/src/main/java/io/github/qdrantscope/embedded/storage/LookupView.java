package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** A collection's view that also carries the lookup collections read for the request ({@link #lookups()}). */
public final class LookupView implements CollectionView {

    private final CollectionView view;
    private final ForeignCollections lookups;

    public LookupView(CollectionView view, ForeignCollections lookups) {
        this.view = view;
        this.lookups = lookups;
    }

    @Override
    public ForeignCollections lookups() {
        return lookups;
    }

    @Override
    public String name() {
        return view.name();
    }

    @Override
    public Map<String, VectorSpec> vectors() {
        return view.vectors();
    }

    @Override
    public Set<String> sparseVectors() {
        return view.sparseVectors();
    }

    @Override
    public boolean sparseIdf(String name) {
        return view.sparseIdf(name);
    }

    @Override
    public Collection<StoredPoint> points() {
        return view.points();
    }

    @Override
    public PointColumns columns() {
        return view.columns();
    }

    @Override
    public PointColumns sparseIndexed() {
        return view.sparseIndexed();
    }

    @Override
    public StoredPoint point(PointKey id) {
        return view.point(id);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public Map<String, PayloadSchemaInfo> payloadSchema() {
        return view.payloadSchema();
    }
}
