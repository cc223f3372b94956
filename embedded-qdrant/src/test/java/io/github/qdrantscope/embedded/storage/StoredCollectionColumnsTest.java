package io.github.qdrantscope.embedded.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.Distance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoredCollectionColumnsTest {

    private final StoredCollection collection = new StoredCollection("c",
            Map.of("", new VectorSpec(2, Distance.Dot)), Set.of(),
            CollectionConfig.getDefaultInstance());

    @Test
    void columnsFollowWritesInIdOrder() {
        put(3, new float[] {3, 3});
        put(1, new float[] {1, 1});
        assertThat(ids()).containsExactly(1L, 3L);

        put(2, new float[] {2, 2});
        assertThat(ids()).containsExactly(1L, 2L, 3L);
        float[][] column = collection.read(view -> view.columns().vectors(""));
        assertThat(column).hasDimensions(3, 2);
        assertThat(column[1]).containsExactly(2, 2);

        collection.write(c -> c.remove(PointKey.ofNumber(1)));
        assertThat(ids()).containsExactly(2L, 3L);
        assertThat(collection.read(view -> view.columns().vectors(""))[0]).containsExactly(2, 2);
    }

    @Test
    void aPointWithoutTheVectorHasANullInItsColumn() {
        put(1, new float[] {1, 1});
        collection.write(c -> {
            c.put(new StoredPoint(PointKey.ofNumber(2), Map.of(), Map.of()));
            return null;
        });
        float[][] column = collection.read(view -> view.columns().vectors(""));
        assertThat(column[0]).containsExactly(1, 1);
        assertThat(column[1]).isNull();
        float[][] other = collection.read(view -> view.columns().vectors("other"));
        assertThat(other).hasNumberOfRows(2);
        assertThat(other[0]).isNull();
        assertThat(other[1]).isNull();
    }

    private void put(long id, float[] vector) {
        collection.write(c -> {
            c.put(new StoredPoint(PointKey.ofNumber(id), Map.of(), Map.of("", vector)));
            return null;
        });
    }

    private List<Long> ids() {
        return collection.read(view -> {
            PointColumns columns = view.columns();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ids.add(columns.point(i).id().num());
            }
            return ids;
        });
    }
}
