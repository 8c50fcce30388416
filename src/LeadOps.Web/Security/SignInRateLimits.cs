using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace LeadOps.Web.Security;

/// <summary>
/// Sign-in and registration are rate-limited with ASP.NET Core's rate limiter: per client address (the middleware's
/// <see cref="PolicyName"/> policy on both pages' posts) and per account (<see cref="Account"/>, asked by the sign-in
/// page for the e-mail it was given, known or not). Refusals are 429 with Retry-After.
/// </summary>
public sealed class SignInRateLimits(IOptions<SecurityOptions> options) : IDisposable
{
    public const string PolicyName = "sign-in";

    private readonly PartitionedRateLimiter<string> _accounts = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => Window(options.Value.SignInPermitsPerAccount, options.Value.SignInWindow)));

    /// <summary>One attempt for this account (by its normalised e-mail); the lease says whether it may go on.</summary>
    public RateLimitLease Account(string email) => _accounts.AttemptAcquire(email.Trim().ToUpperInvariant());

    public void Dispose() => _accounts.Dispose();

    internal static void AddTo(IServiceCollection services, SecurityOptions limits)
    {
        services.AddSingleton<SignInRateLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => RejectAsync(context.HttpContext, context.Lease, "Too many sign-in attempts from this address.", ct);
            o.AddPolicy(PolicyName, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Window(limits.SignInPermitsPerAddress, limits.SignInWindow))
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }

    /// <summary>Seconds until the lease's limiter lets the next attempt through (at least 1).</summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;

    /// <summary>The wait in the words people use: "45 seconds" up to a minute and a half, else whole minutes rounded up ("5 minutes").</summary>
    public static string Wait(int seconds) => seconds switch
    {
        1 => "1 second",
        <= 90 => string.Create(CultureInfo.InvariantCulture, $"{seconds} seconds"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(seconds + 59) / 60} minutes"),
    };

    /// <summary>
    /// A sign-in page's answer to an attempt its account's limit refused: 429 with Retry-After, and <paramref name="message"/>
    /// (told the seconds to wait) on the page.
    /// </summary>
    public static PageResult Refuse(PageModel page, RateLimitLease lease, Func<int, string> message)
    {
        var seconds = RetryAfterSeconds(lease);
        page.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        page.ModelState.AddModelError(string.Empty, message(seconds));
        return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
    }

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, string message, CancellationToken ct)
    {
        var seconds = RetryAfterSeconds(lease);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"{message} Try again in {Wait(seconds)}.", ct);
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };
}
