package com.tencentcloud.trtc.operator.reconciler;

import com.tencentcloud.trtc.operator.mapping.SecretData;
import com.tencentcloud.trtc.operator.account.AccountDirectory;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecording;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudRecordingSpec;
import com.tencentcloud.trtc.operator.api.v1alpha1.CloudStorage;
import com.tencentcloud.trtc.operator.api.v1alpha1.Recorder;
import com.tencentcloud.trtc.operator.api.v1alpha1.SecretKeySelector;
import com.tencentcloud.trtc.operator.mapping.Conditions;
import com.tencentcloud.trtc.operator.mapping.EffectiveSpec;
import com.tencentcloud.trtc.operator.mapping.RecordingSecrets;
import com.tencentcloud.trtc.operator.trtc.CallContext;
import com.tencentcloud.trtc.operator.trtc.Credentials;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a resource's Secret references into the values its TRTC calls need.
 *
 * <p>API keys come from the TrtcAccount named by {@code spec.accountRef} (which must allow the resource's namespace;
 * its calls count against the account's own rate budget), from {@code spec.credentialsSecretRef} (keys
 * {@code secretId}, {@code secretKey}, optional {@code token} and {@code sdkSecretKey}) or else from the operator's own
 * credentials. The last credentials
 * that resolved for a resource are remembered, so that stopping it still works after its Secret was deleted.
 * The recorder's UserSig comes from {@code recorder.userSigSecretRef}, or is minted from {@code sdkSecretKey}
 * with a validity of the management window plus {@link #USER_SIG_MARGIN_HOURS} hours, so that the robot can
 * re-enter the room (failover) for as long as the task can be managed.
 */
public final class SecretResolver {

    public static final String KEY_SECRET_ID = "secretId";
    public static final String KEY_SECRET_KEY = "secretKey";
    public static final String KEY_TOKEN = "token";
    public static final String KEY_SDK_SECRET_KEY = "sdkSecretKey";
    public static final String KEY_CALLBACK_KEY = "callbackKey";
    public static final long USER_SIG_MARGIN_HOURS = 24;
    /** How long a callback waits for a Secret no reconcile has read yet; TRTC wants an answer within 5 s. */
    public static final Duration CALLBACK_KEY_READ_TIMEOUT = Duration.ofSeconds(2);

    private final SecretLookup secrets;
    private final OperatorConfig config;
    private final UserSigMinter minter;
    private final AccountDirectory accounts;
    private final Map<String, CallContext> lastGood = new ConcurrentHashMap<>();

    /** A resolver for resources that name no account: {@code spec.accountRef} is refused as not found. */
    public SecretResolver(SecretLookup secrets, OperatorConfig config, UserSigMinter minter) {
        this(secrets, config, minter, null);
    }

    /** @param accounts the TrtcAccounts that {@code spec.accountRef} names; null when accounts are not available */
    public SecretResolver(SecretLookup secrets, OperatorConfig config, UserSigMinter minter, AccountDirectory accounts) {
        this.secrets = secrets;
        this.config = config;
        this.minter = minter;
        this.accounts = accounts;
    }

    /** The key and region to call TRTC with for this resource. */
    public CallContext resolveCall(CloudRecording resource) throws UnresolvedSecretException {
        CloudRecordingSpec spec = resource.getSpec();
        String region = spec.getRegion() != null ? spec.getRegion() : config.defaultRegion();
        Credentials credentials;
        if (spec.getAccountRef() != null) {
            AccountDirectory.Grant grant = grant(resource);
            CallContext call = new CallContext(grant.credentials(), spec.getRegion() != null ? spec.getRegion()
                    : grant.region().orElse(config.defaultRegion()), resource.getMetadata().getNamespace(), grant.budget());
            lastGood.put(resource.getMetadata().getUid(), call);
            return call;
        } else if (spec.getCredentialsSecretRef() != null) {
            String name = spec.getCredentialsSecretRef().getName();
            Secret secret = secret(resource, name);
            credentials = new Credentials(required(resource, secret, name, KEY_SECRET_ID),
                    required(resource, secret, name, KEY_SECRET_KEY), SecretData.value(secret, KEY_TOKEN).orElse(null));
        } else {
            credentials = config.defaultCredentials().orElseThrow(() -> new UnresolvedSecretException(
                    Conditions.REASON_CREDENTIALS_MISSING,
                    "spec.credentialsSecretRef is not set and the operator has no default credentials"
                            + " (TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY)"));
        }
        CallContext call = new CallContext(credentials, region, resource.getMetadata().getNamespace());
        lastGood.put(resource.getMetadata().getUid(), call);
        return call;
    }

    /** Like {@link #resolveCall}, but falls back to the last credentials that resolved for this resource. */
    public CallContext resolveCallForStop(CloudRecording resource) throws UnresolvedSecretException {
        try {
            return resolveCall(resource);
        } catch (UnresolvedSecretException e) {
            CallContext remembered = lastGood.get(resource.getMetadata().getUid());
            if (remembered == null) {
                throw e;
            }
            return remembered;
        }
    }

    /**
     * The key TRTC signs this resource's callbacks with: {@code callbackKey} of the credentials Secret, or the
     * operator's {@code TRTC_CALLBACK_KEY} for resources without {@code credentialsSecretRef}; empty when there is none
     * (or the Secret is missing, or could not be read within {@link #CALLBACK_KEY_READ_TIMEOUT}). Answered from memory
     * when a reconcile has read the Secret at its current version, so the callback receiver does not wait on the API
     * server.
     */
    public Optional<String> callbackKey(CloudRecording resource) {
        if (resource.getSpec().getAccountRef() != null) {
            try {
                return grant(resource).callbackKey();
            } catch (UnresolvedSecretException e) {
                return Optional.empty();
            }
        }
        if (resource.getSpec().getCredentialsSecretRef() == null) {
            return config.defaultCallbackKey();
        }
        return secrets.findWithin(resource.getMetadata().getNamespace(), resource.getSpec().getCredentialsSecretRef().getName(),
                        CALLBACK_KEY_READ_TIMEOUT)
                .flatMap(secret -> SecretData.value(secret, KEY_CALLBACK_KEY));
    }

    /** Forgets what was remembered for a resource that is gone. */
    public void forget(CloudRecording resource) {
        lastGood.remove(resource.getMetadata().getUid());
    }

    /** The Secret values CreateCloudRecording carries, with a UserSig minted at {@code now} if none is given. */
    public RecordingSecrets resolveCreate(CloudRecording resource, String recorderUserId, Instant now)
            throws UnresolvedSecretException {
        CloudRecordingSpec spec = resource.getSpec();
        Recorder recorder = spec.getRecorder();
        String userSig;
        if (recorder != null && recorder.getUserSigSecretRef() != null) {
            userSig = value(resource, recorder.getUserSigSecretRef());
        } else {
            userSig = mintUserSig(resource, recorderUserId, now);
        }
        String privateMapKey = recorder != null && recorder.getPrivateMapKeySecretRef() != null
                ? value(resource, recorder.getPrivateMapKeySecretRef()) : null;
        CloudStorage storage = spec.getStorageParams() == null ? null : spec.getStorageParams().getCloudStorage();
        String accessKey = storage != null && storage.getAccessKeySecretRef() != null ? value(resource, storage.getAccessKeySecretRef()) : null;
        String secretKey = storage != null && storage.getSecretKeySecretRef() != null ? value(resource, storage.getSecretKeySecretRef()) : null;
        return new RecordingSecrets(userSig, privateMapKey, accessKey, secretKey);
    }

    /** Names of every Secret the resource refers to, for the Secret-to-resource index. */
    public static Set<String> referencedSecretNames(CloudRecording resource) {
        CloudRecordingSpec spec = resource.getSpec();
        List<String> names = new ArrayList<>();
        if (spec == null) {
            return Set.of();
        }
        if (spec.getCredentialsSecretRef() != null) {
            names.add(spec.getCredentialsSecretRef().getName());
        }
        Recorder recorder = spec.getRecorder();
        if (recorder != null) {
            addName(names, recorder.getUserSigSecretRef());
            addName(names, recorder.getPrivateMapKeySecretRef());
        }
        if (spec.getStorageParams() != null && spec.getStorageParams().getCloudStorage() != null) {
            addName(names, spec.getStorageParams().getCloudStorage().getAccessKeySecretRef());
            addName(names, spec.getStorageParams().getCloudStorage().getSecretKeySecretRef());
        }
        return Set.copyOf(names.stream().filter(n -> n != null && !n.isEmpty()).toList());
    }

    private static void addName(List<String> names, SecretKeySelector ref) {
        if (ref != null) {
            names.add(ref.getName());
        }
    }

    private String mintUserSig(CloudRecording resource, String recorderUserId, Instant now) throws UnresolvedSecretException {
        CloudRecordingSpec spec = resource.getSpec();
        long validity = (EffectiveSpec.effectiveResourceExpiredHour(spec) + USER_SIG_MARGIN_HOURS) * 3600L;
        if (spec.getAccountRef() != null) {
            String sdkSecretKey = grant(resource).sdkSecretKey().orElseThrow(() -> new UnresolvedSecretException(
                    Conditions.REASON_SECRET_KEY_NOT_FOUND, "TrtcAccount " + spec.getAccountRef().getName() + " has no "
                    + KEY_SDK_SECRET_KEY + " in its Secret to mint the recorder's UserSig from, and no recorder.userSigSecretRef is set"));
            return minter.mint(spec.getSdkAppId(), sdkSecretKey, recorderUserId, validity, now.getEpochSecond());
        }
        if (spec.getCredentialsSecretRef() == null) {
            throw new UnresolvedSecretException(Conditions.REASON_SECRET_KEY_NOT_FOUND,
                    "no recorder.userSigSecretRef is set, and without spec.credentialsSecretRef there is no "
                            + KEY_SDK_SECRET_KEY + " to mint a UserSig from");
        }
        String name = spec.getCredentialsSecretRef().getName();
        Secret secret = secret(resource, name);
        String sdkSecretKey = SecretData.value(secret, KEY_SDK_SECRET_KEY).orElseThrow(() -> new UnresolvedSecretException(
                Conditions.REASON_SECRET_KEY_NOT_FOUND,
                "Secret " + name + " has no key " + KEY_SDK_SECRET_KEY + " to mint the recorder's UserSig from,"
                        + " and no recorder.userSigSecretRef is set"));
        return minter.mint(spec.getSdkAppId(), sdkSecretKey, recorderUserId, validity, now.getEpochSecond());
    }

    /** What the resource's account grants its namespace; refused (not found, not allowed, not ready) as a stall. */
    private AccountDirectory.Grant grant(CloudRecording resource) throws UnresolvedSecretException {
        String name = resource.getSpec().getAccountRef().getName();
        if (accounts == null) {
            throw new UnresolvedSecretException(AccountDirectory.REASON_NOT_FOUND,
                    "TrtcAccount " + name + " cannot be used: this operator does not manage TrtcAccounts");
        }
        try {
            return accounts.resolve(name, resource.getMetadata().getNamespace());
        } catch (AccountDirectory.RefusedException e) {
            throw new UnresolvedSecretException(e.reason(), e.getMessage());
        }
    }

    /**
     * The rate budget the resource's TRTC calls count against, keyed as the limiters key it: its account's SecretId at
     * the account's rate. Empty for the operator's default budget: no {@code spec.accountRef}, or an account that does
     * not resolve now (such a resource makes no call until it does). Answered from memory.
     */
    Optional<Pace> pace(CloudRecording resource) {
        if (resource.getSpec() == null || resource.getSpec().getAccountRef() == null) {
            return Optional.empty();
        }
        try {
            AccountDirectory.Grant grant = grant(resource);
            return Optional.of(new Pace(grant.credentials().secretId(), grant.budget().perSecond()));
        } catch (UnresolvedSecretException e) {
            return Optional.empty();
        }
    }

    /** What decides the resource's account answer, for {@link StallMemory}; empty without an account. */
    String accountFingerprint(CloudRecording resource) {
        if (resource.getSpec() == null || resource.getSpec().getAccountRef() == null || accounts == null) {
            return "";
        }
        return accounts.fingerprint(resource.getSpec().getAccountRef().getName(), resource.getMetadata().getNamespace());
    }

    private String value(CloudRecording resource, SecretKeySelector ref) throws UnresolvedSecretException {
        return required(resource, secret(resource, ref.getName()), ref.getName(), ref.getKey());
    }

    private Secret secret(CloudRecording resource, String name) throws UnresolvedSecretException {
        String namespace = resource.getMetadata().getNamespace();
        return secrets.find(namespace, name).orElseThrow(() -> new UnresolvedSecretException(
                Conditions.REASON_SECRET_NOT_FOUND, "Secret " + namespace + "/" + name + " not found"));
    }

    private static String required(CloudRecording resource, Secret secret, String name, String key)
            throws UnresolvedSecretException {
        return SecretData.value(secret, key).orElseThrow(() -> new UnresolvedSecretException(
                Conditions.REASON_SECRET_KEY_NOT_FOUND,
                "Secret " + resource.getMetadata().getNamespace() + "/" + name + " has no key " + key));
    }
}
