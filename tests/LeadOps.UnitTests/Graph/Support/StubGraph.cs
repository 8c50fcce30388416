using System.Net;
using System.Text;
using LeadOps.Infrastructure.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.UnitTests.Graph.Support;

/// <summary>
/// The real Graph client (AddGraphClient: Refit, handlers, JSON settings) whose HTTP calls are answered by the given
/// status and body, one attempt per call, so a test sees exactly what LeadOps makes of one answer Meta gives.
/// </summary>
internal sealed class StubGraph : IDisposable
{
    private readonly ServiceProvider _services;

    public StubGraph(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Facebook:GraphBaseUrl"] = "https://graph.invalid",
            ["Facebook:AppId"] = "1000",
            ["Facebook:AppSecret"] = "app-secret",
            ["Facebook:Resilience:MaxAttempts"] = "1",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddGraphClient(configuration);
        services.AddHttpClient(GraphServiceCollectionExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new Answer(status, body, mediaType, Requests));
        _services = services.BuildServiceProvider();
    }

    public List<string> Requests { get; } = [];

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();

    private sealed class Answer(HttpStatusCode status, string body, string mediaType, List<string> requests) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Add(request.RequestUri!.AbsolutePath);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType), RequestMessage = request });
        }
    }
}
