package dev.callscribe.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.callscribe.model.DecoderFiles;
import dev.callscribe.model.ModelFiles;
import dev.callscribe.model.UnreadableOnnxFile;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX Runtime sessions of one model: the encoder and the decoder graphs (the merged decoder, or the first-step
 * and with-past decoders). Owns the sessions and their options; closing it closes all of them. Sessions are opened
 * from file paths, not bytes, so external weight files beside a graph are found.
 */
final class OrtSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrtSessions.class);
    /** What ONNX Runtime says (as ORT_FAIL) of a file that parses as an empty model: an empty file, for one. */
    private static final String NO_GRAPH = "ModelProto does not have a graph";

    final OrtEnvironment env;
    final OrtSession encoder;
    final DecoderGraphs decoder;
    final ExecutionProvider provider;
    private final SessionOptions options;

    private OrtSessions(SessionOptions options, ExecutionProvider provider, OrtSession encoder, DecoderGraphs decoder) {
        this.env = OrtEnvironment.getEnvironment();
        this.options = options;
        this.provider = provider;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    static OrtSessions open(ModelFiles files, EngineOptions engine) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        SessionOptions options = new SessionOptions();
        ExecutionProvider provider = configure(options, engine);
        OrtSession encoder = null;
        try {
            encoder = createSession(env, files.encoder().path(), options);
            DecoderGraphs decoder = openDecoder(env, files.decoder(), options);
            return new OrtSessions(options, provider, encoder, decoder);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(encoder);
            options.close();
            throw e;
        }
    }

    private static DecoderGraphs openDecoder(OrtEnvironment env, DecoderFiles files, SessionOptions options)
            throws OrtException {
        if (files instanceof DecoderFiles.Merged merged) {
            return DecoderGraphs.merged(createSession(env, merged.merged().path(), options));
        }
        DecoderFiles.Split split = (DecoderFiles.Split) files;
        OrtSession first = createSession(env, split.firstStep().path(), options);
        try {
            return DecoderGraphs.split(first, createSession(env, split.withPast().path(), options));
        } catch (OrtException | RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /** Sets threads, optimisation and the provider; CUDA falls back to CPU, saying so once, when it cannot load. */
    private static ExecutionProvider configure(SessionOptions options, EngineOptions engine) throws OrtException {
        options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
        if (engine.intraOpThreads() > 0) {
            options.setIntraOpNumThreads(engine.intraOpThreads());
        }
        if (engine.provider() == ExecutionProvider.CUDA) {
            try {
                options.addCUDA(engine.deviceId());
                LOG.info("ONNX Runtime runs on CUDA device {}", engine.deviceId());
                return ExecutionProvider.CUDA;
            } catch (OrtException e) {
                LOG.warn("CUDA was asked for but cannot be used ({}); running on CPU. The CUDA build needs the "
                        + "gpu Maven profile and a CUDA runtime.", e.getMessage());
            }
        }
        LOG.info("ONNX Runtime runs on CPU");
        return ExecutionProvider.CPU;
    }

    /**
     * Opens one graph from its file.
     *
     * @throws dev.callscribe.model.ModelFormatException naming the file and how to fetch it again, if ONNX Runtime
     *         cannot parse it
     */
    private static OrtSession createSession(OrtEnvironment env, Path file, SessionOptions options)
            throws OrtException {
        try {
            return env.createSession(file.toAbsolutePath().toString(), options);
        } catch (OrtException e) {
            if (e.getCode() == OrtException.OrtErrorCode.ORT_INVALID_PROTOBUF) {
                throw UnreadableOnnxFile.of(file, "Protobuf parsing failed", e);
            }
            if (String.valueOf(e.getMessage()).contains(NO_GRAPH)) {
                throw UnreadableOnnxFile.of(file, NO_GRAPH, e);
            }
            throw e;
        }
    }

    private static void closeQuietly(OrtSession session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            LOG.debug("Closing a session after a failed open also failed", e);
        }
    }

    @Override
    public void close() throws OrtException {
        try {
            encoder.close();
            decoder.close();
        } finally {
            options.close();
        }
    }
}
