package io.github.qdrantscope.embedded.storage;

/** A collection's view that also carries the lookup collections read for the request ({@link #lookups()}). */
public final class LookupView extends ForwardingCollectionView {

    private final ForeignCollections lookups;

    public LookupView(CollectionView view, ForeignCollections lookups) {
        super(view);
        this.lookups = lookups;
    }

    @Override
    public ForeignCollections lookups() {
        return lookups;
    }
}
