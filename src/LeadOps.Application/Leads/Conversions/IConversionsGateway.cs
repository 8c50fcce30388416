namespace LeadOps.Application.Leads.Conversions;

/// <summary>Meta's Conversions API: <c>POST /{dataset-id}/events</c>. Refusals and outages surface as <see cref="GraphApiException"/>.</summary>
public interface IConversionsGateway
{
    Task<ConversionsAnswer> SendAsync(string datasetId, string accessToken, ConversionRequest request, CancellationToken cancellationToken);
}
