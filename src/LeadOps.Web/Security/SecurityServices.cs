namespace LeadOps.Web.Security;

/// <summary>
/// The security set-up in one place (ADR 0013): sessions checked against the user's security stamp on every request,
/// antiforgery for cookie-authenticated APIs, sign-in rate limits, forwarded headers from known proxies, the operator
/// key, who may call what (<see cref="AccessPolicies"/>), security headers and the input checks. <see cref="UseLeadOpsSecurity"/> adds the middleware in order.
/// </summary>
internal static class SecurityServices
{
    public static IServiceCollection AddLeadOpsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SecurityOptions.SectionName);
        services.Configure<SecurityOptions>(section);
        services.Configure<OperatorOptions>(configuration.GetSection(OperatorOptions.SectionName));
        ForwardedHeadersSetup.AddTo(services, configuration);
        SignInRateLimits.AddTo(services, section.Get<SecurityOptions>() ?? new SecurityOptions());

        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync);
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o =>
        {
            o.SuppressXFrameOptionsHeader = true; // X-Frame-Options: DENY comes with every answer
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<MvcOptions>(o =>
        {
            o.ModelBinderProviders.Insert(0, new CheckedValueBinderProvider(o.ModelBinderProviders));
            o.Filters.Add<BadInputPageFilter>();
        });
        // No client-side validation script is used; without it the validation summary renders no inline style.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        AccessPolicies.AddTo(services);
        services.AddSecurityHeaderPolicies(p => p.SetDefaultPolicy(SecurityHeaders.Policy()).AddPolicy(SecurityHeaders.StoredFiles, SecurityHeaders.StoredFilePolicy()));
        return services;
    }

    /// <summary>Before everything: the client's real address and scheme, then the headers every answer carries.</summary>
    public static void UseLeadOpsSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
    }

    /// <summary>After routing and authorization: input checks, rate limits, antiforgery for cookie APIs, the hubs' origin, bodyless endpoints.</summary>
    public static void UseLeadOpsSecurity(this WebApplication app)
    {
        app.UseMiddleware<RequestInputChecks>();
        app.UseRateLimiter();
        app.UseMiddleware<CookieApiAntiforgery>();
        app.UseMiddleware<HubOrigin>();
        app.UseMiddleware<BodylessEndpoints>();
    }
}
