package com.tencentcloud.trtc.operator.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloud.trtc.operator.api.v1alpha1.StorageFileStatus;
import com.tencentcloud.trtc.operator.mapping.RecordingCallback;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON body of a TRTC recording callback (trtc-api §6.9). Field names are Tencent's; unknown fields are
 * ignored, and a field of the wrong type makes the body malformed.
 */
final class CallbackParser {

    /** Longest error text kept from a callback (it ends up in a Kubernetes Event). */
    static final int MAX_DETAIL = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body was not a callback: not JSON, not an object, or a field of the wrong type. */
    static final class MalformedCallbackException extends Exception {
        MalformedCallbackException(String message) {
            super(message);
        }
    }

    private CallbackParser() {
    }

    /** The body as a JSON object. */
    static JsonNode tree(byte[] body) throws MalformedCallbackException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedCallbackException("body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedCallbackException("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedCallbackException("body is not a JSON object");
        }
        return root;
    }

    /** {@code EventType}, or -1 when absent. */
    static int eventType(JsonNode root) throws MalformedCallbackException {
        return root.has("EventType") ? (int) integer(root, "EventType") : -1;
    }

    /** {@code EventInfo.TaskId}, or null when absent. */
    static String taskId(JsonNode root) throws MalformedCallbackException {
        JsonNode id = root.path("EventInfo").path("TaskId");
        if (id.isMissingNode() || id.isNull()) {
            return null;
        }
        if (!id.isTextual()) {
            throw new MalformedCallbackException("EventInfo.TaskId is not a string");
        }
        return id.asText().isEmpty() ? null : id.asText();
    }

    /** The whole recording event. */
    static RecordingCallback parse(JsonNode root) throws MalformedCallbackException {
        JsonNode info = root.path("EventInfo");
        JsonNode payload = info.path("Payload");
        int type = eventType(root);
        long eventMs = info.has("EventMsTs") ? integer(info, "EventMsTs")
                : info.has("EventTs") ? integer(info, "EventTs") * 1000 : 0;
        Integer status = payload.has("Status") && !payload.get("Status").isNull() ? (int) integer(payload, "Status") : null;
        Integer leaveCode = payload.has("LeaveCode") && !payload.get("LeaveCode").isNull() ? (int) integer(payload, "LeaveCode") : null;
        List<StorageFileStatus> files = new ArrayList<>();
        String detail = null;
        switch (type) {
            case RecordingCallback.FIRST_INDEX_FILE -> fileList(payload, files);
            case RecordingCallback.INDEX_SLICE -> {
                StorageFileStatus f = new StorageFileStatus();
                f.setFileName(text(payload, "FileName"));
                f.setUserId(text(payload, "UserId"));
                f.setTrackType(text(payload, "TrackType"));
                f.setBeginTimeStamp(optionalInteger(payload, "BeginTimeStamp"));
                if (f.getFileName() != null) {
                    files.add(f);
                }
            }
            case RecordingCallback.MP4_DONE -> {
                for (JsonNode m : array(payload, "FileMessage")) {
                    StorageFileStatus f = streamFile(m);
                    f.setFileName(text(m, "FileName"));
                    files.add(f);
                }
                if (files.isEmpty()) {
                    fileList(payload, files);
                }
            }
            case RecordingCallback.VOD_COMMIT -> {
                JsonNode vod = payload.path("TencentVod");
                for (JsonNode v : vod.isArray() ? vod : List.of(vod)) {
                    if (v.isObject()) {
                        StorageFileStatus f = streamFile(v);
                        f.setFileId(text(v, "FileId"));
                        f.setVideoUrl(text(v, "VideoUrl"));
                        if (f.getFileId() != null || f.getVideoUrl() != null) {
                            files.add(f);
                        }
                    }
                }
                detail = text(payload, "Errmsg");
            }
            case RecordingCallback.UPLOAD_ERROR -> detail = text(payload, "Code") + ": " + text(payload, "Message");
            case RecordingCallback.IMAGE_DOWNLOAD_ERROR -> detail = text(payload, "Url");
            default -> {
            }
        }
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "…";
        }
        long callbackTs = root.has("CallbackTs") ? integer(root, "CallbackTs") : 0;
        return new RecordingCallback(type, callbackTs, taskId(root), eventMs, status, leaveCode, files, detail);
    }

    private static StorageFileStatus streamFile(JsonNode n) throws MalformedCallbackException {
        StorageFileStatus f = new StorageFileStatus();
        f.setUserId(text(n, "UserId"));
        f.setTrackType(text(n, "TrackType"));
        f.setMediaId(text(n, "MediaId"));
        f.setBeginTimeStamp(optionalInteger(n, "StartTimeStamp"));
        f.setEndTimeStamp(optionalInteger(n, "EndTimeStamp"));
        return f;
    }

    private static void fileList(JsonNode payload, List<StorageFileStatus> files) throws MalformedCallbackException {
        JsonNode list = payload.path("FileList");
        if (list.isTextual()) {
            files.add(named(list.asText()));
        } else if (list.isArray()) {
            for (JsonNode name : list) {
                if (!name.isTextual()) {
                    throw new MalformedCallbackException("Payload.FileList holds a value that is not a file name");
                }
                files.add(named(name.asText()));
            }
        } else if (!list.isMissingNode() && !list.isNull()) {
            throw new MalformedCallbackException("Payload.FileList is neither a name nor a list of names");
        }
    }

    private static StorageFileStatus named(String fileName) {
        StorageFileStatus f = new StorageFileStatus();
        f.setFileName(fileName);
        return f;
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) throws MalformedCallbackException {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new MalformedCallbackException(field + " is not a list");
        }
        return v;
    }

    private static String text(JsonNode n, String field) throws MalformedCallbackException {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new MalformedCallbackException(field + " is not a value");
        }
        return v.asText();
    }

    private static Long optionalInteger(JsonNode n, String field) throws MalformedCallbackException {
        return n.has(field) && !n.get(field).isNull() ? integer(n, field) : null;
    }

    private static long integer(JsonNode n, String field) throws MalformedCallbackException {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new MalformedCallbackException(field + " is not an integer");
        }
        return v.asLong();
    }
}
