package dev.callscribe.it.scale;

import dev.callscribe.fixtures.FixtureModel;
import dev.callscribe.it.support.CallscribeProcess;
import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.publish.Pacing;
import dev.callscribe.schemas.Topics;
import dev.callscribe.segmenter.SegmenterConfig;
import dev.callscribe.stitcher.StitcherConfig;
import dev.callscribe.transcriber.TranscriberConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the scale test's processes are configured: the shared registry, a work folder for state directories and
 * recordings, and the partition counts of created topics.
 *
 * <p>Every process of a pipeline shares its broker and ids ({@link TestPipeline}), the chunked window mode
 * (transcripts independent of timing) and the oracle fixture model (deterministic words, one ONNX Runtime thread so
 * three transcribers share two cores fairly); each has its own state directories and transcriber instance id.
 */
public final class ScaleSetup {

    private final String registryUrl;
    private final Path workDir;
    private final int partitions;
    private final int windowsPartitions;
    private final List<Path> recordings;
    private final Map<String, String> extraSettings;

    /**
     * @param partitions        partitions of created topics other than calls.windows
     * @param windowsPartitions partitions of a created calls.windows
     */
    public ScaleSetup(String registryUrl, Path workDir, int partitions, int windowsPartitions) {
        this(registryUrl, workDir, partitions, windowsPartitions, Map.of());
    }

    /** The same, with more settings shared by every process (they win over the ones above). */
    public ScaleSetup(String registryUrl, Path workDir, int partitions, int windowsPartitions,
                      Map<String, String> extraSettings) {
        this.extraSettings = Map.copyOf(extraSettings);
        this.registryUrl = registryUrl;
        this.workDir = workDir;
        this.partitions = partitions;
        this.windowsPartitions = windowsPartitions;
        try {
            this.recordings = SampleRecordings.writeTo(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test's recordings into " + workDir, e);
        }
    }

    /** Starts {@code callscribe run --role ROLES} as process {@code name} of the pipeline; returns at once. */
    public RunProcess run(TestPipeline pipeline, String name, String roles) {
        return run(pipeline, name, name, roles);
    }

    /**
     * Starts {@code callscribe run --role ROLES} as process {@code name} of the pipeline, logging as
     * {@code logName} (a restarted process keeps its name, state and instance id, and gets a log of its own).
     */
    public RunProcess run(TestPipeline pipeline, String name, String logName, String roles) {
        return RunProcess.start(pipeline.name() + "-" + logName, roles, shared(pipeline), own(pipeline, name));
    }

    /** The recordings calls replay, in turn. */
    public List<Path> recordings() {
        return recordings;
    }

    /** Starts {@code callscribe publish} for a wave of calls into the pipeline; returns at once. */
    public CallscribeProcess publish(TestPipeline pipeline, CallWave wave, Pacing pacing) {
        return wave.publish(recordings, pacing, pipeline.bootstrapServers(), registryUrl, Topics.AUDIO.name());
    }

    /** A reader of what the pipeline committed. */
    public CommittedOutput output(TestPipeline pipeline) {
        return new CommittedOutput(pipeline.bootstrapServers(), registryUrl);
    }

    private Map<String, String> shared(TestPipeline pipeline) {
        Map<String, String> shared = new LinkedHashMap<>(pipeline.settings());
        shared.put(PipelineConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        shared.put(PipelineConfig.TOPICS_PARTITIONS_CONFIG, String.valueOf(partitions));
        shared.put(PipelineConfig.WINDOWS_PARTITIONS_CONFIG, String.valueOf(windowsPartitions));
        shared.put(SegmenterConfig.WINDOW_MODE_CONFIG, "chunked");
        shared.put(TranscriberConfig.MODEL_CONFIG, FixtureModel.resourceDir("oracle").toString());
        shared.put(TranscriberConfig.INTRA_OP_THREADS_CONFIG, "1");
        shared.putAll(extraSettings);
        return shared;
    }

    private Map<String, String> own(TestPipeline pipeline, String name) {
        Path state = workDir.resolve(pipeline.name()).resolve(name);
        return Map.of(SegmenterConfig.STATE_DIR_CONFIG, state.resolve("segmenter").toString(),
                StitcherConfig.STATE_DIR_CONFIG, state.resolve("stitcher").toString(),
                TranscriberConfig.INSTANCE_ID_CONFIG, name);
    }
}
