package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The spec every child of a {@link CloudRecordingSchedule} gets: a {@link CloudRecordingSpec}, validated by the same
 * schema and the same rules at apply time, except that it can change (a change applies to the children started after
 * it; a child's own spec keeps its immutability).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = CloudRecordingSpec.INTEGER_ROOM_RULE, message = CloudRecordingSpec.INTEGER_ROOM_MESSAGE, fieldPath = ".roomId")
@ValidationRule(value = CloudRecordingSpec.STRING_ROOM_RULE, message = CloudRecordingSpec.STRING_ROOM_MESSAGE, fieldPath = ".roomId")
@ValidationRule(value = CloudRecordingSpec.VOD_AUDIO_RULE, message = CloudRecordingSpec.VOD_AUDIO_MESSAGE,
        fieldPath = ".storageParams.cloudVod.tencentVod.mediaType")
@ValidationRule(value = CloudRecordingSpec.MAX_DURATION_MIN_RULE, message = CloudRecordingSpec.MAX_DURATION_MIN_MESSAGE, fieldPath = ".maxDuration")
@ValidationRule(value = CloudRecordingSpec.MAX_DURATION_WINDOW_RULE, message = CloudRecordingSpec.MAX_DURATION_WINDOW_MESSAGE, fieldPath = ".maxDuration")
@ValidationRule(value = CloudRecordingSpec.ONE_CREDENTIAL_SOURCE_RULE, message = CloudRecordingSpec.ONE_CREDENTIAL_SOURCE_MESSAGE)
public class CloudRecordingTemplateSpec extends RecordingSpecFields {
}
