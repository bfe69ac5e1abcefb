/**
 * A faithful local stand-in for the Tencent Cloud TRTC on-cloud recording API (trtc-api.md), for tests, demos
 * and staging clusters. It imports the {@code trtc} package only (wire models, signer, UserSig), never the
 * operator's API, mapping or reconciler.
 *
 * <p>Embed it with {@link com.tencentcloud.trtc.operator.emulator.TrtcEmulator#builder()}, or run it with
 * {@link com.tencentcloud.trtc.operator.emulator.EmulatorCommand} ({@code emulator --port PORT --credential ID:KEY}).
 * Our client points at {@code baseUrl()}; the vendor SDK keeps its real endpoint over {@code http://} and uses
 * the emulator as its HTTP proxy.
 *
 * <p>Where each rule lives: transport and common headers in {@code ApiHandler}, TC3 verification in
 * {@code SignatureVerifier}, bodies in {@code RequestValidator} and {@code MixValidator}, the task model of §6 in
 * {@code TaskStore}, file names of §6.8 in {@code StorageFileNames}, the 20/s limit in {@code RateLimiter},
 * injected faults in {@link com.tencentcloud.trtc.operator.emulator.Faults}, the recording callbacks of §6.9 in
 * {@code TaskCallbacks} (which events, in TRTC's order) and {@link com.tencentcloud.trtc.operator.emulator.CallbackSender}
 * (signing, TRTC's retries, {@link com.tencentcloud.trtc.operator.emulator.CallbackFault}s), and the HTTP control
 * surface under {@code /_emulator/} in {@code ControlHandler}.
 */
package com.tencentcloud.trtc.operator.emulator;
