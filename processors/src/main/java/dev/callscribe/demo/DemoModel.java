package dev.callscribe.demo;

import dev.callscribe.model.ModelLoader;
import dev.callscribe.model.ModelOptions;
import dev.callscribe.model.hub.DownloadListener;
import dev.callscribe.model.hub.HubClient;
import dev.callscribe.model.hub.HubOptions;
import dev.callscribe.model.hub.HubSettings;
import dev.callscribe.model.hub.LoggingDownloadListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Loads the demo's model once before anything starts. A repository id is downloaded into the Hugging Face cache here,
 * each file's download shown on the demo's output (a line when it starts, its percentage a few times, a line when it
 * is done), and a failure (no network, most likely) is explained; the transcriber then finds the model in the cache.
 */
final class DemoModel {

    private DemoModel() {
    }

    /**
     * Loads the model, downloading what the cache lacks.
     *
     * @param source      a model folder or a Hugging Face repository id
     * @param options     the transcriber's model options (formats, revision)
     * @param environment the Hugging Face settings (HF_HOME, HF_HUB_CACHE, HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE)
     * @param out         where the demo writes; download lines go there too, indented under the model's line
     * @throws IllegalStateException if the model cannot be loaded, saying how to run without network access
     */
    static void fetch(String source, ModelOptions options, Map<String, String> environment, PrintWriter out) {
        out.printf("Model %s%n", source);
        out.flush();
        DownloadListener progress = LoggingDownloadListener.forTerminal(line -> {
            out.println("  " + line);
            out.flush();
        });
        HubClient hub = new HubClient(HubSettings.fromEnvironment(environment), HubOptions.defaults(), progress);
        try {
            new ModelLoader(hub).load(source, options);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot load the model " + source + ": " + e.getMessage() + ". A model"
                    + " that is not a folder is downloaded from Hugging Face on first use; without network access,"
                    + " pass --model DIR with a Whisper ONNX export (see the README's Models section)", e);
        }
    }
}
