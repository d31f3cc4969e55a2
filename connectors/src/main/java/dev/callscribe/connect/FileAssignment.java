package dev.callscribe.connect;

/**
 * Which files one task of the connector publishes: those whose name hashes to its index. {@link String#hashCode}
 * is specified by the JDK, so every worker agrees on the split without talking to the others, and a file keeps its
 * task for as long as the task count stays the same. When {@code tasks.max} changes, files move between tasks and
 * the new owner resumes each from the offsets, which belong to the file, not to a task.
 *
 * @param taskIndex this task, from 0
 * @param taskCount how many tasks share the directory
 */
record FileAssignment(int taskIndex, int taskCount) {

    FileAssignment {
        if (taskCount < 1 || taskIndex < 0 || taskIndex >= taskCount) {
            throw new IllegalArgumentException("task " + taskIndex + " of " + taskCount + " is not a task");
        }
    }

    /** Whether this task publishes the file named {@code fileName}. */
    boolean owns(String fileName) {
        return Math.floorMod(fileName.hashCode(), taskCount) == taskIndex;
    }
}
