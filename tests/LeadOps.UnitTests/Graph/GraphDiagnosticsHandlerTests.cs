using System.Diagnostics.Metrics;
using System.Net;
using LeadOps.Application.Common.Graph;
using LeadOps.Infrastructure.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace LeadOps.UnitTests.Graph;

/// <summary>
/// The per-attempt handler against answers no Graph sends: its defensiveness cannot be shown against the Graph sandbox,
/// so this one class is tested with a stub inner handler.
/// </summary>
public sealed class GraphDiagnosticsHandlerTests
{
    [Test]
    public async Task Garbage_usage_headers_do_not_fail_the_call_and_are_not_kept()
    {
        var options = new Mock<IOptionsMonitor<FacebookOptions>>();
        options.Setup(o => o.CurrentValue).Returns(new FacebookOptions());
        var tracker = new GraphUsageTracker(TimeProvider.System, options.Object);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new GraphMetrics(services.GetRequiredService<IMeterFactory>());
        var answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"1"}""") };
        answer.Headers.TryAddWithoutValidation("X-App-Usage", "{not json");
        answer.Headers.TryAddWithoutValidation("X-Page-Usage", "42");
        answer.Headers.TryAddWithoutValidation("X-Business-Use-Case-Usage", "[]");
        using var handler = new GraphDiagnosticsHandler(tracker, metrics, TimeProvider.System, NullLogger<GraphDiagnosticsHandler>.Instance)
        {
            InnerHandler = new Answering(answer),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://graph.facebook.com/v25.0/1");
        request.Options.Set(new HttpRequestOptionsKey<GraphCallContext>(GraphRequestOptions.ContextKey), GraphCallContext.ForPage(new GraphCredentials("page-1", "token")));

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(request.GetGraphState().LastFailure, Is.Null);
            Assert.That(tracker.GetLastUsage("page-1"), Is.Null);
            Assert.That(tracker.LastAppUsage, Is.Null);
        });
    }

    [Test]
    public async Task An_error_without_a_trace_header_is_logged_with_the_fbtrace_id_of_its_body()
    {
        var answer = new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("""{"error":{"message":"An unknown error has occurred.","type":"OAuthException","code":1,"is_transient":true,"fbtrace_id":"trace-in-body"}}"""),
        };
        var logger = new RecordingLogger();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var handler = NewHandler(new GraphMetrics(services.GetRequiredService<IMeterFactory>()), logger, answer);
        using var invoker = new HttpMessageInvoker(handler);
        using var request = NewRequest();

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        var logged = logger.Events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.GetGraphState().LastFailure?.Kind, Is.EqualTo(GraphFailureKind.Transient));
            Assert.That(logged.Single(p => p.Key == "FbTraceId").Value, Is.EqualTo("trace-in-body"));
            Assert.That(logged.Single(p => p.Key == "ErrorCode").Value, Is.EqualTo(1));
        });
    }

    private static GraphDiagnosticsHandler NewHandler(GraphMetrics metrics, ILogger<GraphDiagnosticsHandler> logger, HttpResponseMessage answer)
    {
        var options = new Mock<IOptionsMonitor<FacebookOptions>>();
        options.Setup(o => o.CurrentValue).Returns(new FacebookOptions());
        return new GraphDiagnosticsHandler(new GraphUsageTracker(TimeProvider.System, options.Object), metrics, TimeProvider.System, logger)
        {
            InnerHandler = new Answering(answer),
        };
    }

    private static HttpRequestMessage NewRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://graph.facebook.com/v25.0/1");
        request.Options.Set(new HttpRequestOptionsKey<GraphCallContext>(GraphRequestOptions.ContextKey), GraphCallContext.ForPage(new GraphCredentials("page-1", "token")));
        return request;
    }

    /// <summary>Keeps the structured values of every event.</summary>
    private sealed class RecordingLogger : ILogger<GraphDiagnosticsHandler>
    {
        public List<IReadOnlyList<KeyValuePair<string, object?>>> Events { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                Events.Add([.. values]);
            }
        }
    }

    private sealed class Answering(HttpResponseMessage response) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
