using System.Net.Http.Headers;
using System.Text;
using LeadOps.Application.Leads.Conversions;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// <see cref="IConversionsGateway"/> over <c>POST /{dataset-id}/events</c>, through the Graph client's handlers and
/// resilience pipeline (keyed per dataset). The dataset's token travels in the JSON body as Meta documents (and in the
/// Authorization header the auth handler adds to every call); it is never in the URL nor logged.
/// </summary>
internal sealed class GraphConversionsGateway(IGraphApi graphApi) : IConversionsGateway
{
    public async Task<ConversionsAnswer> SendAsync(string datasetId, string accessToken, ConversionRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(datasetId);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentNullException.ThrowIfNull(request);

        var answer = await GraphCall.RunAsync(async () =>
        {
            using var content = new StringContent(request.ToBody(accessToken).ToJsonString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return await graphApi.PostEventsAsync(datasetId, content, GraphCallContext.ForSend(new GraphCredentials(datasetId, accessToken)), cancellationToken);
        });
        return answer.EventsReceived is { } received
            ? new ConversionsAnswer(received, answer.FbtraceId, answer.Messages ?? [])
            : throw new GraphApiException(GraphCall.Unreadable(200, "Meta accepted the events but did not say how many it received"));
    }
}
