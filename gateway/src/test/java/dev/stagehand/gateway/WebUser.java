package dev.stagehand.gateway;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A person with a browser, minus the rendering: keeps cookies, follows the OAuth redirects between Stagehand and the
 * simulated provider one by one (remembering each stop), and lends its session and CSRF token to a
 * {@link WebTestClient} for the API calls that follow.
 */
public final class WebUser {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final List<String> visited = new ArrayList<>();

    public WebUser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        get("/api/platform");
    }

    /** Runs the whole login (start → provider → callback) and answers where Stagehand sent the browser at the end. */
    public String logIn(String provider) {
        return follow(baseUrl + "/oauth2/authorization/" + provider);
    }

    /**
     * As {@link #logIn}, approved at the simulated provider as {@code name} through the simulator's {@code login_hint}
     * (not through its shared approving user), so that logins may run at once.
     */
    public String logInAs(String provider, String name) {
        return follow(baseUrl + "/oauth2/authorization/" + provider, hop -> hop.contains("/oauth2/authorize")
                ? hop + "&login_hint=" + URLEncoder.encode(name, StandardCharsets.UTF_8) : hop);
    }

    /** Follows redirects from {@code url} until one leads back into Stagehand's pages, and answers that location. */
    public String follow(String url) {
        return follow(url, UnaryOperator.identity());
    }

    /** As {@link #follow(String)}, letting the test tamper with each redirect before the browser obeys it. */
    public String follow(String url, UnaryOperator<String> tamper) {
        String next = url;
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> response = get(next);
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return next;
            }
            String target = tamper.apply(URI.create(next).resolve(location.get()).toString());
            if (target.startsWith(baseUrl) && !target.contains("/login/oauth2/") && !target.contains("/oauth2/")) {
                return target.substring(baseUrl.length());
            }
            next = target;
        }
        throw new AssertionError("Too many redirects: " + visited);
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    public HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElse(""))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public List<String> visited() {
        return List.copyOf(visited);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** A client that sends this person's session cookie and CSRF token. */
    public WebTestClient client(WebTestClient web) {
        String xsrf = cookie("XSRF-TOKEN").orElseThrow();
        return web.mutate()
                .defaultCookie("XSRF-TOKEN", xsrf)
                .defaultHeader("X-XSRF-TOKEN", xsrf)
                .defaultCookies(jar -> cookie("STAGEHAND_SESSION").ifPresent(id -> jar.add("STAGEHAND_SESSION", id)))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        visited.add(built.uri().toString());
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
