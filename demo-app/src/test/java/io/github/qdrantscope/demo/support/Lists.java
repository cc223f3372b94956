package io.github.qdrantscope.demo.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** List helpers missing from Java 17. */
public final class Lists {

    private Lists() {
    }

    /** A reversed copy: stored order turned into newest-first order. */
    public static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
