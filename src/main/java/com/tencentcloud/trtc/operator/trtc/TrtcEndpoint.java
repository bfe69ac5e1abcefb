package com.tencentcloud.trtc.operator.trtc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where TRTC requests go, parsed from {@code TRTC_ENDPOINT} (design §6).
 *
 * <p>A bare host such as {@code trtc.tencentcloudapi.com} or {@code trtc.intl.tencentcloudapi.com} means
 * {@code https://<host>/}; a full URL such as {@code http://127.0.0.1:18443} (for an emulator) is used as is.
 * Requests are POSTed to {@link #url()}, and {@link #signedHost()} is the value signed as {@code host} in
 * TC3: the URL's host, followed by {@code :port} only when the port is not the scheme's default. It is
 * computed exactly as OkHttp computes the {@code Host} header it sends, so the two always agree. The TC3
 * service is always {@value #SERVICE}, whatever the host is (unlike the vendor SDK, which takes the host's
 * first DNS label).
 *
 * <p>Instances are immutable. Parsing failures are {@link IllegalArgumentException}s with a one-line message
 * naming {@code TRTC_ENDPOINT}; a value carrying user info is never echoed back.
 */
public final class TrtcEndpoint {

    /** The environment variable read by {@link #fromEnvironment(Map)}. */
    public static final String ENV = "TRTC_ENDPOINT";
    /** The China-site nearest-access host, used when {@code TRTC_ENDPOINT} is not set. */
    public static final String DEFAULT_HOST = "trtc.tencentcloudapi.com";
    /** The international-site nearest-access host. */
    public static final String INTL_HOST = "trtc.intl.tencentcloudapi.com";
    /** The TC3 credential-scope service. */
    public static final String SERVICE = "trtc";

    private final HttpUrl url;
    private final String signedHost;

    private TrtcEndpoint(HttpUrl url) {
        this.url = url;
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        this.signedHost = url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    /** The China-site default, {@code https://trtc.tencentcloudapi.com/}. */
    public static TrtcEndpoint defaultEndpoint() {
        return parse(DEFAULT_HOST);
    }

    /**
     * Reads {@value #ENV} from {@code environment} (typically {@code System.getenv()}): absent means
     * {@link #defaultEndpoint()}; any value that is present, including an empty one, is {@link #parse parsed}.
     */
    public static TrtcEndpoint fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENV);
        return value == null ? defaultEndpoint() : parse(value);
    }

    /**
     * Parses a bare host ({@code host} or {@code host:port}, meaning HTTPS) or an {@code http}/{@code https}
     * URL whose path is empty or {@code /} and which has no query, fragment or user info.
     *
     * @throws IllegalArgumentException naming {@code TRTC_ENDPOINT} when the value is none of these
     */
    public static TrtcEndpoint parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("is empty; leave it unset for " + DEFAULT_HOST
                    + ", or set a host such as " + INTL_HOST + " or a URL such as http://127.0.0.1:18443");
        }
        String trimmed = value.trim();
        String shown = trimmed.contains("@") ? "(value with user info, not shown)" : "'" + trimmed + "'";
        String text = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(shown + " is neither a host nor an http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(shown + " has scheme '" + scheme + "'; only http and https are supported");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not carry user info; credentials are configured separately");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(shown + " has no host");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw invalid(shown + " has path '" + path + "'; TRTC is always called at /");
        }
        if (uri.getRawQuery() != null) {
            throw invalid(shown + " has a query; TRTC takes none");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(shown + " has a fragment; TRTC takes none");
        }
        HttpUrl url = HttpUrl.parse(scheme + "://" + uri.getRawAuthority() + "/");
        if (url == null) {
            throw invalid(shown + " is neither a host nor an http(s) URL");
        }
        return new TrtcEndpoint(url);
    }

    /** The URL requests are POSTed to; its path is always {@code /}. */
    public HttpUrl url() {
        return url;
    }

    /** The {@code host} value signed in TC3: {@code host[:port]}, the port only when it is not the default. */
    public String signedHost() {
        return signedHost;
    }

    /** The TC3 credential-scope service, always {@value #SERVICE}. */
    public String service() {
        return SERVICE;
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(ENV + " " + problem);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrtcEndpoint other && url.equals(other.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url);
    }

    /** The URL, such as {@code https://trtc.tencentcloudapi.com/}. */
    @Override
    public String toString() {
        return url.toString();
    }
}
