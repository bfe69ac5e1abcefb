package com.tencentcloud.trtc.operator.emulator;

import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.MixLayoutParams;
import com.tencentcloud.trtc.operator.trtc.model.StorageFile;
import com.tencentcloud.trtc.operator.trtc.model.SubscribeStreamUserIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recording tasks and the simulated rooms they record (trtc-api §6): one monitor guards everything.
 *
 * <p>Time is the injected clock. Idle timeouts and exits are settled lazily, before every operation, at the
 * instant they happened (an anchor joining after a task's idle deadline does not revive it). Rules:
 * <ul>
 *   <li>a task exits when its room has had no anchor for MaxIdleTime, counted from the later of its creation
 *       and the moment the room became empty;</li>
 *   <li>Create with the SdkAppId, RoomId, RoomIdType and robot UserId of a live task ends that task
 *       ({@link ExitReason#REPLACED}) and returns a new TaskId;</li>
 *   <li>at most {@code maxLiveTasksPerApp} live tasks per SdkAppId → {@code FailedOperation.RestrictedConcurrency};</li>
 *   <li>Describe, Modify and Delete need the task's SdkAppId, a task that is not GONE, and a time before its
 *       management window end; otherwise {@code ResourceNotFound} (the recording keeps running after the window);</li>
 *   <li>Modify replaces the layout and the subscription with what the call carries: one left out returns to its
 *       default (no layout; subscribe to everyone), which is why the guide says to send both every time (§3.3);
 *       nothing else of the task can change;</li>
 *   <li>a task can be ended on request with any documented LeaveCode, and a Create can be made to fail to start
 *       (301 with {@code Status} 1; the task is EXITED at once, with no 302 and no files);</li>
 *   <li>Modify on an EXITED task → {@code FailedOperation}; Delete on an EXITED task succeeds (it is already stopping).</li>
 * </ul>
 */
final class TaskStore {

    /** A room: the same id with another RoomIdType is another room (§6.3). */
    record RoomKey(long sdkAppId, String roomId, int roomIdType) {
    }

    private static final class Room {
        final Set<String> anchors = new LinkedHashSet<>();
        Instant emptySince;
    }

    private final Clock clock;
    private final Duration hourLength;
    private final Duration exitDrain;
    private final int maxLiveTasksPerApp;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, EmulatedTask> tasks = new LinkedHashMap<>();
    private final Map<RoomKey, Room> rooms = new HashMap<>();
    private final TaskCallbacks callbacks;

    TaskStore(Clock clock, Duration hourLength, Duration exitDrain, int maxLiveTasksPerApp, TaskCallbacks callbacks) {
        this.callbacks = callbacks;
        this.clock = clock;
        this.hourLength = hourLength;
        this.exitDrain = exitDrain;
        this.maxLiveTasksPerApp = maxLiveTasksPerApp;
    }

    /**
     * Starts a task for a validated request and returns its TaskId; with {@code startFails} the task is created but its
     * recorder does not start (301 with {@code Status} 1): it is {@link ExitReason#START_FAILED} at once.
     */
    synchronized String create(String secretId, CreateCloudRecordingRequest request, boolean startFails) {
        Instant now = settle();
        RoomKey key = new RoomKey(request.sdkAppId(), request.roomId(),
                request.roomIdType() == null ? 1 : request.roomIdType().intValue());
        List<EmulatedTask> replaced = tasks.values().stream()
                .filter(t -> t.live() && t.room.equals(key) && t.request.userId().equals(request.userId()))
                .toList();
        long live = tasks.values().stream().filter(t -> t.live() && t.room.sdkAppId() == key.sdkAppId()).count();
        if (live - replaced.size() >= maxLiveTasksPerApp) {
            throw new ApiError("FailedOperation.RestrictedConcurrency", "The number of concurrent recording tasks of SdkAppId "
                    + key.sdkAppId() + " has reached the limit (" + maxLiveTasksPerApp + ").");
        }
        replaced.forEach(t -> exit(t, now, ExitReason.REPLACED));
        Room room = room(key, now);
        EmulatedTask task = new EmulatedTask(newTaskId(), secretId, request, key, now, hourLength);
        tasks.put(task.taskId, task);
        if (startFails) {
            task.exit(now, ExitReason.START_FAILED);
            callbacks.startFailed(task, now);
            return task.taskId;
        }
        callbacks.created(task, now);
        task.noteRecording(now, room.anchors);
        callbacks.progressed(task, now);
        return task.taskId;
    }

    /** The Status and StorageFileList of a manageable task. */
    synchronized TaskSnapshot describe(long sdkAppId, String taskId) {
        Instant now = settle();
        return snapshot(manageable(sdkAppId, taskId, now), now);
    }

    /** Replaces the layout and the subscription of a running task with what the call carries (null = default). */
    synchronized void modify(long sdkAppId, String taskId, MixLayoutParams layout, SubscribeStreamUserIds subscription) {
        Instant now = settle();
        EmulatedTask task = manageable(sdkAppId, taskId, now);
        if (!task.live()) {
            throw new ApiError("FailedOperation", "The task " + taskId + " is exiting and can no longer be modified.");
        }
        MixValidator.layout(layout, MixValidator.canvas(task.request.mixTranscodeParams()), "MixLayoutParams");
        task.layout = EmulatedTask.copy(layout, MixLayoutParams.class);
        task.subscription = EmulatedTask.copy(subscription, SubscribeStreamUserIds.class);
        task.modifyCount++;
        task.noteRecording(now, rooms.get(task.room).anchors);
        callbacks.progressed(task, now);
    }

    /** Stops a task; it stays EXITED for the drain time, then it is gone. */
    synchronized void delete(long sdkAppId, String taskId) {
        Instant now = settle();
        EmulatedTask task = manageable(sdkAppId, taskId, now);
        if (task.live()) {
            exit(task, now, ExitReason.DELETED);
        }
    }

    /** Ends a live task of any app now, as the service would, with {@code reason}'s 302 and upload callbacks. */
    synchronized void end(String taskId, ExitReason reason) {
        if (reason == ExitReason.START_FAILED) {
            throw new IllegalArgumentException("a task that started cannot fail to start");
        }
        Instant now = settle();
        EmulatedTask task = tasks.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no task " + taskId);
        }
        if (!task.live()) {
            throw new IllegalArgumentException("task " + taskId + " has already exited (" + task.exitReason + ")");
        }
        exit(task, now, reason);
    }

    synchronized void anchorJoins(RoomKey key, String userId) {
        Instant now = settle();
        Room room = room(key, now);
        room.anchors.add(userId);
        room.emptySince = null;
        tasks.values().stream().filter(t -> t.live() && t.room.equals(key)).forEach(t -> {
            t.noteRecording(now, room.anchors);
            callbacks.progressed(t, now);
        });
    }

    synchronized void anchorLeaves(RoomKey key, String userId) {
        Instant now = settle();
        Room room = room(key, now);
        if (room.anchors.remove(userId) && room.anchors.isEmpty()) {
            room.emptySince = now;
        }
    }

    /** Every task ever created, oldest first, as it is now. */
    synchronized List<TaskSnapshot> snapshots() {
        Instant now = settle();
        List<TaskSnapshot> list = new ArrayList<>();
        tasks.values().forEach(t -> list.add(snapshot(t, now)));
        return list;
    }

    private EmulatedTask manageable(long sdkAppId, String taskId, Instant now) {
        EmulatedTask task = tasks.get(taskId);
        if (task == null || task.room.sdkAppId() != sdkAppId || state(task, now) == TaskState.GONE) {
            throw ApiError.notFound("The recording task " + taskId + " does not exist or has ended.");
        }
        if (!now.isBefore(task.windowEnd)) {
            throw ApiError.notFound("The management window (ResourceExpiredHour) of task " + taskId
                    + " has ended; the recording itself continues until it exits.");
        }
        return task;
    }

    private Instant settle() {
        Instant now = clock.instant();
        for (EmulatedTask task : tasks.values()) {
            Room room = rooms.get(task.room);
            if (task.live() && room.anchors.isEmpty()) {
                Instant from = room.emptySince.isAfter(task.createdAt) ? room.emptySince : task.createdAt;
                Instant deadline = from.plus(task.maxIdle);
                if (!now.isBefore(deadline)) {
                    exit(task, deadline, ExitReason.IDLE_TIMEOUT);
                }
            }
        }
        return now;
    }

    /** Settles idle timeouts now, so that their callbacks go out without waiting for the next call. */
    /** Ends a live task as if the application dismissed its room (302 with LeaveCode 2); false when none is live. */
    synchronized boolean dismiss(String taskId) {
        Instant now = settle();
        EmulatedTask task = tasks.get(taskId);
        if (task == null || !task.live()) {
            return false;
        }
        exit(task, now, ExitReason.ROOM_DISMISSED);
        return true;
    }

    synchronized void tick() {
        settle();
    }

    private void exit(EmulatedTask task, Instant at, ExitReason reason) {
        task.exit(at, reason);
        callbacks.exited(task);
    }

    private Room room(RoomKey key, Instant now) {
        return rooms.computeIfAbsent(key, k -> {
            Room room = new Room();
            room.emptySince = now;
            return room;
        });
    }

    private TaskState state(EmulatedTask task, Instant now) {
        return task.state(now, exitDrain, rooms.get(task.room).anchors);
    }

    private TaskSnapshot snapshot(EmulatedTask t, Instant now) {
        List<StorageFile> files = StorageFileNames.files(t);
        files.sort(Comparator.comparing(StorageFile::beginTimeStamp));
        return new TaskSnapshot(t.taskId, t.secretId, t.room.sdkAppId(), t.room.roomId(), t.room.roomIdType(),
                t.request.userId(), EmulatedTask.copy(t.request, CreateCloudRecordingRequest.class), state(t, now),
                t.createdAt, t.windowEnd, t.exitedAt, t.exitReason, EmulatedTask.copy(t.layout, MixLayoutParams.class),
                EmulatedTask.copy(t.subscription, SubscribeStreamUserIds.class), t.modifyCount, List.copyOf(files));
    }

    private String newTaskId() {
        byte[] bytes = new byte[31];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes).replace('=', '.');
    }
}
