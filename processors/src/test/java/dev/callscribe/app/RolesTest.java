package dev.callscribe.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.app.Roles.NamedFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolesTest {

    private final List<String> journal = FakeRole.journal();
    private final Roles allThree = Roles.none()
            .with(Roles.STITCHER, new FakeRole(Roles.STITCHER, journal).factory())
            .with(Roles.SEGMENTER, new FakeRole(Roles.SEGMENTER, journal).factory())
            .with(Roles.TRANSCRIBER, new FakeRole(Roles.TRANSCRIBER, journal).factory());

    @Test
    void shouldSelectEveryRoleInFlowOrderForAll() {
        assertThat(names(allThree.select(List.of(Roles.ALL))))
                .containsExactly(Roles.SEGMENTER, Roles.TRANSCRIBER, Roles.STITCHER);
    }

    @Test
    void shouldStartNamedRolesInFlowOrderWhateverOrderTheyWereNamedIn() {
        assertThat(names(allThree.select(List.of(Roles.STITCHER, Roles.SEGMENTER, Roles.STITCHER))))
                .containsExactly(Roles.SEGMENTER, Roles.STITCHER);
    }

    @Test
    void shouldListTheValidNamesForAnUnknownRole() {
        assertThatThrownBy(() -> allThree.select(List.of("gpu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown role 'gpu', expected one of [segmenter, transcriber, stitcher] or all");
    }

    @Test
    void shouldSayClearlyThatARoleIsNotInThisBuild() {
        Roles onlySegmenter = Roles.none().with(Roles.SEGMENTER, new FakeRole(Roles.SEGMENTER, journal).factory());

        assertThatThrownBy(() -> onlySegmenter.select(List.of(Roles.ALL)))
                .hasMessage("role transcriber is not available in this build (available: segmenter)");
        assertThatThrownBy(() -> Roles.none().select(List.of(Roles.STITCHER)))
                .hasMessage("role stitcher is not available in this build (available: none yet)");
    }

    @Test
    void shouldRefuseToRegisterARoleOutsideThePipeline() {
        assertThatThrownBy(() -> Roles.none().with("gpu", new FakeRole("gpu", journal).factory()))
                .hasMessageContaining("unknown role 'gpu'");
    }

    private static List<String> names(List<NamedFactory> selected) {
        return selected.stream().map(NamedFactory::name).toList();
    }
}
