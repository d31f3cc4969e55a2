package dev.callscribe.app;

import dev.callscribe.segmenter.Segmenter;
import dev.callscribe.stitcher.Stitcher;
import dev.callscribe.transcriber.Transcriber;
import dev.callscribe.transcriber.TranscriberConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The roles a build can run, by name, and how to build each. {@link #available()} is what {@code callscribe run}
 * uses; registering a role there is one {@code .with(NAME, Factory::create)} line. Selections name roles or
 * {@link #ALL}; roles start in flow order (segmenter, transcriber, stitcher) whatever order they were named in, and
 * stop in reverse. Immutable.
 */
public final class Roles {

    public static final String SEGMENTER = "segmenter";
    public static final String TRANSCRIBER = "transcriber";
    public static final String STITCHER = "stitcher";
    /** Every role, in one process. */
    public static final String ALL = "all";

    /** The roles of the pipeline, in flow order. */
    public static final List<String> FLOW_ORDER = List.of(SEGMENTER, TRANSCRIBER, STITCHER);

    private final Map<String, RoleFactory> factories;

    private Roles(Map<String, RoleFactory> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** The roles this build registers. */
    public static Roles available() {
        return none()
                .with(SEGMENTER, Segmenter::create)
                .with(TRANSCRIBER, (config, registry) -> Transcriber.open(new TranscriberConfig(config), registry))
                .with(STITCHER, Stitcher::create);
    }

    /** No role at all; tests start from here. */
    public static Roles none() {
        return new Roles(Map.of());
    }

    /** A copy with one more role; its name must be one of {@link #FLOW_ORDER}. */
    public Roles with(String name, RoleFactory factory) {
        Objects.requireNonNull(factory, "factory");
        if (!FLOW_ORDER.contains(name)) {
            throw new IllegalArgumentException("unknown role '" + name + "', expected one of " + FLOW_ORDER);
        }
        Map<String, RoleFactory> more = new LinkedHashMap<>(factories);
        more.put(name, factory);
        return new Roles(more);
    }

    /** The registered role names, in flow order. */
    public List<String> names() {
        return FLOW_ORDER.stream().filter(factories::containsKey).toList();
    }

    /**
     * The roles a selection names, in flow order, with their factories.
     *
     * @param selection role names or {@link #ALL}
     * @throws IllegalArgumentException naming a role that does not exist or that this build does not have
     */
    public List<NamedFactory> select(List<String> selection) {
        List<String> wanted = new ArrayList<>();
        for (String name : selection) {
            if (!ALL.equals(name) && !FLOW_ORDER.contains(name)) {
                throw new IllegalArgumentException("unknown role '" + name + "', expected one of " + FLOW_ORDER
                        + " or " + ALL);
            }
            wanted.addAll(ALL.equals(name) ? FLOW_ORDER : List.of(name));
        }
        List<NamedFactory> selected = new ArrayList<>();
        for (String name : FLOW_ORDER) {
            if (wanted.contains(name)) {
                selected.add(new NamedFactory(name, factoryOf(name)));
            }
        }
        return selected;
    }

    private RoleFactory factoryOf(String name) {
        RoleFactory factory = factories.get(name);
        if (factory == null) {
            String have = names().isEmpty() ? "none yet" : String.join(", ", names());
            throw new IllegalArgumentException("role " + name + " is not available in this build (available: "
                    + have + ")");
        }
        return factory;
    }

    /**
     * A role name with its factory.
     *
     * @param name the role name
     * @param factory how to build it
     */
    public record NamedFactory(String name, RoleFactory factory) {
    }
}
