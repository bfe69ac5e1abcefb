package com.tencentcloud.trtc.operator.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.tencentcloud.trtc.operator.trtc.TrtcJson;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.CreateCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DeleteCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.DescribeCloudRecordingResponse;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingRequest;
import com.tencentcloud.trtc.operator.trtc.model.ModifyCloudRecordingResponse;

/**
 * The business half of a call, after transport and authentication: parses the JSON body strictly (a number where
 * a string belongs, a string where a number belongs, a fraction for an integer, or malformed JSON all give
 * {@code InvalidParameter}; unknown fields are ignored, trtc-api §0), validates it, and applies it to the tasks.
 */
final class RecordingService {

    private static final ObjectMapper STRICT = strictMapper();

    private final RequestValidator validator;
    private final TaskStore store;

    RecordingService(RequestValidator validator, TaskStore store) {
        this.validator = validator;
        this.store = store;
    }

    /** Carries out one call and returns the {@code Response} object without its RequestId. */
    ObjectNode handle(Action action, String secretId, byte[] body) {
        return handle(action, secretId, body, false);
    }

    /** As {@link #handle(Action, String, byte[])}; with {@code startFails} a Create's task fails to start. */
    ObjectNode handle(Action action, String secretId, byte[] body, boolean startFails) {
        return switch (action) {
            case CREATE -> {
                CreateCloudRecordingRequest r = parse(body, CreateCloudRecordingRequest.class);
                validator.validateCreate(r);
                yield tree(new CreateCloudRecordingResponse(store.create(secretId, r, startFails), null));
            }
            case DESCRIBE -> {
                DescribeCloudRecordingRequest r = parse(body, DescribeCloudRecordingRequest.class);
                validator.validateTaskRef(r.sdkAppId(), r.taskId());
                TaskSnapshot task = store.describe(r.sdkAppId(), r.taskId());
                yield tree(new DescribeCloudRecordingResponse(
                        task.taskId(), task.state().wireName(), task.storageFiles(), r.recorderKey(), null));
            }
            case MODIFY -> {
                ModifyCloudRecordingRequest r = parse(body, ModifyCloudRecordingRequest.class);
                validator.validateTaskRef(r.sdkAppId(), r.taskId());
                RequestValidator.subscription(r.subscribeStreamUserIds(), "SubscribeStreamUserIds");
                store.modify(r.sdkAppId(), r.taskId(), r.mixLayoutParams(), r.subscribeStreamUserIds());
                yield tree(new ModifyCloudRecordingResponse(r.taskId(), null));
            }
            case DELETE -> {
                DeleteCloudRecordingRequest r = parse(body, DeleteCloudRecordingRequest.class);
                validator.validateTaskRef(r.sdkAppId(), r.taskId());
                store.delete(r.sdkAppId(), r.taskId());
                yield tree(new DeleteCloudRecordingResponse(r.taskId(), null));
            }
        };
    }

    private static <T> T parse(byte[] body, Class<T> type) {
        try {
            JsonNode node = STRICT.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.invalid("The request body must be a JSON object.");
            }
            return STRICT.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("The request body is not valid for " + type.getSimpleName().replace("Request", "")
                    + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiError.invalid("The request body could not be read.");
        }
    }

    private static ObjectNode tree(Object response) {
        return TrtcJson.mapper().valueToTree(response);
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper m = TrtcJson.mapper().copy();
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return m;
    }
}
