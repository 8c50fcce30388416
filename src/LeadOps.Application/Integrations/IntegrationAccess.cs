using LeadOps.Application.Conversations;
using LeadOps.Application.Leads.Commands;

namespace LeadOps.Application.Integrations;

/// <summary>
/// The steps the use cases on one integration share: load it (another user's is not found), change it (the one way
/// staff change an integration's settings), call Graph as its page with a failure recorded on the integration, keep its
/// lead forms up to date, save, and answer with how it looks now.
/// </summary>
internal sealed partial class IntegrationAccess(
    IIntegrationRepository integrations,
    IFacebookPageGateway graph,
    ITokenProtector protector,
    IUnitOfWork unitOfWork,
    IHeldMessengerEvents held,
    TimeProvider clock,
    ILogger<IntegrationAccess> logger)
{
    public const string IntegrationNotFound = "Integration not found";

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Runs <paramref name="work"/> on the integration; an unknown one is not found (<paramref name="notFound"/>).</summary>
    public async Task<Result<T>> WithAsync<T>(
        int integrationId, Func<Integration, Task<Result<T>>> work, CancellationToken ct, string notFound = IntegrationNotFound) =>
        await integrations.GetAsync(integrationId, ct) is { } integration ? await work(integration) : Result<T>.NotFound(notFound);

    /// <summary><paramref name="change"/> answers false when what it changes is not there: then <paramref name="notFound"/> is the answer.</summary>
    public Task<Result<IntegrationView>> ChangeAsync(int integrationId, Func<Integration, bool> change, CancellationToken ct, string notFound = IntegrationNotFound) =>
        WithAsync(integrationId, integration => change(integration) ? SaveAsync(integration, Now, ct) : Task.FromResult(Result<IntegrationView>.NotFound(notFound)), ct, notFound);

    /// <summary>Changes one of the integration's lead forms; a form the page does not have is not found.</summary>
    public Task<Result<IntegrationView>> ChangeFormAsync(int integrationId, string formId, Action<Integration, IntegrationForm> change, CancellationToken ct) =>
        ChangeAsync(integrationId, i =>
        {
            var form = i.Forms.FirstOrDefault(f => f.FormId == formId);
            if (form is not null)
            {
                change(i, form);
            }

            return form is not null;
        }, ct, notFound: "Lead form not found");

    /// <summary>
    /// Runs <paramref name="work"/> on a retrieval's integration and form once <see cref="RetrievalRefusal.Refuses"/> let it
    /// go ahead. A form missing from the stored list is not found; with <paramref name="refreshForms"/> the list is first
    /// read again from Graph (it may be stale), and a failure of that read is the answer.
    /// </summary>
    public async Task<Result<T>> ForRetrievalAsync<T>(
        IRetrievalRequest request, Func<Integration, IntegrationForm, Task<Result<T>>> work, CancellationToken ct, bool refreshForms = false)
    {
        var integration = await integrations.GetAsync(request.IntegrationId, ct);
        if (RetrievalRefusal.Refuses(integration, out Result<T>? refusal))
        {
            return refusal;
        }

        if (refreshForms && integration.Forms.All(f => f.FormId != request.FormId) && await RefreshFormsAsync(integration, ct) is { } failure)
        {
            return Result<T>.Failed(RetrievalRefusal.FetchFailed, GraphFailureText.Describe(failure));
        }

        return integration.Forms.FirstOrDefault(f => f.FormId == request.FormId) is { } form
            ? await work(integration, form)
            : Result<T>.NotFound(RetrievalRefusal.IntegrationNotFound);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a retrieval of several forms of an integration once <see cref="RetrievalRefusal.Refuses"/>
    /// let it go ahead. Its lead forms are first read again from Graph when every form is wanted (<paramref name="wanted"/>
    /// null) or one wanted is missing from the stored list; a failure of that read is the answer only when no form is known.
    /// </summary>
    public async Task<Result<T>> ForFormsAsync<T>(int integrationId, IReadOnlyList<string>? wanted, Func<Integration, Task<Result<T>>> work, CancellationToken ct)
    {
        var integration = await integrations.GetAsync(integrationId, ct);
        if (RetrievalRefusal.Refuses(integration, out Result<T>? refusal))
        {
            return refusal;
        }

        if ((wanted is null || wanted.Any(id => integration.Forms.All(f => f.FormId != id))) &&
            await RefreshFormsAsync(integration, ct) is { } failure && integration.Forms.Count == 0)
        {
            return Result<T>.Failed(RetrievalRefusal.FetchFailed, GraphFailureText.Describe(failure));
        }

        return await work(integration);
    }

    /// <summary>The integration's page and token, for a Graph call that handles its own failures.</summary>
    public GraphCredentials CredentialsFor(Integration integration) => protector.CredentialsFor(integration);

    /// <summary>Calls Graph as the integration's page. A failure is recorded on the integration and returned; null when the call went through.</summary>
    public async Task<GraphFailure?> CallGraphAsync(Integration integration, Func<GraphCredentials, Task> call)
    {
        try
        {
            await call(CredentialsFor(integration));
            return null;
        }
        catch (GraphApiException ex)
        {
            integration.RecordFailure(ex.Failure);
            return ex.Failure;
        }
    }

    /// <summary>
    /// Lists the page's lead forms with Meta's counts (and their questions when asked; new forms join the schedule) by
    /// <see cref="LeadFormsListing"/>. A failure is recorded on the integration as forms Graph would not list (a refused
    /// token as such) and returned; null when they were listed.
    /// </summary>
    public async Task<GraphFailure?> ListFormsAsync(Integration integration, DateTimeOffset now, CancellationToken ct, bool withQuestions = false)
    {
        GraphFailure? failure;
        try
        {
            failure = await graph.ListFormsIntoAsync(integration, CredentialsFor(integration), withQuestions, now, ct);
        }
        catch (GraphApiException ex)
        {
            failure = ex.Failure; // the stored token cannot be read (PageCredentials)
        }

        if (failure is not null)
        {
            integration.RecordFormsNotListed(failure);
        }

        return failure;
    }

    /// <summary>Reads the page's lead forms again (<see cref="ListFormsAsync"/>) and saves either way, so that every caller keeps the forms or what Graph said.</summary>
    public async Task<GraphFailure?> RefreshFormsAsync(Integration integration, CancellationToken ct)
    {
        var failure = await ListFormsAsync(integration, Now, ct);
        await unitOfWork.SaveChangesAsync(ct);
        return failure;
    }

    public Task SaveAsync(CancellationToken ct) => unitOfWork.SaveChangesAsync(ct);

    /// <summary>
    /// Once the integration's token works again (a reconnect, or a test that found it valid), the Messenger events held
    /// while it did not are recorded and shown (ADR 0012, "Held events"). Call after the integration is saved. A release
    /// that fails leaves the rest held and does not fail the staff action: the webhook worker's next pass finishes it.
    /// </summary>
    public async Task ReleaseHeldAsync(Integration integration, CancellationToken ct)
    {
        if (!integration.NeedsReconnect && integration.HasUsableToken)
        {
            try
            {
                await held.ReleaseAsync(integration, HeldRelease.ByStaff, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReleaseFailed(logger, integration.Id, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the held Messenger events of integration {IntegrationId} failed ({Error}); the webhook worker finishes it")]
    private static partial void LogReleaseFailed(ILogger logger, int integrationId, string error);

    /// <summary>Saves, then answers with the integration as it looks at <paramref name="now"/>, or, after a Graph <paramref name="failure"/>, with <paramref name="error"/> and what Graph said.</summary>
    public async Task<Result<IntegrationView>> SaveAsync(Integration integration, DateTimeOffset now, CancellationToken ct, GraphFailure? failure = null, string error = "")
    {
        await unitOfWork.SaveChangesAsync(ct);
        return failure is null
            ? Result<IntegrationView>.Ok(IntegrationView.From(integration, now))
            : Result<IntegrationView>.Failed(error, GraphFailureText.Describe(failure));
    }
}
