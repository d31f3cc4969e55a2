package dev.callscribe.model.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.model.ModelResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class HubClientTest {

    private static final String REPO = "onnx-community/distil-small.en";
    private static final String ENCODER = "onnx/encoder_model.onnx";
    private static final String CONFIG = "config.json";
    private static final FileSelector CONFIG_AND_ENCODER = files -> List.of(CONFIG, ENCODER);
    private static final HubOptions NO_PAUSES = HubOptions.defaults().withRetries(3, Duration.ZERO);

    @TempDir
    Path cacheDir;

    private FakeHub hub;

    @BeforeEach
    void startHub() throws IOException {
        hub = new FakeHub(REPO, ModelResources.folder(ModelResources.DISTIL_SMALL_EN));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HubSettings settings() {
        return new HubSettings(hub.endpoint(), Optional.empty(), cacheDir, false);
    }

    private HubClient client(HubSettings settings) {
        return new HubClient(settings, NO_PAUSES, DownloadListener.none());
    }

    private Path repoDir() {
        return cacheDir.resolve("models--onnx-community--distil-small.en");
    }

    @Test
    void shouldFillTheCacheInTheHuggingFaceLayout() throws IOException {
        // When
        Path snapshot = client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(snapshot).isEqualTo(repoDir().resolve("snapshots").resolve(FakeHub.COMMIT));
        assertThat(repoDir().resolve("refs/main")).hasContent(FakeHub.COMMIT);
        Path encoder = snapshot.resolve(ENCODER);
        assertThat(Files.isSymbolicLink(encoder)).isTrue();
        assertThat(Files.readSymbolicLink(encoder)).isEqualTo(Path.of("../../../blobs/" + hub.sha256Of(ENCODER)));
        assertThat(encoder).hasBinaryContent(hub.content(ENCODER));
        assertThat(snapshot.resolve(CONFIG)).hasBinaryContent(hub.content(CONFIG));
    }

    @Test
    void shouldNameLargeFileBlobsByTheirSha256() throws IOException {
        // When
        client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(repoDir().resolve("blobs").resolve(hub.sha256Of(ENCODER))).hasBinaryContent(hub.content(ENCODER));
        assertThat(repoDir().resolve("blobs")).isDirectoryNotContaining("glob:**.incomplete");
    }

    @Test
    void shouldFetchOnlyTheSelectedFiles() throws IOException {
        // When
        Path snapshot = client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(hub.fileRequests()).allSatisfy(request -> assertThat(request.path())
            .matches(path -> path.endsWith(CONFIG) || path.endsWith(ENCODER) || path.startsWith("/cdn/")));
        assertThat(snapshot.resolve("onnx/encoder_model_int8.onnx")).doesNotExist();
    }

    @Test
    void shouldMakeNoFileRequestsWhenTheSnapshotIsComplete() throws IOException {
        // Given
        HubClient client = client(settings());
        client.snapshot(REPO, "main", CONFIG_AND_ENCODER);
        int fileRequests = hub.fileRequests().size();
        int allRequests = hub.requests().size();

        // When
        Path again = client.snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then: one repository-info request and nothing else
        assertThat(hub.fileRequests()).hasSize(fileRequests);
        assertThat(hub.requests()).hasSize(allRequests + 1);
        assertThat(again.resolve(ENCODER)).hasBinaryContent(hub.content(ENCODER));
    }

    @Test
    void shouldResumeAPartialDownloadWithARangeRequest() throws IOException {
        // Given: the first half of the encoder left by an interrupted download
        byte[] content = hub.content(ENCODER);
        int half = content.length / 2;
        Path incomplete = repoDir().resolve("blobs").resolve(hub.sha256Of(ENCODER) + ".incomplete");
        FakeHub.writeAll(incomplete, Arrays.copyOf(content, half));

        // When
        Path snapshot = client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(cdnGets()).singleElement()
            .satisfies(get -> assertThat(get.header("Range")).hasValue("bytes=" + half + "-"));
        assertThat(snapshot.resolve(ENCODER)).hasBinaryContent(content);
        assertThat(incomplete).doesNotExist();
    }

    private List<FakeHub.Recorded> cdnGets() {
        return hub.requests().stream().filter(r -> r.path().startsWith("/cdn/") && r.method().equals("GET")).toList();
    }

    @Test
    void shouldRejectACorruptedDownloadAndKeepNothingOfIt() {
        // Given
        hub.corrupt(ENCODER);

        // When / Then
        assertThatThrownBy(() -> client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.CHECKSUM_MISMATCH))
            .hasMessageContaining(ENCODER)
            .hasMessageContaining("expected " + hub.sha256Of(ENCODER));
        Path blob = repoDir().resolve("blobs").resolve(hub.sha256Of(ENCODER));
        assertThat(blob).doesNotExist();
        assertThat(blob.resolveSibling(blob.getFileName() + ".incomplete")).doesNotExist();
        assertThat(repoDir().resolve("snapshots").resolve(FakeHub.COMMIT).resolve(ENCODER)).doesNotExist();
    }

    @Test
    void shouldSendTheTokenAsABearerToken() throws IOException {
        // Given
        hub.requireToken("hf_secret");

        // When
        client(new HubSettings(hub.endpoint(), Optional.of("hf_secret"), cacheDir, false))
            .snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(hub.requests().get(0).header("Authorization")).hasValue("Bearer hf_secret");
    }

    @Test
    void shouldNotSendTheTokenToTheDownloadHostOfLargeFiles() throws IOException {
        // Given: the CDN answers on another host name
        hub.useCdnHost("localhost");

        // When
        client(new HubSettings(hub.endpoint(), Optional.of("hf_secret"), cacheDir, false))
            .snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(cdnGets()).isNotEmpty().allSatisfy(get -> assertThat(get.header("Authorization")).isEmpty());
    }

    @Test
    void shouldExplainThatAGatedRepositoryNeedsHfToken() {
        // Given
        hub.requireToken("hf_secret");

        // When / Then
        assertThatThrownBy(() -> client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.ACCESS_DENIED))
            .hasMessageContaining("HTTP 401 GatedRepo")
            .hasMessageContaining("set HF_TOKEN");
    }

    @Test
    void shouldReportARepositoryThatDoesNotExist() {
        assertThatThrownBy(() -> client(settings()).snapshot("nobody/nothing", "main", CONFIG_AND_ENCODER))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.REPO_NOT_FOUND))
            .hasMessageContaining("repository nobody/nothing was not found");
    }

    @Test
    void shouldReportARevisionThatDoesNotExist() {
        assertThatThrownBy(() -> client(settings()).snapshot(REPO, "v9", CONFIG_AND_ENCODER))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.REVISION_NOT_FOUND))
            .hasMessageContaining("'v9'");
    }

    @Test
    void shouldReportAFileTheRepositoryDoesNotHave() {
        assertThatThrownBy(() -> client(settings()).snapshot(REPO, "main", files -> List.of("onnx/missing.onnx")))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.FILE_NOT_FOUND))
            .hasMessageContaining("onnx/missing.onnx");
    }

    @Test
    void shouldUseTheCacheAloneWhenOffline() throws IOException {
        // Given
        Path online = client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);
        int requests = hub.requests().size();

        // When
        Path offline = client(settings().withOffline(true)).snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(offline).isEqualTo(online);
        assertThat(hub.requests()).hasSize(requests);
    }

    @Test
    void shouldFailClearlyWhenOfflineAndNotCached() {
        assertThatThrownBy(() -> client(settings().withOffline(true)).snapshot(REPO, "main", CONFIG_AND_ENCODER))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.NOT_CACHED))
            .hasMessageContaining("No cached copy of " + REPO + " at revision 'main'")
            .hasMessageContaining("HF_HUB_OFFLINE is set");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void shouldNameTheFilesAnOfflineCacheLacks() throws IOException {
        // Given: only the config was downloaded
        client(settings()).snapshot(REPO, "main", files -> List.of(CONFIG));

        // When / Then
        assertThatThrownBy(() -> client(settings().withOffline(true)).snapshot(REPO, "main", CONFIG_AND_ENCODER))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.NOT_CACHED))
            .hasMessageContaining("lacks [" + ENCODER + "]");
    }

    @Test
    void shouldFallBackToTheCacheWhenTheHubCannotBeReached() throws IOException {
        // Given
        Path online = client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);
        HubSettings unreachable = settings();
        hub.close();

        // When
        Path fallback = new HubClient(unreachable, HubOptions.defaults().withRetries(1, Duration.ZERO),
            DownloadListener.none()).snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(fallback).isEqualTo(online);
    }

    @Test
    @Timeout(60)
    void shouldUseTheCacheAtOnceWhenTheHubCannotBeReached() throws IOException {
        // Given a cached model, a Hub that refuses connections, and pauses between retries no test would outlast
        Path online = client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);
        HubSettings unreachable = settings();
        hub.close();
        HubOptions patient = HubOptions.defaults().withRetries(5, Duration.ofDays(1));

        // When
        Path fallback = new HubClient(unreachable, patient, DownloadListener.none())
            .snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then the cache answered without a single retry
        assertThat(fallback).isEqualTo(online);
    }

    @Test
    void shouldNotHideAnAnswerOfTheHubBehindTheCache() throws IOException {
        // Given a cached model, and a Hub that now refuses access
        client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);
        hub.requireToken("hf_secret");

        // When / Then
        assertThatThrownBy(() -> client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.ACCESS_DENIED));
    }

    @Test
    void shouldRetryAndThenSayTheHubCannotBeReachedWhenNothingIsCached() {
        // Given
        HubSettings unreachable = settings();
        hub.close();

        // When / Then: the network may come back, so the attempts run out before the cache is asked
        assertThatThrownBy(() -> client(unreachable).snapshot(REPO, "main", CONFIG_AND_ENCODER))
            .isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.reason()).isEqualTo(HubException.Reason.NOT_CACHED))
            .hasMessageContaining("No cached copy of " + REPO)
            .hasMessageContaining("cannot reach " + unreachable.endpoint())
            .hasMessageContaining("failed after 3 attempts");
    }

    @Test
    void shouldFinishADownloadCutMoreOftenThanTheRetryLimitWhileEachConnectionBringsData() throws IOException {
        // Given five connections in a row that each bring 16 bytes of the encoder and drop, with 3 attempts allowed
        hub.cutDownloadsOf(ENCODER, 5, 16);

        // When
        Path snapshot = client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(snapshot.resolve(ENCODER)).hasBinaryContent(hub.content(ENCODER));
        assertThat(cdnGets()).hasSize(6);
        assertThat(cdnGets().get(5).header("Range")).hasValue("bytes=80-");
    }

    @Test
    void shouldGiveUpWhenConnectionsKeepDroppingWithoutData() {
        // Given connections that drop before the first byte, more of them than attempts allowed
        hub.cutDownloadsOf(ENCODER, 10, 0);

        // When / Then
        assertThatThrownBy(() -> client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("download of " + ENCODER)
            .hasMessageContaining("failed after 3 attempts");
        assertThat(cdnGets()).hasSize(3);
    }

    @Test
    void shouldFollowARedirectToAnAbsoluteAddressOnTheHubsOwnHost() throws IOException {
        // Given a mirror that redirects file addresses to absolute ones on its own host, and a token it requires
        hub.redirectFilesWithinHost();
        hub.requireToken("hf_secret");

        // When
        Path snapshot = client(new HubSettings(hub.endpoint(), Optional.of("hf_secret"), cacheDir, false))
            .snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then the files were fetched from the redirected addresses, the token going with them on the same host
        assertThat(snapshot.resolve(CONFIG)).hasBinaryContent(hub.content(CONFIG));
        assertThat(snapshot.resolve(ENCODER)).hasBinaryContent(hub.content(ENCODER));
        assertThat(hub.requests()).filteredOn(r -> r.method().equals("HEAD")
                && r.path().startsWith(FakeHub.MIRROR_PREFIX + "/"))
            .hasSize(2)
            .allSatisfy(head -> assertThat(head.header("Authorization")).hasValue("Bearer hf_secret"));
    }

    @Test
    void shouldRetryAServerError() throws IOException {
        // Given
        hub.failRepoInfo(2);

        // When
        Path snapshot = client(settings()).snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(snapshot.resolve(CONFIG)).hasBinaryContent(hub.content(CONFIG));
        assertThat(hub.requests().stream().filter(r -> r.path().startsWith("/api/"))).hasSize(3);
    }

    @Test
    void shouldResumeOnANewConnectionWhenADownloadStalls() throws IOException {
        // Given: the first connection sends half the encoder, then nothing
        hub.stallFirstDownloadOf(ENCODER);
        HubOptions impatient = NO_PAUSES.withStallTimeout(Duration.ofMillis(200));

        // When
        Path snapshot = new HubClient(settings(), impatient, DownloadListener.none())
            .snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(snapshot.resolve(ENCODER)).hasBinaryContent(hub.content(ENCODER));
        assertThat(cdnGets()).hasSize(2);
        assertThat(cdnGets().get(1).header("Range")).hasValueSatisfying(range -> assertThat(range)
            .startsWith("bytes=").isNotEqualTo("bytes=0-"));
    }

    @Test
    void shouldReportEachDownloadToTheListener() throws IOException {
        // Given
        List<String> events = new CopyOnWriteArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void onStart(DownloadProgress progress) {
                events.add("start " + progress.file() + " " + progress.totalBytes());
            }

            @Override
            public void onComplete(DownloadProgress progress) {
                events.add("complete " + progress.file() + " " + progress.bytesDone());
            }
        };
        long size = hub.content(ENCODER).length;

        // When
        new HubClient(settings(), NO_PAUSES, listener).snapshot(REPO, "main", files -> List.of(ENCODER));

        // Then
        assertThat(events).containsExactly("start " + ENCODER + " " + size, "complete " + ENCODER + " " + size);
    }

    @Test
    void shouldDownloadAgainWhenASnapshotLinkLostItsBlob() throws IOException {
        // Given
        HubClient client = client(settings());
        client.snapshot(REPO, "main", CONFIG_AND_ENCODER);
        Files.delete(repoDir().resolve("blobs").resolve(hub.sha256Of(ENCODER)));

        // When
        Path snapshot = client.snapshot(REPO, "main", CONFIG_AND_ENCODER);

        // Then
        assertThat(snapshot.resolve(ENCODER)).hasBinaryContent(hub.content(ENCODER));
    }

    @Test
    void shouldRefuseARepoIdOfTheWrongShape() {
        assertThatThrownBy(() -> client(settings()).snapshot("../etc", "main", CONFIG_AND_ENCODER))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("expected owner/name");
    }

    @Test
    void shouldKeepTheCommitOfTheRevisionInRefs() throws IOException {
        // When
        client(settings()).snapshot(REPO, "main", files -> List.of(CONFIG));

        // Then
        assertThat(Files.readString(repoDir().resolve("refs/main"), StandardCharsets.UTF_8)).isEqualTo(FakeHub.COMMIT);
    }
}
