namespace LeadOps.Application.Integrations.Commands;

/// <summary>
/// A self-check of the whole chain: creates a test lead on one of the page's forms through Graph's test-lead endpoint
/// (deleting the form's previous test lead first, since Graph keeps one per form). The form then shows when, and by
/// which path (webhook or sync), the lead reached LeadOps. The test lead has a name and no e-mail: nobody is written to.
/// </summary>
public sealed record SendTestLead(int IntegrationId, string FormId) : ICommand<Result<IntegrationView>>;

internal sealed class SendTestLeadHandler(IIntegrationRepository integrations, IFacebookPageGateway graph, ITokenProtector protector, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SendTestLead, Result<IntegrationView>>
{
    public async ValueTask<Result<IntegrationView>> Handle(SendTestLead command, CancellationToken cancellationToken)
    {
        var integration = await integrations.GetAsync(command.IntegrationId, cancellationToken);
        var form = integration?.Forms.FirstOrDefault(f => f.FormId == command.FormId);
        if (integration is null || form is null)
        {
            return Result<IntegrationView>.NotFound(integration is null ? IntegrationSettings.IntegrationNotFound : "Lead form not found");
        }

        var credentials = new GraphCredentials(integration.PageId, protector.Unprotect(integration.ProtectedToken));
        var now = clock.GetUtcNow();
        try
        {
            foreach (var previous in await graph.GetTestLeadIdsAsync(credentials, form.FormId, cancellationToken))
            {
                await graph.DeleteTestLeadAsync(credentials, previous, cancellationToken);
            }

            var answers = new FacebookLeadAnswer[] { new("full_name", [$"LeadOps test lead {now:yyyy-MM-dd HH:mm:ss} UTC"]) };
            form.RecordTestLead(await graph.CreateTestLeadAsync(credentials, form.FormId, answers, cancellationToken), now);
        }
        catch (GraphApiException ex)
        {
            integration.RecordFailure(ex.Failure);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Result<IntegrationView>.Failed("Could not send a test lead", GraphFailureText.Describe(ex.Failure));
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<IntegrationView>.Ok(IntegrationView.From(integration, now));
    }
}
