package dev.callscribe.app;

import dev.callscribe.pipeline.PipelineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a pipeline needs before its roles start: the six topics ({@link TopicCreator}, {@link PipelineTopics}) and
 * their registry subjects ({@link SubjectSetup}). {@code run} does it when {@code topics.create} is true;
 * {@code callscribe topics create} does it alone, for deployments whose roles may not create topics.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /**
     * Creates the missing topics and prepares their subjects, logging what was done.
     *
     * @return what was done, one line per topic and per subject
     * @throws IllegalStateException naming the broker or the registry, and what failed
     */
    public static List<String> apply(PipelineConfig config) {
        String servers = config.getString(PipelineConfig.BOOTSTRAP_SERVERS_CONFIG);
        TopicReport topics;
        try (Admin admin = Admin.create(adminConfig(config))) {
            topics = new TopicCreator(admin).createMissing(PipelineTopics.specs(config));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("topics at " + servers + ": " + e.getMessage(), e);
        }
        LOG.info("Topics at {}: created [{}], already there [{}]", servers, String.join(", ", topics.created()),
                String.join(", ", topics.existing()));
        List<String> subjects = new SubjectSetup(config).prepare();
        LOG.info("Subjects at {}: {}", registryUrl(config), String.join(", ", subjects));
        List<String> done = new ArrayList<>();
        topics.created().forEach(name -> done.add("topic " + name + " created"));
        topics.existing().forEach(name -> done.add("topic " + name + " already there"));
        subjects.forEach(subject -> done.add("subject " + subject));
        return done;
    }

    /** The registry's URL as it may be logged: without credentials. */
    static String registryUrl(PipelineConfig config) {
        String key = PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG;
        return Secrets.masked(key, config.getString(key));
    }

    /** The admin client's keys among those given: security settings pass, pipeline keys do not. */
    private static Map<String, Object> adminConfig(PipelineConfig config) {
        return config.clientConfig().entrySet().stream()
                .filter(entry -> AdminClientConfig.configNames().contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
