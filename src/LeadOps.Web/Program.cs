using LeadOps.Application;
using LeadOps.Infrastructure;
using LeadOps.Web;
using LeadOps.Web.Api;
using LeadOps.Web.Security;
using Prometheus;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
builder.WebHost.UseDefaultDevelopmentAddress(builder.Configuration, builder.Environment);
builder.Configuration.AddBriefEnvironmentNames();
builder.Services.AddLeadOpsLogging(builder.Configuration, builder.Environment);

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath)
    .AddWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseLeadOpsSecurityHeaders();
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error/{0}");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseLeadOpsSecurity();

app.MapStatus();
app.MapMetrics("/metrics").RequireAuthorization(AccessPolicies.Operator); // Prometheus text: the LeadOps meter and runtime metrics; the operator key only
// prometheus-net starts listening to .NET meters on its first collection: collect once at start so nothing is missed.
app.Lifetime.ApplicationStarted.Register(() => _ = Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null));
app.MapRazorPages();
app.MapLeadOpsApi();
app.MapHub<LeadOps.Web.Hubs.InboxHub>(LeadOps.Web.Hubs.InboxHub.Path);
app.MapHub<LeadOps.Web.Hubs.LeadsHub>(LeadOps.Web.Hubs.LeadsHub.Path);

app.Run();
