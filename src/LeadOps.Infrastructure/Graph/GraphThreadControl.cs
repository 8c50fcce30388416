namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// <see cref="IThreadControl"/> over <c>POST /{page-id}/pass_thread_control</c> and <c>/take_thread_control</c>, which
/// Conversation Routing still accepts (ADR 0012). Meta answers <c>{"success":true}</c>; a take may also be answered with
/// the thread's owner, as the Conversation Control guide prints it.
/// </summary>
internal sealed class GraphThreadControl(IGraphApi graphApi) : IThreadControl
{
    public async Task PassAsync(GraphCredentials credentials, string psid, string targetAppId, string? metadata, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetAppId);
        var answer = await GraphCall.RunAsync(() => graphApi.PassThreadControlAsync(
            credentials.PageId, new GraphThreadControlRequest(new(psid), targetAppId, metadata), GraphCallContext.ForPage(credentials), cancellationToken));
        Confirmed(answer.Success == true, "pass_thread_control");
    }

    public async Task TakeAsync(GraphCredentials credentials, string psid, string? metadata, CancellationToken cancellationToken)
    {
        var answer = await GraphCall.RunAsync(() => graphApi.TakeThreadControlAsync(
            credentials.PageId, new GraphThreadControlRequest(new(psid), null, metadata), GraphCallContext.ForPage(credentials), cancellationToken));
        Confirmed(answer.Success ?? answer.NamesThreadOwner, "take_thread_control");
    }

    private static void Confirmed(bool granted, string call)
    {
        if (!granted)
        {
            throw new GraphApiException(GraphCall.Unreadable(200, $"Graph did not confirm {call}"));
        }
    }
}
