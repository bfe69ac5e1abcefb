package com.tencentcloud.trtc.operator.emulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The four recording actions the emulator serves, with the {@code X-TC-Region} values each accepts
 * (trtc-api §0: the union of the China-site and international lists).
 */
public enum Action {
    CREATE("CreateCloudRecording", Set.of("ap-beijing", "ap-guangzhou", "ap-shanghai", "ap-singapore")),
    DESCRIBE("DescribeCloudRecording", Regions.MANAGE),
    MODIFY("ModifyCloudRecording", Regions.MANAGE),
    DELETE("DeleteCloudRecording", Regions.MANAGE);

    private final String wireName;
    private final Set<String> regions;

    Action(String wireName, Set<String> regions) {
        this.wireName = wireName;
        this.regions = regions;
    }

    /** The {@code X-TC-Action} value, e.g. {@code CreateCloudRecording}. */
    public String wireName() {
        return wireName;
    }

    /** Regions this action accepts in {@code X-TC-Region}. */
    public Set<String> regions() {
        return regions;
    }

    /** The action named by an {@code X-TC-Action} value (case-sensitive, as the gateway is). */
    public static Optional<Action> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    private static final class Regions {
        static final Set<String> MANAGE = Set.of("ap-beijing", "ap-guangzhou", "ap-mumbai", "ap-shanghai", "ap-singapore");
    }
}
