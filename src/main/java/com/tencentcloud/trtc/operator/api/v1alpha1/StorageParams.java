package com.tencentcloud.trtc.operator.api.v1alpha1;

/** Placeholder: fields are added with the full parameter set. */
public class StorageParams {
}
