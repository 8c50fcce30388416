using LeadOps.Application.Common.Behaviours;
using LeadOps.Infrastructure.Common;
using LeadOps.Web.Api;
using LeadOps.Web.Api.Brief;
using LeadOps.Web.Hubs;
using Microsoft.AspNetCore.Authentication;

namespace LeadOps.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Application.ApplicationAssembly)];
            // Read by the source generator at compile time, so the list is spelled out here: outermost first.
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
            ];
        });

        services.Configure<AuthOptions>(o => o.AllowRegistration = configuration.GetValue("Auth:AllowRegistration", environment.IsDevelopment()));
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Smart;
                o.DefaultChallengeScheme = AuthSchemes.Smart;
                o.DefaultAuthenticateScheme = AuthSchemes.Smart;
            })
            .AddPolicyScheme(AuthSchemes.Smart, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                AuthSchemes.UsesApiKey(context.Request) ? AuthSchemes.ApiKey : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Error/403";
            o.Cookie.Name = "LeadOps.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized, ApiKeyAuthenticationHandler.InvalidAuthentication);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden, "Forbidden");
        });

        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");

        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Register");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.ConfigureFilter(new LiveRegionFilter());
        });
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, LiveRegionTempDataProvider>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiResults.Complete);
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddStatusChecks();
        services.AddScoped<IStartupTask, Security.WeakApiKeys>();
        services.AddInboxLiveUpdates(configuration);
        if (configuration.GetValue("Sandbox:Enabled", false))
        {
            services.AddSingleton<InProcessSandbox>();
            services.AddHostedService(sp => sp.GetRequiredService<InProcessSandbox>());
        }

        services.ConfigureHttpJsonOptions(o => WireJson.Configure(o.SerializerOptions));
        services.AddSingleton<LeadOps.Web.Api.Webhook.WebhookReceiveBudget>();
        services.AddOptions<LeadOps.Infrastructure.Webhooks.WebhookOptions>()
            .Validate(o => o.ReceiveBufferBytes >= LeadOps.Web.Api.Webhook.WebhookEndpoints.MaxBodyBytes, "Webhooks:ReceiveBufferBytes must hold at least one delivery of the largest size accepted (16 MiB).")
            .Validate(o => o.ReceiveTimeout > TimeSpan.Zero && o.ReceiveTimeout <= TimeSpan.FromMinutes(10), "Webhooks:ReceiveTimeout must be above zero and at most 10 minutes.")
            .Validate(o => o.KeepBodiesFor >= TimeSpan.Zero, "Webhooks:KeepBodiesFor must not be negative (zero keeps webhook bodies for ever).")
            .ValidateOnStart();
        services.AddLeadOpsSecurity(configuration);
        return services;
    }

    /// <summary>SignalR for the Inbox; with <c>SignalR:Redis</c> set, a Redis backplane so every web node reaches every browser.</summary>
    private static void AddInboxLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        if (configuration["SignalR:Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("LeadOps"));
        }

        services.AddSingleton<IInboxNotifier, SignalRInboxNotifier>();
        services.AddSingleton<LeadOps.Application.Leads.ILeadsNotifier, SignalRLeadsNotifier>();
        services.AddSingleton<LeadOps.Application.Outgoing.IStaffNotifier, SignalRStaffNotifier>();
    }

    /// <summary>APIs answer 401/403 with JSON; people are redirected to the sign-in page.</summary>
    private static Task ApiAwareRedirect(HttpContext context, string redirectUri, int status, string detail)
    {
        if (AuthSchemes.IsApiPath(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(new BriefResults.DetailBody(detail));
        }

        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
