package com.tencentcloud.trtc.operator.mapping;

/**
 * Secret values a CreateCloudRecording request carries, already resolved from their Secrets.
 *
 * @param userSig          the robot's UserSig (given or minted)
 * @param privateMapKey    the room ticket, or null
 * @param storageAccessKey {@code CloudStorage.AccessKey}, or null for VOD
 * @param storageSecretKey {@code CloudStorage.SecretKey}, or null for VOD
 */
public record RecordingSecrets(String userSig, String privateMapKey, String storageAccessKey, String storageSecretKey) {

    @Override
    public String toString() {
        return "RecordingSecrets[<redacted>]";
    }
}
