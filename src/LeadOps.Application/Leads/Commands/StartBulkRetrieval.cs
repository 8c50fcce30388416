namespace LeadOps.Application.Leads.Commands;

/// <summary>
/// Starts a retrieval of every form of an integration's page in the background, for the Leads page's "All forms of this
/// page": each form gets a run of its own, stored at once and queued for the retrieval worker as the current user, as
/// <see cref="StartRetrieval"/> starts one form (dates do not apply; new leads are welcomed as the schedule does). The
/// answer comes at once with the runs queued and the forms refused (a run of the form still under way), so no client
/// that goes away, and no proxy timeout, can stop a retrieval part way or leave its run holding the form. The page's
/// lead forms are first read again from Graph, so a form added on Facebook is retrieved too.
/// </summary>
public sealed record StartBulkRetrieval(int IntegrationId) : ICommand<Result<BulkRetrievalStart>>;

public sealed class StartBulkRetrievalValidator : AbstractValidator<StartBulkRetrieval>
{
    public StartBulkRetrievalValidator()
    {
        RuleFor(c => c.IntegrationId).GreaterThan(0).WithMessage("integration_id is required.");
    }
}

internal sealed class StartBulkRetrievalHandler(IntegrationAccess access, RetrievalStarter starter)
    : ICommandHandler<StartBulkRetrieval, Result<BulkRetrievalStart>>
{
    public async ValueTask<Result<BulkRetrievalStart>> Handle(StartBulkRetrieval command, CancellationToken cancellationToken) =>
        await access.ForFormsAsync(command.IntegrationId, null, async integration =>
        {
            var forms = new List<BulkRetrievalStart.Form>();
            foreach (var form in integration.Forms.Where(f => f.Status != IntegrationForm.Deleted).ToList())
            {
                var started = await starter.StartAsync(integration, form, new RetrievalPlan(Trigger: RetrievalTrigger.Manual), cancellationToken);
                forms.Add(new BulkRetrievalStart.Form(form.FormId, form.Name, started.IsSuccess ? started.Value : null, started.IsSuccess ? null : $"{started.Error}: {started.Detail}"));
            }

            return Result<BulkRetrievalStart>.Ok(new BulkRetrievalStart(forms));
        }, cancellationToken);
}
