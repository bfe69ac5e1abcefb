/**
 * The {@code sandbox} command: the operator's main job with no cloud account and no cluster.
 *
 * <p>{@link com.tencentcloud.trtc.operator.sandbox.Sandbox} starts a TRTC emulator and a Kubernetes API (a real
 * one through kube-api-test where its binaries are present, otherwise the Fabric8 mock server), installs the CRD,
 * applies the samples (or the user's manifests), runs the operator against both, simulates an anchor in every
 * recorded room, and prints each CloudRecording's status as it changes.
 */
package com.tencentcloud.trtc.operator.sandbox;
