package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A view that answers everything from another one; subclasses override what they add or withhold. */
public abstract class ForwardingCollectionView implements CollectionView {

    private final CollectionView view;

    protected ForwardingCollectionView(CollectionView view) {
        this.view = view;
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

    @Override
    public List<Map<String, Value>> retiredIndexPayloads(String key) {
        return view.retiredIndexPayloads(key);
    }

    @Override
    public ForeignCollections lookups() {
        return view.lookups();
    }
}
