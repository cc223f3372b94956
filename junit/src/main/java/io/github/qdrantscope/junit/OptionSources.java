package io.github.qdrantscope.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the extension's settings come from, and where each one came from (for error messages): JUnit configuration
 * parameters first (which include system properties and {@code junit-platform.properties}), then environment
 * variables ({@code QDRANT_SCOPE_SERVER_PORT} for {@code qdrant-scope.server.port}).
 *
 * <p>JUnit gives an extension no list of its configuration parameters, so the names checked for typos are those
 * visible here: system properties, the entries of {@code junit-platform.properties} and environment variables
 * starting with {@code qdrant-scope.} / {@code QDRANT_SCOPE_}. A misspelt name passed only in the build's
 * {@code configurationParameters} is not seen.
 */
public final class OptionSources {

    private static final String PREFIX = "qdrant-scope.";

    private static final String ENV_PREFIX = "QDRANT_SCOPE_";

    private final Function<String, Optional<String>> parameters;

    private final Map<String, String> systemProperties;

    private final Map<String, String> environment;

    private final Map<String, String> propertiesFile;

    /**
     * @param parameters JUnit's configuration parameters ({@code ExtensionContext::getConfigurationParameter})
     * @param systemProperties the JVM's {@code qdrant-scope.*} system properties
     * @param environment the environment
     * @param propertiesFile the entries of {@code junit-platform.properties}
     */
    public OptionSources(Function<String, Optional<String>> parameters, Map<String, String> systemProperties,
            Map<String, String> environment, Map<String, String> propertiesFile) {
        this.parameters = parameters;
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.propertiesFile = propertiesFile;
    }

    /** The sources of a running JUnit test: {@code parameters} and the real JVM. */
    public static OptionSources jvm(Function<String, Optional<String>> parameters) {
        Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX))
            .forEach(name -> properties.put(name, System.getProperty(name)));
        return new OptionSources(parameters, properties, System.getenv(), propertiesFile());
    }

    /** The value of {@code name}: a configuration parameter, else its environment variable. */
    public Optional<String> get(String name) {
        Optional<String> parameter = this.parameters.apply(name);
        return parameter.isPresent() ? parameter : Optional.ofNullable(this.environment.get(envName(name)));
    }

    /** Every {@code qdrant-scope.*} setting visible here; an unknown environment variable by its own name. */
    public Set<String> names() {
        Set<String> known = new HashSet<>(QdrantScopeOptions.NAMES);
        known.addAll(QdrantScopeOptions.JVM_NAMES);
        known.addAll(QdrantScopeOptions.SPRING_NAMES);
        Set<String> names = new TreeSet<>();
        Stream.concat(this.systemProperties.keySet().stream(), this.propertiesFile.keySet().stream())
            .filter(name -> name.startsWith(PREFIX))
            .forEach(names::add);
        for (String variable : this.environment.keySet()) {
            if (variable.startsWith(ENV_PREFIX)) {
                names.add(known.stream().filter(name -> envName(name).equals(variable)).findFirst().orElse(variable));
            }
        }
        return names;
    }

    /** Where {@code name}'s value comes from, in words. */
    public String origin(String name) {
        if (this.systemProperties.containsKey(name)) {
            return "system property";
        }
        if (this.propertiesFile.containsKey(name)) {
            return "junit-platform.properties";
        }
        if (this.parameters.apply(name).isPresent()) {
            return "JUnit configuration parameter";
        }
        if (name.startsWith(ENV_PREFIX)) {
            return "environment variable";
        }
        return "environment variable " + envName(name);
    }

    /** Whether {@code name} is set as a system property or environment variable (what the JVM identity reads). */
    public boolean isSystemPropertyOrEnv(String name) {
        return this.systemProperties.containsKey(name) || !this.parameters.apply(name).isPresent()
                && this.environment.containsKey(envName(name));
    }

    /** {@code qdrant-scope.server.use-tls} → {@code QDRANT_SCOPE_SERVER_USE_TLS}. */
    static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> propertiesFile() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream("junit-platform.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            Map<String, String> entries = new java.util.HashMap<>();
            properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
            return entries;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("qdrant-scope could not read junit-platform.properties", ex);
        }
    }
}
