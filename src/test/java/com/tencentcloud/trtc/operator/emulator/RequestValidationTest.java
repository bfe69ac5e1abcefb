package com.tencentcloud.trtc.operator.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestValidationTest extends EmulatorFixture {

    @Test
    void bothFixturesAreAccepted() {
        assertThat(create(fixture("create-cos-single.json")).code()).isNull();
        assertThat(create(fixture("create-vod-mixed.json")).code()).isNull();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /SdkAppId                              | -                     | MissingParameter.SdkAppId
            /SdkAppId                              | 0                     | InvalidParameter.SdkAppId
            /RoomId                                | -                     | MissingParameter.RoomId
            /RoomId                                | ""                    | MissingParameter.RoomId
            /RoomId                                | "room-a"              | InvalidParameter.OutOfRange
            /RoomId                                | "4294967295"          | InvalidParameter.OutOfRange
            /RoomIdType                            | 2                     | InvalidParameter.OutOfRange
            /UserId                                | -                     | MissingParameter.UserId
            /UserId                                | "robot/1"             | InvalidParameter.OutOfRange
            /UserId                                | "a234567890123456789012345678901234" | InvalidParameter.OutOfRange
            /UserSig                               | -                     | MissingParameter.UserSig
            /RecordParams                          | -                     | MissingParameter.RecordParams
            /RecordParams/RecordMode               | -                     | MissingParameter.RecordMode
            /RecordParams/RecordMode               | 3                     | InvalidParameter.OutOfRange
            /RecordParams/MaxIdleTime              | 4                     | InvalidParameter.OutOfRange
            /RecordParams/MaxIdleTime              | 86401                 | InvalidParameter.OutOfRange
            /RecordParams/StreamType               | 3                     | InvalidParameter.OutOfRange
            /RecordParams/OutputFormat             | 5                     | InvalidParameter.OutOfRange
            /RecordParams/AvMerge                  | 2                     | InvalidParameter.OutOfRange
            /RecordParams/MaxMediaFileDuration     | 1441                  | InvalidParameter.OutOfRange
            /RecordParams/MediaId                  | 3                     | InvalidParameter.OutOfRange
            /RecordParams/SubscribeStreamUserIds   | {"SubscribeAudioUserIds":["a"],"UnSubscribeAudioUserIds":["b"]} | InvalidParameter
            /StorageParams                         | -                     | MissingParameter.StorageParams
            /StorageParams                         | {}                    | MissingParameter.CloudStorage
            /StorageParams/CloudVod                | {}                    | InvalidParameter
            /StorageParams/CloudStorage/Vendor     | -                     | MissingParameter.Vendor
            /StorageParams/CloudStorage/Vendor     | 2                     | InvalidParameter.OutOfRange
            /StorageParams/CloudStorage/Region     | -                     | MissingParameter.Region
            /StorageParams/CloudStorage/Bucket     | -                     | MissingParameter.Bucket
            /StorageParams/CloudStorage/AccessKey  | -                     | MissingParameter.AccessKey
            /StorageParams/CloudStorage/SecretKey  | -                     | MissingParameter.SecretKey
            /StorageParams/CloudStorage/FileNamePrefix | ["a/b"]           | InvalidParameter.OutOfRange
            /ResourceExpiredHour                   | 5                     | InvalidParameter.OutOfRange
            /ResourceExpiredHour                   | 721                   | InvalidParameter.OutOfRange
            /SdkAppId                              | "1400000001"          | InvalidParameter
            /RoomId                                | 1234                  | InvalidParameter
            /RecordParams/MaxIdleTime              | 30.5                  | InvalidParameter
            /MixTranscodeParams                    | {"VideoParams":{"Width":360}} | MissingParameter
            /MixTranscodeParams                    | {"VideoParams":{"Width":1920,"Height":1920,"Fps":15,"BitRate":500000,"Gop":10}} | InvalidParameter.OutOfRange
            /MixTranscodeParams                    | {"VideoParams":{"Width":360,"Height":640,"Fps":61,"BitRate":500000,"Gop":10}} | InvalidParameter.OutOfRange
            /MixTranscodeParams                    | {"AudioParams":{"SampleRate":48000,"Channel":2,"BitRate":64000}} | InvalidParameter.OutOfRange
            /MixTranscodeParams                    | {"AudioParams":{"SampleRate":1,"Channel":2,"BitRate":320000}} | InvalidParameter.OutOfRange
            /MixLayoutParams                       | {}                    | MissingParameter
            /MixLayoutParams                       | {"MixLayoutMode":5}   | InvalidParameter.OutOfRange
            /MixLayoutParams                       | {"MixLayoutMode":4,"MixLayoutList":[{"Top":0,"Left":200,"Width":200,"Height":100}]} | InvalidParameter.OutOfRange
            /MixLayoutParams                       | {"MixLayoutMode":3,"BackGroundColor":"orange"} | InvalidParameter.OutOfRange
            /MixLayoutParams                       | {"MixLayoutMode":3,"WaterMarkList":[{"WaterMarkType":1}]} | MissingParameter
            /MixLayoutParams                       | {"MixLayoutMode":3,"WaterMarkList":[{"WaterMarkType":2,"WaterMarkTimestamp":{"Pos":7}}]} | InvalidParameter.OutOfRange
            """)
    void createRejectsABadBodyWithTheDocumentedCode(String path, String value, String code) {
        ObjectNode body = edit(fixture("create-cos-single.json"), path, value);

        SignedCall.Answer answer = create(body);

        assertThat(answer.code()).as(answer.message()).isEqualTo(code);
        assertThat(emulator.tasks()).isEmpty();
    }

    @Test
    void aStringRoomAcceptsTheDocumentedCharacterSet() {
        ObjectNode body = edit(edit(fixture("create-cos-single.json"), "/RoomIdType", "0"), "/RoomId", "\"Room #1 (a|b)~\"");

        assertThat(create(body).code()).isNull();
    }

    @Test
    void aacToVodNeedsAudioOnlyRecording() {
        ObjectNode body = edit(fixture("create-vod-mixed.json"), "/StorageParams/CloudVod/TencentVod/MediaType", "2");
        assertThat(create(body).code()).isEqualTo("InvalidParameter.OutOfRange");

        edit(body, "/RecordParams/StreamType", "1");
        assertThat(create(body).code()).isNull();
    }

    @Test
    void malformedJsonIsInvalidParameter() {
        assertThat(call("CreateCloudRecording").body("{\"SdkAppId\":").send().code()).isEqualTo("InvalidParameter");
        assertThat(call("CreateCloudRecording").body("[]").send().code()).isEqualTo("InvalidParameter");
    }

    @Test
    void unknownFieldsAreIgnored() {
        ObjectNode body = edit(fixture("create-cos-single.json"), "/StorageParams/CloudStorage/EndpointUrl", "\"x.r2.example.com\"");
        body.put("SomethingNew", true);

        assertThat(create(body).code()).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            DescribeCloudRecording | {"TaskId":"t"}                  | MissingParameter.SdkAppId
            DescribeCloudRecording | {"SdkAppId":1400000001}         | MissingParameter.TaskId
            DescribeCloudRecording | {"SdkAppId":-1,"TaskId":"t"}    | InvalidParameter.SdkAppId
            ModifyCloudRecording   | {"TaskId":"t"}                  | MissingParameter.SdkAppId
            ModifyCloudRecording   | {"SdkAppId":1400000001}         | MissingParameter.TaskId
            ModifyCloudRecording   | {"SdkAppId":1400000001,"TaskId":"t","SubscribeStreamUserIds":{"SubscribeVideoUserIds":["a"],"UnSubscribeVideoUserIds":["b"]}} | InvalidParameter
            DeleteCloudRecording   | {"TaskId":"t"}                  | MissingParameter.SdkAppId
            DeleteCloudRecording   | {"SdkAppId":1400000001,"TaskId":""} | MissingParameter.TaskId
            DeleteCloudRecording   | {"SdkAppId":1400000001,"TaskId":"t"} | ResourceNotFound
            """)
    void managementCallsCheckTheirTaskReference(String action, String body, String code) {
        assertThat(call(action).body(body).send().code()).isEqualTo(code);
    }
}
