package dev.callscribe.it.failures;

import dev.callscribe.it.scale.RunProcess;
import dev.callscribe.it.scale.ScaleSetup;
import dev.callscribe.it.scale.TestPipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's processes under a supervisor, as a container runtime keeps them: each member is one
 * {@code callscribe run --role ROLES} process with a fixed name (so a restarted member keeps its state directories and
 * its transcriber instance id), and {@link #restartExited()} starts again any member whose process has exited,
 * counting restarts. Not thread-safe; the run's driver thread owns it.
 */
final class Fleet implements AutoCloseable {

    /** The roles of a member. */
    enum Kind {
        STREAMS("segmenter,stitcher"), TRANSCRIBER("transcriber");

        private final String roles;

        Kind(String roles) {
            this.roles = roles;
        }
    }

    /** One supervised process and how many times it has been started. */
    private static final class Member {
        private final String name;
        private final Kind kind;
        private RunProcess process;
        private int starts;
        private boolean paused;

        private Member(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    private final ScaleSetup setup;
    private final TestPipeline pipeline;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<RunProcess> ended = new ArrayList<>();
    private int restarts;

    Fleet(ScaleSetup setup, TestPipeline pipeline) {
        this.setup = setup;
        this.pipeline = pipeline;
    }

    /** Starts a member; returns at once. */
    void add(String name, Kind kind) {
        Member member = new Member(name, kind);
        members.put(name, member);
        start(member);
    }

    /** Waits until every member's process answers {@code /ready}. */
    void awaitReady() {
        members.values().forEach(member -> member.process.awaitReady());
    }

    /** Kills every member and starts it again, then waits until all are ready: a fresh start after a stall. */
    void restartAll() {
        for (Member member : members.values()) {
            if (member.paused) {
                member.process.resume();
                member.paused = false;
            }
            member.process.kill();
            ended.add(member.process);
            start(member);
        }
        awaitReady();
    }

    /** The names of the members of a kind. */
    List<String> namesOf(Kind kind) {
        return members.values().stream().filter(member -> member.kind == kind).map(member -> member.name).toList();
    }

    /** SIGKILL of a member's process; the supervisor starts it again. */
    void kill(String name) {
        Member member = members.get(name);
        member.process.kill();
        member.paused = false;
    }

    /** SIGSTOP of a member's process: it hangs, alive, until {@link #resume(String)}. */
    void pause(String name) {
        Member member = members.get(name);
        if (!member.paused && member.process.isAlive()) {
            member.process.pause();
            member.paused = true;
        }
    }

    /** SIGCONT of a paused member; nothing when it was killed meanwhile. */
    void resume(String name) {
        Member member = members.get(name);
        if (member.paused) {
            member.process.resume();
            member.paused = false;
        }
    }

    /** Starts again every member whose process has exited (killed, or ended because its role stopped for good). */
    void restartExited() {
        for (Member member : members.values()) {
            if (!member.paused && !member.process.isAlive()) {
                ended.add(member.process);
                restarts++;
                start(member);
            }
        }
    }

    /** How many times members were started again. */
    int restarts() {
        return restarts;
    }

    @Override
    public void close() {
        members.values().forEach(member -> {
            if (member.paused) {
                member.process.resume();
            }
            member.process.close();
        });
        ended.forEach(RunProcess::close);
    }

    private void start(Member member) {
        member.starts++;
        member.process = setup.run(pipeline, member.name, member.name + "-" + member.starts, member.kind.roles);
    }
}
