package com.tencentcloud.trtc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** The recording robot that joins the room. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Recorder {

    @Pattern("^[A-Za-z0-9_-]{1,32}$")
    @Size(min = 1, max = 32)
    @JsonPropertyDescription("User id of the robot, at most 32 of [A-Za-z0-9_-]; must differ from every user and robot in the room; default derived from the resource's namespace, name and uid; cannot change.")
    private String userId;

    @JsonPropertyDescription("Secret key holding the robot's UserSig; default a UserSig minted from the credentials Secret's sdkSecretKey; cannot change.")
    private SecretKeySelector userSigSecretRef;

    @JsonPropertyDescription("Secret key holding the PrivateMapKey room ticket, needed only with advanced permission control; default none; cannot change.")
    private SecretKeySelector privateMapKeySecretRef;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public SecretKeySelector getUserSigSecretRef() {
        return userSigSecretRef;
    }

    public void setUserSigSecretRef(SecretKeySelector userSigSecretRef) {
        this.userSigSecretRef = userSigSecretRef;
    }

    public SecretKeySelector getPrivateMapKeySecretRef() {
        return privateMapKeySecretRef;
    }

    public void setPrivateMapKeySecretRef(SecretKeySelector privateMapKeySecretRef) {
        this.privateMapKeySecretRef = privateMapKeySecretRef;
    }
}
