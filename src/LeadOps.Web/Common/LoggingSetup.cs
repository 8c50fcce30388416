using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace LeadOps.Web.Common;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog: readable console in Development, compact JSON otherwise; sensitive values masked everywhere, and
    /// exceptions reduced to type, message and failing method (no stack traces in logs).
    /// </summary>
    public static IServiceCollection AddLeadOpsLogging(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddSerilog((_, logger) =>
        {
            var console = environment.IsDevelopment()
                ? new LoggerConfiguration().WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}").CreateLogger()
                : new LoggerConfiguration().WriteTo.Console(new RenderedCompactJsonFormatter()).CreateLogger();
            logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                // EF writes the failing exception (stack trace included) into these messages; the exception itself
                // still reaches the caller and is logged there without a stack trace.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Query", LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Update", LogEventLevel.Fatal)
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .Enrich.With<SensitiveDataMasking>()
                .WriteTo.Sink(new StackTraceFreeSink(console));
        });
}
