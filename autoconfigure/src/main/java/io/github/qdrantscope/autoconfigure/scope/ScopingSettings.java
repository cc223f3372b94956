package io.github.qdrantscope.autoconfigure.scope;

import org.springframework.core.env.Environment;

/**
 * The two {@code qdrant-scope.*} properties the scoping proxy needs, read straight from the Environment.
 * (Kept package-private so the scoping code does not depend on the properties class of another package;
 * {@code qdrant-scope.fail-on-contention} is applied by the {@code ScopeMetrics} implementation.)
 */
record ScopingSettings(UnscopedAccessPolicy unscoped, boolean audit) {

    static final String AUDIT_PROPERTY = "qdrant-scope.audit";

    static ScopingSettings from(Environment environment) {
        UnscopedAccessPolicy unscoped = UnscopedAccessPolicy
            .parse(environment.getProperty(UnscopedAccessPolicy.PROPERTY, "warn"));
        String audit = environment.getProperty(AUDIT_PROPERTY, "false").trim();
        if (!audit.equalsIgnoreCase("true") && !audit.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Invalid value '" + audit + "' for property '" + AUDIT_PROPERTY
                    + "': expected true or false");
        }
        return new ScopingSettings(unscoped, Boolean.parseBoolean(audit));
    }
}
