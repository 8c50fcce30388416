namespace LeadOps.Application.Integrations;

/// <summary>
/// The one way a page's lead forms are listed into its integration (a Test, the hourly check, the minute's probe, a
/// retrieval of a form not yet known): what Graph listed is merged, the forms of a listing Graph's paging cut short too,
/// and a failure is returned, not thrown, to be recorded with <see cref="GraphFindings.RecordFormsNotListed"/> once the
/// caller's own findings are in (a Test records its check first, which would clear it).
/// </summary>
internal static class LeadFormsListing
{
    public static async Task<GraphFailure?> ListFormsIntoAsync(
        this IFacebookPageGateway graph, Integration integration, GraphCredentials credentials, bool withQuestions, DateTimeOffset now, CancellationToken ct)
    {
        FacebookLeadFormList forms;
        try
        {
            forms = withQuestions ? await graph.GetLeadFormsWithQuestionsAsync(credentials, ct) : await graph.GetLeadFormsAsync(credentials, ct);
        }
        catch (GraphApiException ex)
        {
            return ex.Failure;
        }

        integration.MergeForms(forms, now);
        return forms.StoppedBy;
    }
}
