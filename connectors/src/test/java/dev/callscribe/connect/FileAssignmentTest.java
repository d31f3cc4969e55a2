package dev.callscribe.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FileAssignmentTest {

    @Test
    void shouldGiveEveryFileToExactlyOneTask() {
        for (String name : new String[] {"call-1.wav", "call-2.wav", "Ä-ü.wav", "x", ""}) {
            long owners = IntStream.range(0, 3).filter(task -> new FileAssignment(task, 3).owns(name)).count();
            assertThat(owners).as("tasks owning '%s'", name).isEqualTo(1);
        }
    }

    @Test
    void shouldSpreadFilesOverAllTasks() {
        long[] perTask = new long[4];
        IntStream.range(0, 400).forEach(i -> IntStream.range(0, 4)
                .filter(task -> new FileAssignment(task, 4).owns("call-" + i + ".wav"))
                .forEach(task -> perTask[task]++));

        assertThat(Arrays.stream(perTask).boxed()).allSatisfy(count -> assertThat(count).isBetween(60L, 140L));
    }

    @Test
    void shouldRefuseAnIndexOutsideTheTaskCount() {
        assertThatThrownBy(() -> new FileAssignment(2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task 2 of 2");
    }
}
