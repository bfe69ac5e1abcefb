/**
 * TRTC's request and response bodies as records: each component carries Tencent's PascalCase name
 * ({@code @JsonProperty}), and {@code TrtcJson} leaves null components out of the JSON, so an unset field is
 * never sent and the API applies its own default.
 */
package com.tencentcloud.trtc.operator.trtc.model;
