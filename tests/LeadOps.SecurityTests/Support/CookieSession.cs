namespace LeadOps.SecurityTests.Support;

/// <summary>
/// A browser's cookie jar the test can see and copy: what an attacker who stole a cookie holds is
/// <see cref="Copy"/>. Wraps the app's in-memory server; redirects are not followed.
/// </summary>
public sealed class CookieSession : DelegatingHandler
{
    private static readonly Uri Origin = new("http://localhost/");

    public CookieContainer Cookies { get; } = new();

    /// <summary>A new client whose requests carry (and update) this jar's cookies.</summary>
    public static HttpClient Client(TestApp app, out CookieSession session)
    {
        session = new CookieSession();
        return app.CreateDefaultClient(session);
    }

    /// <summary>Another client holding a copy of this jar's cookies as they are now.</summary>
    public HttpClient Copy(TestApp app)
    {
        var client = Client(app, out var copy);
        foreach (Cookie cookie in Cookies.GetCookies(Origin))
        {
            copy.Cookies.Add(Origin, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        return client;
    }

    /// <summary>Signs the user in through the real sign-in page.</summary>
    public static async Task<(HttpClient Client, CookieSession Session)> SignedInAsync(TestApp app, TestUser user)
    {
        var client = Client(app, out var session);
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = TestUsers.Password,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "sign-in should redirect");
        return (client, session);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = new Uri(Origin, request.RequestUri!.PathAndQuery);
        if (Cookies.GetCookieHeader(uri) is { Length: > 0 } header)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                // The app's cookies are Secure only on HTTPS; the jar is for http://localhost.
                Cookies.SetCookies(uri, setCookie.Replace("; secure", string.Empty, StringComparison.OrdinalIgnoreCase));
            }
        }

        return response;
    }
}
