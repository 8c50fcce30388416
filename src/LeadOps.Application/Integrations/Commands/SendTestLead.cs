namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// A self-check of the whole chain: creates a test lead on one of the page's forms through Graph's test-lead endpoint
/// (deleting the form's previous test lead first, since Graph keeps one per form). The form then shows when, and by
/// which path (webhook or sync), the lead reached LeadOps. The test lead has a name and no e-mail: nobody is written to.
/// </summary>
public sealed record SendTestLead(int IntegrationId, string FormId) : IIntegrationCommand<IntegrationView>;

internal sealed class SendTestLeadHandler(IntegrationAccess access, IFacebookPageGateway graph)
    : IntegrationHandlerBase<SendTestLead, IntegrationView>(access)
{
    protected override async Task<Result<IntegrationView>> HandleAsync(SendTestLead command, Integration integration, CancellationToken cancellationToken)
    {
        if (integration.Forms.FirstOrDefault(f => f.FormId == command.FormId) is not { } form)
        {
            return Result<IntegrationView>.NotFound("Lead form not found");
        }

        var now = Access.Now;
        var failure = await Access.CallGraphAsync(integration, async credentials =>
        {
            foreach (var previous in await graph.GetTestLeadIdsAsync(credentials, form.FormId, cancellationToken))
            {
                await graph.DeleteTestLeadAsync(credentials, previous, cancellationToken);
            }

            var answers = new FacebookLeadAnswer[] { new("full_name", [$"LeadOps test lead {now:yyyy-MM-dd HH:mm:ss} UTC"]) };
            form.RecordTestLead(await graph.CreateTestLeadAsync(credentials, form.FormId, answers, cancellationToken), now);
        });
        return await Access.SaveAsync(integration, now, cancellationToken, failure, "Could not send a test lead");
    }
}
