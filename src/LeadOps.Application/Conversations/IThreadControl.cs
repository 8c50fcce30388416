namespace LeadOps.Application.Conversations;

/// <summary>Messenger's thread control (handover) calls: <c>POST /{page-id}/pass_thread_control</c> and <c>/take_thread_control</c>.</summary>
public interface IThreadControl
{
    Task PassAsync(GraphCredentials credentials, string psid, string targetAppId, string? metadata, CancellationToken cancellationToken);

    Task TakeAsync(GraphCredentials credentials, string psid, string? metadata, CancellationToken cancellationToken);
}
